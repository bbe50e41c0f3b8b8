"""The programme: rooms, tracks, sessions, the people who speak, chair or moderate them,
and the record of what changed.

One module per model family; the names are gathered here so that `from programme.models
import Session` reads the same wherever the model lives.
"""

from efus_conf.conference.models import CONFERENCE_TZ
from programme.models.changes import SessionChange, SessionChangeQuerySet
from programme.models.documents import MAX_MATERIAL_BYTES, PDF_MAGIC, SessionMaterial, validate_pdf
from programme.models.fields import Language, LanguageListField, choice_label
from programme.models.people import SessionSpeaker
from programme.models.rooms import Room
from programme.models.sessions import (
    RECORDING_PLATFORMS,
    RESERVED_SLUGS,
    Availability,
    Session,
    SessionQuerySet,
    local_day_bounds,
)
from programme.models.tracks import Track

__all__ = [
    "CONFERENCE_TZ",
    "MAX_MATERIAL_BYTES",
    "PDF_MAGIC",
    "RECORDING_PLATFORMS",
    "RESERVED_SLUGS",
    "Availability",
    "Language",
    "LanguageListField",
    "Room",
    "Session",
    "SessionChange",
    "SessionChangeQuerySet",
    "SessionMaterial",
    "SessionQuerySet",
    "SessionSpeaker",
    "Track",
    "choice_label",
    "local_day_bounds",
    "validate_pdf",
]
