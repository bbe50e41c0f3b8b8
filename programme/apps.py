from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from programme.changes import drop_before_migrate, install_after_migrate

        # The triggers that keep the programme's changes, off while migrations run: see
        # programme/changes.py.
        pre_migrate.connect(drop_before_migrate, sender=self, dispatch_uid="programme-changes")
        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="programme-changes")
