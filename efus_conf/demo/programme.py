"""Demo programme: three days (20–22 March 2024) with the real shape of the 2024 conference.

4 plenaries (the opening and the drugs plenary with their real speakers), 18 thematic
sessions in three parallel rooms, 12 field visits, 3 pitch sessions on the first day, breaks
and a reception. Every other published speaker is placed in a thematic session.
"""

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from efus_conf.demo import programme_content as text
from programme.changes import SessionChange
from programme.models import (
    CONFERENCE_TZ,
    Language,
    Room,
    Session,
    SessionMaterial,
    SessionSpeaker,
    Track,
)
from speakers.models import Speaker

DAYS = [datetime.date(2024, 3, 20), datetime.date(2024, 3, 21), datetime.date(2024, 3, 22)]
ALL_LANGUAGES = [Language.EN, Language.FR, Language.NL, Language.ES]
PARALLEL_ROOMS = ["europa", "horta", "magritte"]

PLENARY_SPEAKERS = {
    "opening-plenary": [
        "sophie-lavaux", "willy-demeyer", "fabrice-cumps", "jan-olbrycht", "alba-alfageme",
        "elizabeth-johnston",
    ],
    "plenary-drugs": ["ahmed-aboutaleb", "ine-van-wymersch", "alexis-goosdeel", "elizabeth-johnston"],
}  # fmt: skip
REAL_SPEAKERS = {slug for slugs in PLENARY_SPEAKERS.values() for slug in slugs}

# (day index, start, end, key); the key says what runs then (see build_sessions).
TIMETABLE = [
    (0, "08:30", "09:30", "break:registration"),
    (0, "09:30", "11:00", "plenary:opening-plenary"),
    (0, "11:00", "11:30", "break:coffee"),
    (0, "11:30", "12:45", "pitches"),
    (0, "12:45", "14:00", "break:lunch"),
    (0, "14:00", "15:15", "plenary:plenary-drugs"),
    (0, "15:15", "15:45", "break:coffee"),
    (0, "15:45", "17:15", "thematic:0"),
    (0, "17:30", "19:30", "networking:reception"),
    (1, "09:00", "10:15", "plenary:plenary-democracy"),
    (1, "10:15", "10:45", "break:coffee"),
    (1, "10:45", "12:15", "thematic:1"),
    (1, "12:15", "13:30", "break:lunch"),
    (1, "13:30", "15:00", "thematic:2"),
    (1, "13:30", "17:00", "visits:0"),
    (1, "15:00", "15:30", "break:coffee"),
    (1, "15:30", "17:00", "thematic:3"),
    (2, "09:00", "10:30", "thematic:4"),
    (2, "10:30", "11:00", "break:coffee"),
    (2, "11:00", "12:30", "thematic:5"),
    (2, "12:30", "13:30", "break:lunch"),
    (2, "13:30", "14:45", "plenary:closing-plenary"),
    (2, "15:00", "17:30", "visits:1"),
]

THEMATIC_SLUGS = [
    "local-strategies-drug-violence", "ports-logistics-organised-crime", "harm-reduction-city-centre",
    "neighbourhoods-next-crisis", "crisis-communication-trust", "lessons-floods-heatwaves-pandemics",
    "protecting-local-elected-officials", "countering-online-hate", "public-spaces-for-dialogue",
    "mental-health-crises-street", "police-health-services-together", "loneliness-public-space",
    "youth-prevention-that-works", "designing-safer-streets", "evaluating-prevention-policies",
    "night-time-mediation", "mediators-public-transport", "training-social-mediators",
]  # fmt: skip
VISIT_SLUGS = [
    "visit-drug-consumption-room", "visit-drug-prevention-service", "visit-crisis-centre",
    "visit-emergency-dispatch", "visit-neighbourhood-participation", "visit-youth-centre",
    "visit-mobile-mental-health-team", "visit-day-centre", "visit-prevention-partnership",
    "visit-safer-public-space", "visit-social-mediation-scheme", "visit-street-mediators",
]  # fmt: skip
# Groups gather this long before a field visit leaves.
VISIT_GATHERING = datetime.timedelta(minutes=15)
PITCH_SLUGS = ["pitches-prevention", "pitches-technology", "pitches-european-projects"]


def at(day_index, clock):
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime.combine(
        DAYS[day_index], datetime.time(hour, minute), tzinfo=CONFERENCE_TZ
    )


def translated(name, values):
    return {f"{name}_{code}": value for code, value in zip(("en", "fr", "nl"), values, strict=True)}


def load_rooms():
    rooms = {}
    for order, (key, names, locations, capacity) in enumerate(text.ROOMS):
        rooms[key], _ = Room.objects.update_or_create(
            name_en=names[0],
            defaults={
                **translated("name", names),
                **translated("location", locations),
                **translated("directions", text.DIRECTIONS[key]),
                "capacity": capacity,
                "order": order,
            },
        )
    return rooms


