from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CacheConfig(AppConfig):
    """The content version that public pages are cached under, and its triggers."""

    name = "efus_conf.cache"
    label = "cache"
    verbose_name = _("Cache")

    def ready(self):
        from efus_conf.cache.version import install_triggers

        # After every app's migrations, so that every content table exists.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="content-version")
