from modeltranslation.translator import TranslationOptions, register

from speakers.models import Speaker


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("role", "organisation", "city", "bio", "quote")
