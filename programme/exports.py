"""The programme for other software: iCalendar for calendars, frab/c3voc XML and JSON for apps.

Every identifier is stable (derived from the session's primary key and the site's host), so
subscribed calendars and conference apps update sessions in place instead of duplicating them.
"""

import re
import uuid
import xml.etree.ElementTree as ET
from itertools import groupby
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from efus_conf.core.request_helpers import absolute_url
from programme.models import CONFERENCE_TZ, local_day_bounds
from programme.schedule import conference_days

GENERATOR = "efus-conf"
PRODID = "-//Efus//Security, Democracy & Cities programme//EN"


def site_host():
    """The domain in events' identifiers: the site's own (SITE_URL), whoever asks."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def session_uid(session, host):
    return f"session-{session.pk}@{host}"


def session_guid(session, host):
    """The guid an imported session came with, so a round trip keeps it; else one derived
    from its primary key."""
    if session.guid:
        return str(session.guid)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, session_uid(session, host)))


def speaker_guid(speaker, host):
    if speaker.guid:
        return str(speaker.guid)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"speaker-{speaker.pk}@{host}"))


def plain_text(html):
    """Organiser HTML as plain text: paragraphs separated by blank lines."""
    text = re.sub(r"</(p|li|h[2-4])>\s*", "\n\n", html or "")
    return re.sub(r"\n{3,}", "\n\n", strip_tags(text)).strip()


def people_line(session):
    return ", ".join(
        f"{person.speaker.name} ({person.get_role_display()})" for person in session.people_in_order
    )


def location_of(session, conference):
    parts = [session.room.name, session.room.location]
    if conference and conference.venue.name:
        parts.append(conference.venue.name)
    return ", ".join(part for part in parts if part)


# iCalendar ---------------------------------------------------------------------------------


def calendar_for(sessions, *, conference, name):
    """An iCalendar document (bytes) with one VEVENT per session, times in Europe/Brussels."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(CONFERENCE_TZ))
    host = site_host()
    for session in sessions:
        calendar.add_component(event_for(session, conference=conference, host=host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_for(session, *, conference, host):
    url = absolute_url(session.get_absolute_url())
    event = icalendar.Event()
    event.add("uid", session_uid(session, host))
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2).
    event.add("dtstamp", session.updated_at)
    event.add("created", session.created_at)
    event.add("last-modified", session.updated_at)
    event.add("sequence", session.sequence)
    event.add("summary", session.title)
    event.add("dtstart", session.local_start)
    event.add("dtend", session.local_end)
    event.add("location", location_of(session, conference))
    event.add("url", url)
    description = [session.summary, plain_text(session.description), people_line(session), url]
    event.add("description", "\n\n".join(part for part in description if part))
    categories = [session.get_format_display()]
    if session.track:
        categories.append(session.track.name)
    event.add("categories", categories)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    return event


# frab / c3voc --------------------------------------------------------------------------------


def acronym_of(conference):
    """A c3voc acronym such as "security_democracy_cities_2024" (both schemas accept it)."""
    name = slugify(conference.short_name).replace("-", "_") or "conference"
    return f"{name}_{conference.start_date.year}"


def duration_of(session):
    minutes = int(session.duration.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def iso(moment):
    return timezone.localtime(moment, CONFERENCE_TZ).isoformat()


def schedule_days(sessions, conference):
    """(index, date, day start, day end, [(room, [sessions])]) for every conference day."""
    by_day = {
        day: list(day_sessions) for day, day_sessions in groupby(sessions, key=lambda s: s.day)
    }
    days = conference_days(conference)
    for index, day in enumerate(days, start=1):
        day_sessions = by_day.get(day, [])
        if day_sessions:
            start = min(s.start for s in day_sessions)
            end = max(s.end for s in day_sessions)
        else:
            start, end = local_day_bounds(day)
        rooms = sorted({s.room for s in day_sessions}, key=lambda room: (room.order, room.name))
        by_room = [(room, [s for s in day_sessions if s.room_id == room.pk]) for room in rooms]
        yield index, day, start, end, by_room


def event_data(session, *, acronym, host):
    url = absolute_url(session.get_absolute_url())
    return {
        "id": session.pk,
        "guid": session_guid(session, host),
        "date": iso(session.start),
        "start": session.local_start.strftime("%H:%M"),
        "end": iso(session.end),
        "duration": duration_of(session),
        "room": session.room.name,
        "slug": f"{acronym}-{session.pk}-{session.slug}",
        "url": url,
        "title": session.title,
        "subtitle": "",
        "track": session.track.name if session.track else "",
        "type": session.get_format_display(),
        "language": session.language,
        "abstract": session.summary,
        "description": plain_text(session.description),
        "persons": [
            {
                "name": person.speaker.name,
                "guid": speaker_guid(person.speaker, host),
                "url": absolute_url(person.speaker.get_absolute_url()),
            }
            for person in session.people_in_order
        ],
        "links": recording_links(session),
        "attachments": attachments(session),
    }


def recording_links(session):
    """The recording as a c3voc link, named after its platform."""
    if not session.recording_url:
        return []
    return [{"type": "media", "url": session.recording_url, "title": session.recording_platform}]


def attachments(session):
    """The session's documents (with_documents()) as c3voc attachments (their kinds are the
    schema's types)."""
    return [
        {
            "type": material.kind,
            "url": absolute_url(material.file.url),
            "title": material.title,
        }
        for material in session.documents
    ]


def conference_data(conference, tracks):
    days = conference_days(conference)
    return {
        "acronym": acronym_of(conference),
        "title": conference.name,
        "start": conference.start_date.isoformat(),
        "end": conference.end_date.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": "00:15",
        "time_zone_name": str(CONFERENCE_TZ),
        "url": absolute_url("/"),
        "tracks": [
            {"name": track.name, "slug": track.slug, "color": track.colour.lower()}
            for track in tracks
        ],
    }


def schedule_json(sessions, *, conference, tracks, version):
    """The programme as a c3voc schedule.json document (a dict)."""
    host = site_host()
    data = conference_data(conference, tracks)
    data["days"] = [
        {
            "index": index,
            "date": day.isoformat(),
            "day_start": iso(start),
            "day_end": iso(end),
            "rooms": {
                room.name: [
                    event_data(s, acronym=data["acronym"], host=host) for s in room_sessions
                ]
                for room, room_sessions in rooms
            },
        }
        for index, day, start, end, rooms in schedule_days(sessions, conference)
    ]
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {
            "version": version,
            "base_url": absolute_url("/"),
            "conference": data,
        },
    }


def schedule_xml(sessions, *, conference, tracks, version):
    """The programme as a frab/c3voc schedule.xml document (bytes)."""
    host = site_host()
    data = conference_data(conference, tracks)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    ET.SubElement(root, "version").text = version
    element = ET.SubElement(root, "conference")
    for key in ("acronym", "title", "start", "end", "time_zone_name", "url"):
        ET.SubElement(element, key).text = data[key]
    ET.SubElement(element, "days").text = str(data["daysCount"])
    ET.SubElement(element, "timeslot_duration").text = data["timeslot_duration"]
    ET.SubElement(element, "base_url").text = absolute_url("/")
    for track in data["tracks"]:
        ET.SubElement(
            element, "track", name=track["name"], slug=track["slug"], color=track["color"]
        )
    for index, day, start, end, rooms in schedule_days(sessions, conference):
        day_element = ET.SubElement(
            root, "day", index=str(index), date=day.isoformat(), start=iso(start), end=iso(end)
        )
        for room, room_sessions in rooms:
            room_element = ET.SubElement(day_element, "room", name=room.name)
            for session in room_sessions:
                add_xml_event(room_element, session, data["acronym"], host)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def add_xml_event(parent, session, acronym, host):
    data = event_data(session, acronym=acronym, host=host)
    event = ET.SubElement(parent, "event", id=str(data["id"]), guid=data["guid"])
    for key in (
        "date", "start", "duration", "room", "slug", "url", "title", "subtitle", "track",
        "type", "language", "abstract", "description",
    ):  # fmt: skip
        ET.SubElement(event, key).text = str(data[key])
    persons = ET.SubElement(event, "persons")
    for person_data, person in zip(data["persons"], session.people_in_order, strict=True):
        ET.SubElement(
            persons, "person", id=str(person.speaker_id), guid=person_data["guid"]
        ).text = person_data["name"]
    links = ET.SubElement(event, "links")
    for link in data["links"]:
        ET.SubElement(links, "link", href=link["url"], type=link["type"]).text = link["title"]
    files = ET.SubElement(event, "attachments")
    for attachment in data["attachments"]:
        ET.SubElement(
            files, "attachment", href=attachment["url"], type=attachment["type"]
        ).text = attachment["title"]
    return event
