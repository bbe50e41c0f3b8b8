"""Countries a speaker can come from: django-countries' registry, narrowed to the ones Efus
speakers come from. The field stores the ISO 3166-1 alpha-2 code; the names are translated by
django-countries' catalogues, except the few below."""

from django.utils.translation import gettext_lazy as _
from django_countries import Countries

from efus_conf.core.text import fold


class SpeakerCountries(Countries):
    # The Efus network is European; a few other countries often send speakers.
    only = [
        "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
        "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LT", "LU", "LV", "MD", "ME", "MK", "MT",
        "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "TR", "UA",
        "CA", "US", "BR", "CO", "MX", "MA", "SN", "TN", "CI", "ZA", "JP", "AU",
    ]  # fmt: skip
    # The short names people use (CLDR's, which the site has always shown) where the ISO
    # list is formal: "États-Unis", not "États-Unis d'Amérique". Their translations are the
    # site's own (locale/), which also win over django-countries' for Czechia and North
    # Macedonia ("Tchéquie", not "République tchèque").
    override = {
        "BA": _("Bosnia & Herzegovina"),
        "CI": _("Côte d’Ivoire"),
        "CZ": _("Czechia"),
        "MK": _("North Macedonia"),
        "US": _("United States"),
    }


speaker_countries = SpeakerCountries()


def sorted_choices(codes):
    """(code, name) pairs for `codes`, in the alphabetical order of the active language."""
    # "Émirats" sorts with the E's, not after "Zambie", and "IJsland" after "Ierland".
    pairs = ((code, speaker_countries.name(code)) for code in codes)
    return sorted(pairs, key=lambda pair: fold(pair[1]))
