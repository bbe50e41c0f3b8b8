from modeltranslation.translator import TranslationOptions, register

from programme.models import Room, Session, SessionMaterial, Track


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name", "location", "directions")


@register(Track)
class TrackTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "meeting_point", "report")


@register(SessionMaterial)
class SessionMaterialTranslationOptions(TranslationOptions):
    fields = ("title",)
