from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The project package doubles as the app that owns the conference's own content."""

    name = "efus_conf"
    verbose_name = _("Conference")
