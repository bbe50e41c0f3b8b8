from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OpsConfig(AppConfig):
    """Running the site: health probes, sign-in pauses, roles, backups, logs and the checks."""

    name = "efus_conf.ops"
    label = "ops"

    def ready(self):
        from efus_conf import checks  # noqa: F401 - registers the project's checks
        from efus_conf.ops.roles import grant_roles

        # Sent for every app after each migrate (and after a test's flush), once Django has
        # created that app's permissions: the roles get theirs in it.
        post_migrate.connect(grant_roles, dispatch_uid="efus_conf.ops.roles.grant_roles")
