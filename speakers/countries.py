"""Countries a speaker can come from, as ISO 3166-1 alpha-2 codes with localised names.

The names come from the CLDR data shipped with Babel (already a dependency), so they are
correct in every language the site offers without a list of translations to maintain.
"""

from functools import cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language

from efus_conf.core.text import fold

# The Efus network is European; a few other countries often send speakers.
CODES = (
    "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
    "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LT", "LU", "LV", "MD", "ME", "MK", "MT",
    "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "TR", "UA",
    "CA", "US", "BR", "CO", "MX", "MA", "SN", "TN", "CI", "ZA", "JP", "AU",
)  # fmt: skip


@cache
def _territories(language):
    try:
        return Locale.parse(language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        return Locale.parse(settings.LANGUAGE_CODE).territories


def country_name(code, language=None):
    """The country's name in `language` (by default the active one); the code if unknown."""
    return _territories(language or get_language() or settings.LANGUAGE_CODE).get(code, code)


# Lazy, so model choices and forms show the name in the language of each request.
country_name_lazy = lazy(country_name, str)


def choices():
    """Model choices; a callable, so migrations do not copy names that CLDR may reword."""
    return [(code, country_name_lazy(code)) for code in CODES]


def sorted_choices(codes):
    """(code, name) pairs for `codes`, in the alphabetical order of the active language."""
    # "Émirats" sorts with the E's, not after "Zambie".
    return sorted(((code, country_name(code)) for code in codes), key=lambda pair: fold(pair[1]))
