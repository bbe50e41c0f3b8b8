from modeltranslation.translator import TranslationOptions, register

from efus_conf.conference.models import (
    Conference,
    HomepageCopy,
    KeyFigure,
    Page,
    Partner,
    Registration,
    UsefulLink,
    Venue,
)
from efus_conf.core.history import track_history


@register(Conference)
class ConferenceTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "tagline",
        "city",
        "country",
        "organiser_blurb",
        "copyright_line",
    )


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "public_transport",
        "map_description",
        "step_free_access",
        "hearing_loop",
        "interpretation_headsets",
        "quiet_room",
        "access_contact",
    )


@register(HomepageCopy)
class HomepageCopyTranslationOptions(TranslationOptions):
    fields = ("patronage", "intro", "audience", "recap", "speakers_heading", "newsletter_pitch")


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


@register(UsefulLink)
class UsefulLinkTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label",)


# After the registrations above, so that history records each language's column.
track_history(Conference)
track_history(Venue)
track_history(Registration)
track_history(HomepageCopy)
track_history(Partner)
track_history(Page)
track_history(UsefulLink)
track_history(KeyFigure)
