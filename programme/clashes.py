"""Clashes: two sessions in one room at overlapping times, or one person in two sessions at
once. The admin's session form warns of them before saving (organisers sometimes double-book
on purpose), and Now & next says when two sessions showing together share a room."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from programme.models import Session, SessionSpeaker


def shares_a_room(session, other):
    """Whether `other` is booked in `session`'s room at an overlapping time; room_clashes()
    asks the database the same question."""
    return (
        other.pk != session.pk
        and other.room_id == session.room_id
        and other.start < session.end
        and other.end > session.start
        and session.format not in Session.FORMATS_SHARING_A_ROOM
        and other.format not in Session.FORMATS_SHARING_A_ROOM
    )


def room_clashes(session):
    """Other sessions in the same room at overlapping times."""
    if session.format in Session.FORMATS_SHARING_A_ROOM or not (session.start and session.end):
        return Session.objects.none()
    return (
        Session.objects.overlapping(session.start, session.end)
        .filter(room_id=session.room_id)
        .exclude(pk=session.pk)
        .exclude(format__in=Session.FORMATS_SHARING_A_ROOM)
    )


def speaker_clashes(session, speakers=None):
    """People of `session` (or `speakers`, such as those of a form not yet saved) who are in
    another session at an overlapping time."""
    return (
        SessionSpeaker.objects.filter(
            speaker__in=session.speakers.all() if speakers is None else speakers,
            session__in=Session.objects.overlapping(session.start, session.end).exclude(
                pk=session.pk
            ),
        )
        .select_related("speaker", "session")
        .order_by("speaker__name", "session__start")
    )


def clash_messages(session, speakers=None):
    """What else happens in the session's room or to its people at the same time."""
    room = [
        _("%(room)s is also booked for “%(other)s” (%(start)s–%(end)s).")
        % {
            "room": session.room,
            "other": other,
            "start": date_format(other.local_start, "D j F, H:i"),
            "end": date_format(other.local_end, "H:i"),
        }
        for other in room_clashes(session).select_related("room")
    ]
    people = [
        _("%(speaker)s is also in “%(other)s” at the same time (%(start)s–%(end)s).")
        % {
            "speaker": clash.speaker,
            "other": clash.session,
            "start": date_format(clash.session.local_start, "D j F, H:i"),
            "end": date_format(clash.session.local_end, "H:i"),
        }
        for clash in speaker_clashes(session, speakers)
    ]
    return room + people
