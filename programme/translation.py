from modeltranslation.translator import TranslationOptions, register

from programme.models import Room, Session, Track


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name", "location")


@register(Track)
class TrackTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
