from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The conference's own content: the conference, its pages, partners and key figures.

    Its label stays "efus_conf", the project's name it had when it lived at the package's
    root, so that its tables, migrations and permissions keep their names."""

    name = "efus_conf.conference"
    label = "efus_conf"
    verbose_name = _("Conference")
