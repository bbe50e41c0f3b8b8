"""Reading a frab/c3voc schedule (schedule.xml or schedule.json, as pretalx, frab or this
site's own programme/exports.py write them) into plain data: events, people and tracks.

XML goes through defusedxml: entity expansion, external entities and DTDs are refused. Any
file that is not a schedule raises ScheduleError, whose message tells the organiser why.
"""

import datetime
import json
import re
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from efus_conf.core import untrusted_xml

SPEAKER_PAGE = re.compile(r"/speakers/(?P<slug>[-a-z0-9]+)/$")


class ScheduleError(Exception):
    """The file cannot be read as a schedule; its message says why, for the organiser."""


@dataclass
class Person:
    guid: uuid.UUID
    name: str
    id: int | None = None
    slug: str = ""


@dataclass
class Event:
    guid: uuid.UUID
    title: str
    start: datetime.datetime
    end: datetime.datetime
    room: str
    id: int | None = None
    slug: str = ""
    track: str = ""
    type: str = ""
    language: str = ""
    abstract: str = ""
    description: str = ""
    persons: list = field(default_factory=list)


@dataclass
class Schedule:
    tracks: list  # (name, slug, colour)
    events: list


def read_schedule(upload):
    """The Schedule in an uploaded schedule.json or schedule.xml, or ScheduleError. Its size
    is checked by the upload (efus_conf.core.uploads.ImportFileField)."""
    data = upload.read()
    try:
        if data.lstrip()[:1] in (b"{", b"["):
            return schedule_from_json(data)
        return schedule_from_xml(data)
    except ScheduleError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ScheduleError(
            _("This is not a frab schedule: %(problem)s.") % {"problem": describe(error)}
        ) from error


def describe(error):
    if isinstance(error, KeyError):
        return _("“%(name)s” is missing") % {"name": error.args[0]}
    return str(error)


def schedule_from_json(data):
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ScheduleError(_("This file is not UTF-8 text; save it as UTF-8.")) from error
    except json.JSONDecodeError as error:
        raise ScheduleError(
            _("This is not valid JSON (line %(line)d): %(problem)s.")
            % {"line": error.lineno, "problem": error.msg}
        ) from error
    conference = document["schedule"]["conference"]
    tracks = [
        (track["name"], track.get("slug", ""), track.get("color", ""))
        for track in conference.get("tracks", [])
    ]
    events = [
        event_from(item, persons=[person_from(p) for p in item.get("persons", [])])
        for day in conference["days"]
        for room_events in day["rooms"].values()
        for item in room_events
    ]
    return Schedule(tracks=tracks, events=events)


def schedule_from_xml(data):
    root = untrusted_xml.parse(data, ScheduleError)
    if root.tag != "schedule":
        raise ScheduleError(_("This XML file is not a frab schedule (no <schedule>)."))
    tracks = [
        (track.get("name", ""), track.get("slug", ""), track.get("color", ""))
        for track in root.iterfind("conference/track")
    ]
    events = []
    for element in root.iterfind("day/room/event"):
        item = {child.tag: child.text or "" for child in element if child.tag != "persons"}
        item.update(guid=element.get("guid"), id=element.get("id"))
        persons = [
            person_from({"guid": p.get("guid"), "id": p.get("id"), "name": p.text or ""})
            for p in element.iterfind("persons/person")
        ]
        events.append(event_from(item, persons=persons))
    return Schedule(tracks=tracks, events=events)


def person_from(item):
    name = (text_of(item, "public_name") or text_of(item, "name")).strip()
    if not name:
        raise ValueError(_("a person has no name"))
    # This site's own export links each person to /<lang>/speakers/<slug>/: keep the address.
    own_page = SPEAKER_PAGE.search(urlsplit(str(item.get("url") or "")).path)
    return Person(
        guid=uuid.UUID(str(item["guid"])),
        name=name,
        id=as_id(item.get("id")),
        slug=own_page["slug"] if own_page else "",
    )


def event_from(item, *, persons):
    title = text_of(item, "title").strip()
    start = parse_datetime(text_of(item, "date"))
    duration = frab_duration(text_of(item, "duration"))
    if start is None or start.tzinfo is None or duration is None:
        raise ValueError(_("the event “%(title)s” has no valid date") % {"title": title})
    return Event(
        guid=uuid.UUID(str(item["guid"])),
        id=as_id(item.get("id")),
        title=title,
        start=start,
        end=start + duration,
        room=text_of(item, "room").strip(),
        **{name: text_of(item, name) for name in OPTIONAL_TEXTS},
        persons=persons,
    )


OPTIONAL_TEXTS = ["slug", "track", "type", "language", "abstract", "description"]


def text_of(item, name):
    """The text of `name`, "" when absent or null; ValueError for a list, a number, …"""
    value = item.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(_("“%(name)s” is not text") % {"name": name})
    return value


def frab_duration(text):
    """frab writes durations as "HH:MM" (or "HH:MM:SS"), which Django reads as minutes."""
    match = re.fullmatch(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?", str(text).strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def as_id(value):
    return int(value) if str(value or "").isdigit() else None
