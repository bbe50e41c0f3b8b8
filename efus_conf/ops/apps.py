from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: health probes, sign-in pauses, backups, logs and the system checks."""

    name = "efus_conf.ops"
    label = "ops"

    def ready(self):
        from efus_conf import checks  # noqa: F401 - registers the project's checks
