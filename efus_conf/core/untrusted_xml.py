"""XML from organisers' files (schedules, translations), read without trusting it."""

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _


def parse(data, error):
    """The root element of `data`; `error` (an exception class) with a message the organiser
    can act on when it is not XML or declares entities or a DTD (entity expansion and
    external entities are refused outright)."""
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as refused:
        raise error(
            _("This XML file declares entities or a DTD, which are refused for safety.")
        ) from refused
    except ParseError as problem:
        raise error(_("This is not valid XML: %(problem)s.") % {"problem": problem}) from problem