def load_tracks():
    tracks = []
    for order, (slug, colour, names) in enumerate(text.TRACKS):
        track, _ = Track.objects.update_or_create(
            slug=slug, defaults={**translated("name", names), "colour": colour, "order": order}
        )
        tracks.append(track)
    return tracks


def build_sessions(rooms, tracks):
    """(slug, fields) for every demo session, following TIMETABLE."""
    counters = {"break": 0, "networking": 0}
    for day, start, end, key in TIMETABLE:
        kind, _, name = key.partition(":")
        when = {"start": at(day, start), "end": at(day, end)}
        if kind == "plenary":
            titles, summaries = text.PLENARIES[name]
            yield name, {
                **when, **translated("title", titles), **translated("summary", summaries),
                **translated("description", text.PLENARY_DESCRIPTION),
                "room": rooms["auditorium"], "format": Session.Format.PLENARY,
                "language": Language.EN,
                "interpretation": [code for code in ALL_LANGUAGES if code != Language.EN],
            }  # fmt: skip
        elif kind in ("break", "networking"):
            counters[kind] += 1
            yield f"{kind}-{day + 1}-{start.replace(':', '')}", {
                **when, **translated("title", text.BREAKS[name]),
                **translated("summary", ("", "", "")), **translated("description", ("", "", "")),
                "room": rooms["foyer"],
                "format": Session.Format.BREAK if kind == "break" else Session.Format.NETWORKING,
                "interpretation": [],
            }  # fmt: skip
        elif kind == "pitches":
            for index, slug in enumerate(PITCH_SLUGS):
                yield slug, {
                    **when, **translated("title", text.PITCHES[index]),
                    **translated("summary", text.PITCH_SUMMARY),
                    **translated("description", ("", "", "")),
                    "room": rooms[PARALLEL_ROOMS[index]], "format": Session.Format.PITCH,
                    "interpretation": [],
                }  # fmt: skip
        elif kind == "thematic":
            for offset, room_key in enumerate(PARALLEL_ROOMS):
                index = int(name) * 3 + offset
                yield THEMATIC_SLUGS[index], {
                    **when, **translated("title", text.THEMATIC[index]),
                    **translated("summary", text.THEMATIC_SUMMARY),
                    **translated("description", ("", "", "")),
                    "room": rooms[room_key], "track": tracks[index // 3],
                    "format": Session.Format.THEMATIC,
                    # One session in three is held in French, with English interpretation.
                    "language": Language.FR if index % 3 == 1 else Language.EN,
                    "interpretation": [Language.EN] if index % 3 == 1 else [],
                }  # fmt: skip
        elif kind == "visits":
            for offset in range(6):
                index = int(name) + offset * 2
                yield VISIT_SLUGS[index], {
                    **when, **translated("title", text.FIELD_VISITS[index]),
                    **translated("summary", text.FIELD_VISIT_SUMMARY),
                    **translated("description", ("", "", "")),
                    "room": rooms["visits"], "track": tracks[index // 2],
                    "format": Session.Format.FIELD_VISIT, "interpretation": [],
                    **translated("meeting_point", text.VISIT_MEETING_POINT),
                    "meeting_time": (when["start"] - VISIT_GATHERING).time(),
                    "capacity": text.VISIT_PLACES[index][0],
                    "availability": text.VISIT_PLACES[index][1],
                }  # fmt: skip


# What changed after the programme was published: slug -> (when it was recorded, the
# session's fields afterwards, given the rooms).
DEMO_CHANGES = {
    "countering-online-hate": (
        datetime.datetime(2024, 3, 18, 16, 30, tzinfo=CONFERENCE_TZ),
        lambda rooms: {"room": rooms["auditorium"]},
    ),
    "visit-emergency-dispatch": (
        datetime.datetime(2024, 3, 19, 11, 0, tzinfo=CONFERENCE_TZ),
        lambda rooms: {"cancelled": True},
    ),
}


def load_changes(sessions, rooms):
    """Move one session and cancel another by saving them, as organisers would, so their
    change records are written; dated before the conference."""
    for slug, (recorded_at, changed) in DEMO_CHANGES.items():
        session = sessions[slug]
        if session.changes.exists():
            continue
        for name, value in changed(rooms).items():
            setattr(session, name, value)
        session.save()
        SessionChange.objects.filter(session=session).update(recorded_at=recorded_at)


def demo_pdf(title):
    """A one-page PDF showing `title`, so the demo needs no downloaded documents."""
    page = Image.new("RGB", (842, 595), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 842, 90), fill="#00408f")
    draw.text((40, 30), "Efus · Brussels 2024", font=ImageFont.load_default(size=28), fill="white")
    draw.text((40, 160), title, font=ImageFont.load_default(size=30), fill="#1b1f24")
    buffer = io.BytesIO()
    page.save(buffer, "PDF")
    return buffer.getvalue()


def load_materials(sessions):
    """Recordings, documents and written summaries on several sessions."""
    for slug, url in text.RECORDINGS.items():
        upsert_session(slug, {"recording_url": url})
    for slug, report in text.REPORTS.items():
        upsert_session(slug, translated("report", report))
    for order, (slug, kind, language, titles) in enumerate(text.MATERIALS):
        material, _ = SessionMaterial.objects.update_or_create(
            session=sessions[slug],
            title_en=titles[0],
            defaults={
                **translated("title", titles), "kind": kind, "language": language, "order": order,
            },
        )  # fmt: skip
        if not material.file:
            material.file.save(f"{slug}-{kind}-{language}.pdf", ContentFile(demo_pdf(titles[0])))


def upsert_session(slug, fields):
    """Create or update a session, saving only when something differs (so loading the demo
    twice leaves timestamps and calendar SEQUENCE numbers alone)."""
    session = Session.objects.filter(slug=slug).first()
    if session is None:
        return Session.objects.create(slug=slug, **fields)
    changed = [name for name, value in fields.items() if getattr(session, name) != value]
    if changed:
        for name in changed:
            setattr(session, name, fields[name])
        session.save()
    return session


def link_people(session, speakers, role_of_first=SessionSpeaker.Role.SPEAKER):
    """Make `speakers` exactly the people of `session`, in order."""
    kept = []
    for order, speaker in enumerate(speakers):
        role = role_of_first if order == 0 else SessionSpeaker.Role.SPEAKER
        person, _ = SessionSpeaker.objects.update_or_create(
            session=session, speaker=speaker, defaults={"role": role, "order": order}
        )
        kept.append(person.pk)
    session.people.exclude(pk__in=kept).delete()


def load_people(sessions):
    by_slug = {speaker.slug: speaker for speaker in Speaker.objects.all()}
    for session_slug, speaker_slugs in PLENARY_SPEAKERS.items():
        # The real people come from the speakers demo; skip any not loaded (yet).
        people = [by_slug[slug] for slug in speaker_slugs if slug in by_slug]
        link_people(sessions[session_slug], people)
    others = list(
        Speaker.objects.published()
        .exclude(slug__in=REAL_SPEAKERS)
        .exclude(slug__startswith="bench-")
        .order_by("slug")
    )
    thematic = [sessions[slug] for slug in THEMATIC_SLUGS]
    assigned = {session.pk: [] for session in thematic}
    for index, speaker in enumerate(others):
        assigned[thematic[index % len(thematic)].pk].append(speaker)
    for session in thematic:
        link_people(session, assigned[session.pk], role_of_first=SessionSpeaker.Role.MODERATOR)


def load_bench(scale, rooms):
    """`scale` synthetic sessions with two synthetic speakers each, for benchmarks."""
    Session.objects.filter(slug__startswith="bench-session-").exclude(
        slug__in=[f"bench-session-{n:04d}" for n in range(1, scale + 1)]
    ).delete()
    parallel = [rooms[key] for key in PARALLEL_ROOMS]
    for n in range(1, scale + 1):
        start = at(n % 3, "09:00") + datetime.timedelta(minutes=30 * ((n // 3) % 16))
        session = upsert_session(
            f"bench-session-{n:04d}",
            {
                **translated("title", [f"Benchmark session {n}"] * 3),
                "start": start,
                "end": start + datetime.timedelta(minutes=45),
                "room": parallel[n % len(parallel)],
                "format": Session.Format.THEMATIC,
                "published": True,
            },
        )
        speakers = []
        for suffix in ("a", "b"):
            speaker, _ = Speaker.objects.update_or_create(
                slug=f"bench-speaker-{n:04d}-{suffix}",
                defaults={"name": f"Bench Speaker {n}{suffix.upper()}", "role": "Benchmark"},
            )
            speakers.append(speaker)
        link_people(session, speakers)


def load(*, stdout, scale=0):
    rooms = load_rooms()
    tracks = load_tracks()
    sessions = {}
    changed = set(
        SessionChange.objects.filter(session__slug__in=DEMO_CHANGES).values_list(
            "session__slug", flat=True
        )
    )
    for slug, fields in build_sessions(rooms, tracks):
        fields.setdefault("track", None)
        fields.setdefault("language", Language.EN)
        if slug in changed:  # Loaded before: keep the session as it was changed.
            fields.update(DEMO_CHANGES[slug][1](rooms))
        sessions[slug] = upsert_session(slug, {**fields, "published": True})
    load_changes(sessions, rooms)
    load_materials(sessions)
    load_people(sessions)
    load_bench(scale, rooms)
    stdout.write(f"Programme: {len(sessions) + scale} sessions in {len(rooms)} rooms.\n")
