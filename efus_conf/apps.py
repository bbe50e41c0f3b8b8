from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The project package doubles as the app that owns the conference's own content."""

    name = "efus_conf"
    verbose_name = _("Conference")

    def ready(self):
        from efus_conf import checks  # noqa: F401 - registers the project's checks
        from efus_conf.content_version import install_triggers

        # After every app's migrations, so that every content table exists.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="content-version")
