from modeltranslation.translator import TranslationOptions, register

from efus_conf.core.history import track_history
from speakers.models import Speaker


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("role", "organisation", "city", "bio", "quote")


# After the registrations above, so that history records each language's column.
track_history(Speaker)
