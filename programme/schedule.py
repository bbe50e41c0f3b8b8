"""Shaping sessions for display: days, time slots and what is on now in each room."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from efus_conf.conference.models import Conference
from programme.clashes import shares_a_room
from programme.models import CONFERENCE_TZ, Session


@dataclass
class Slot:
    start: datetime.datetime
    end: datetime.datetime
    sessions: list = field(default_factory=list)

    @property
    def is_break(self):
        return all(session.is_break for session in self.sessions)


@dataclass
class Day:
    date: datetime.date
    slots: list

    @property
    def anchor(self):
        return f"day-{self.date.isoformat()}"

    @property
    def session_count(self):
        return sum(len(slot.sessions) for slot in self.slots)


class Days(list):
    """The programme's days, in order."""

    @property
    def session_count(self):
        return sum(day.session_count for day in self)


def conference_days(conference=None):
    """The conference's calendar days, or the days that have sessions if none is set up."""
    conference = conference or Conference.objects.current()
    if conference is None:
        return Session.objects.published().days()
    span = (conference.end_date - conference.start_date).days
    return [conference.start_date + datetime.timedelta(days=n) for n in range(span + 1)]


def group_by_day_and_slot(sessions):
    """Days, each with its time slots: sessions starting at the same time run in parallel."""
    days = Days()
    sessions = sorted(sessions, key=lambda s: (s.start, s.room.order, s.room.name, s.pk))
    for date, day_sessions in groupby(sessions, key=lambda s: s.day):
        slots = []
        for start, slot_sessions in groupby(day_sessions, key=lambda s: s.start):
            slot_sessions = list(slot_sessions)
            end = max(session.end for session in slot_sessions)
            slots.append(Slot(start=start, end=end, sessions=slot_sessions))
        days.append(Day(date=date, slots=slots))
    return days


@dataclass
class Showing:
    """A session on the "Now & next" page, with the sessions it clashes with in its room."""

    session: Session
    clashes: list = field(default_factory=list)


@dataclass
class RoomNow:
    """A room's sessions running at the moment and those starting next, however many."""

    room: object
    current: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)

    def add(self, session, moment):
        if session.start <= moment:
            self.current.append(Showing(session))
        # Sessions come in order of start: only those at the first start still to come.
        elif not self.upcoming or session.start == self.upcoming[0].session.start:
            self.upcoming.append(Showing(session))

    def mark_clashes(self):
        shown = self.current + self.upcoming
        for showing in shown:
            showing.clashes = [
                other.session for other in shown if shares_a_room(showing.session, other.session)
            ]


@dataclass
class NowAndNext:
    """What the "Now & next" page shows at one moment."""

    moment: datetime.datetime
    state: str  # "before", "during" or "after" the conference, or "unscheduled"
    rooms: list
    first_start: datetime.datetime | None = None
    next_day: datetime.date | None = None


def now_and_next(moment):
    """Per room, the sessions on at `moment` and those starting next, on the day still to
    come."""
    published = Session.objects.published()
    first = published.order_by("start").first()
    if first is None:
        return NowAndNext(moment=moment, state="unscheduled", rooms=[])
    coming = published.filter(end__gt=moment).order_by("start").first()
    if coming is None:
        return NowAndNext(moment=moment, state="after", rooms=[])
    state = "before" if moment < first.start else "during"
    # Look at the rest of today, or at the next conference day when today is over.
    day = max(moment, coming.start).astimezone(CONFERENCE_TZ).date()
    sessions = list(
        published.for_day(day).filter(end__gt=moment).with_people().order_by("start", "pk")
    )
    rooms = {}
    for session in sessions:
        rooms.setdefault(session.room_id, RoomNow(session.room)).add(session, moment)
    for entry in rooms.values():
        entry.mark_clashes()
    ordered = sorted(rooms.values(), key=lambda entry: (entry.room.order, entry.room.name))
    next_day = day if day != moment.astimezone(CONFERENCE_TZ).date() else None
    return NowAndNext(
        moment=moment, state=state, rooms=ordered, first_start=first.start, next_day=next_day
    )
