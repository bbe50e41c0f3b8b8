from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CacheConfig(AppConfig):
    name = "efus_conf.cache"

    def ready(self):
        from efus_conf.cache.version import install_triggers

        # After every app's migrations, so that every content table exists.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="content-version")
