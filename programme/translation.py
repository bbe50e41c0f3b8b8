from modeltranslation.translator import TranslationOptions, register

from efus_conf.core.history import track_history
from programme.models import Room, Session, SessionMaterial, SessionSpeaker, Track


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


# After the registrations above, so that history records each language's column.
track_history(Room)
track_history(Track)
track_history(Session)
track_history(SessionSpeaker)
track_history(SessionMaterial)
