from modeltranslation.translator import TranslationOptions, register

from efus_conf.models import Conference, Page, Partner, UsefulLink


@register(Conference)
class ConferenceTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "tagline",
        "city",
        "country",
        "venue_name",
        "patronage",
        "intro",
        "audience",
        "speakers_heading",
        "newsletter_pitch",
        "organiser_blurb",
        "copyright_line",
    )


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


@register(UsefulLink)
class UsefulLinkTranslationOptions(TranslationOptions):
    fields = ("title",)
