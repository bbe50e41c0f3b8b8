from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The project package doubles as the app that owns the conference's own content."""

    name = "efus_conf"
    verbose_name = _("Conference")

    def ready(self):
        from efus_conf import checks  # noqa: F401 - registers the project's checks
        from efus_conf.page_cache import code_changed, content_changed

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, dispatch_uid="page-cache-invalidation")
        # A release runs `migrate` (the image does on every start): pages and fragments
        # rendered by the previous code must not outlive it in a shared cache.
        post_migrate.connect(code_changed, sender=self, dispatch_uid="page-cache-release")
