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
from efus_conf.demo.factories import (
    RoomFactory,
    SessionFactory,
    SessionMaterialFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    TrackFactory,
    brussels,
)
from programme.models import CONFERENCE_TZ, Language, Session, SessionChange, SessionSpeaker
from speakers.models import Speaker

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

# (day index, start, end, key); the key says what runs then (see timetable).
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
    """The time `clock` ("09:30") on the conference's first (0), second or third day."""
    return brussels(20 + day_index, *map(int, clock.split(":")))


# A session's texts that the timetable does not give are blank in every language.
UNWRITTEN = {"summary": ("", "", ""), "description": ("", "", "")}


def load(*, stdout, scale=0):
    rooms = {
        key: RoomFactory(order=order, **room)
        for order, (key, room) in enumerate(text.ROOMS.items())
    }
    tracks = [
        TrackFactory(slug=slug, colour=colour, name=names, order=order)
        for order, (slug, colour, names) in enumerate(text.TRACKS)
    ]
    sessions = {
        slug: SessionFactory(slug=slug, **{**UNWRITTEN, **fields})
        for slug, fields in timetable(rooms, tracks)
    }
    load_changes(sessions, rooms)
    load_materials(sessions)
    load_people(sessions)
    load_bench(scale, rooms)
    stdout.write(f"Programme: {len(sessions) + scale} sessions in {len(rooms)} rooms.\n")


def timetable(rooms, tracks):
    """(slug, the session's fields) for every demo session, following TIMETABLE."""
    for day, start, end, key in TIMETABLE:
        kind, _, name = key.partition(":")
        when = {"start": at(day, start), "end": at(day, end)}
        if kind == "plenary":
            yield name, {
                **when, **text.PLENARIES[name], "description": text.PLENARY_DESCRIPTION,
                "room": rooms["auditorium"], "format": Session.Format.PLENARY,
                "interpretation": [code for code in ALL_LANGUAGES if code != Language.EN],
            }  # fmt: skip
        elif kind in ("break", "networking"):
            yield f"{kind}-{day + 1}-{start.replace(':', '')}", {
                **when, "title": text.BREAKS[name], "room": rooms["foyer"],
                "format": Session.Format.BREAK if kind == "break" else Session.Format.NETWORKING,
            }  # fmt: skip
        elif kind == "pitches":
            for index, slug in enumerate(PITCH_SLUGS):
                yield slug, {
                    **when, "title": text.PITCHES[index], "summary": text.PITCH_SUMMARY,
                    "room": rooms[PARALLEL_ROOMS[index]], "format": Session.Format.PITCH,
                }  # fmt: skip
        elif kind == "thematic":
            for offset, room_key in enumerate(PARALLEL_ROOMS):
                index = int(name) * 3 + offset
                yield THEMATIC_SLUGS[index], {
                    **when, "title": text.THEMATIC[index], "summary": text.THEMATIC_SUMMARY,
                    "room": rooms[room_key], "track": tracks[index // 3],
                    "format": Session.Format.THEMATIC,
                    # One session in three is held in French, with English interpretation.
                    "language": Language.FR if index % 3 == 1 else Language.EN,
                    "interpretation": [Language.EN] if index % 3 == 1 else [],
                }  # fmt: skip
        elif kind == "visits":
            for offset in range(6):
                index = int(name) + offset * 2
                places, availability = text.VISIT_PLACES[index]
                yield VISIT_SLUGS[index], {
                    **when, "title": text.FIELD_VISITS[index], "summary": text.FIELD_VISIT_SUMMARY,
                    "room": rooms["visits"], "track": tracks[index // 2],
                    "format": Session.Format.FIELD_VISIT,
                    "meeting_point": text.VISIT_MEETING_POINT,
                    "meeting_time": (when["start"] - VISIT_GATHERING).time(),
                    "capacity": places, "availability": availability,
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
    """The documents shared after the event."""
    for order, (slug, kind, language, titles) in enumerate(text.MATERIALS):
        SessionMaterialFactory(
            session=sessions[slug], title=titles, kind=kind, language=language, order=order,
            file=ContentFile(demo_pdf(titles[0]), name=f"{slug}-{kind}-{language}.pdf"),
        )  # fmt: skip


def give_people(session, speakers, first_role=SessionSpeaker.Role.SPEAKER):
    """`speakers` become the people of `session`, in order; the first one in `first_role`."""
    for order, speaker in enumerate(speakers):
        role = first_role if order == 0 else SessionSpeaker.Role.SPEAKER
        SessionSpeakerFactory(session=session, speaker=speaker, role=role, order=order)


def load_people(sessions):
    """The real people in their plenaries; every other published speaker in a thematic
    session, dealt out in turn, the first of each session moderating it."""
    by_slug = Speaker.objects.in_bulk(field_name="slug")
    for session_slug, speaker_slugs in PLENARY_SPEAKERS.items():
        give_people(sessions[session_slug], [by_slug[slug] for slug in speaker_slugs])
    others = list(Speaker.objects.published().exclude(slug__in=REAL_SPEAKERS).order_by("slug"))
    for first, slug in enumerate(THEMATIC_SLUGS):
        people = others[first :: len(THEMATIC_SLUGS)]
        give_people(sessions[slug], people, first_role=SessionSpeaker.Role.MODERATOR)


# What benchmark speakers have: a name and an English role, unpublished.
BENCH_SPEAKER = {"role": ("Benchmark", "", ""), "organisation": ("", "", ""), "country": ""}


def load_bench(scale, rooms):
    """`scale` synthetic sessions with two synthetic speakers each, for benchmarks."""
    parallel = [rooms[key] for key in PARALLEL_ROOMS]
    for n in range(1, scale + 1):
        start = at(n % 3, "09:00") + datetime.timedelta(minutes=30 * ((n // 3) % 16))
        session = SessionFactory(
            slug=f"bench-session-{n:04d}",
            title=(f"Benchmark session {n}",) * 3,
            start=start,
            end=start + datetime.timedelta(minutes=45),
            room=parallel[n % len(parallel)],
        )
        speakers = [
            SpeakerFactory(
                slug=f"bench-speaker-{n:04d}-{suffix}",
                name=f"Bench Speaker {n}{suffix.upper()}",
                published=False,
                **BENCH_SPEAKER,
            )
            for suffix in ("a", "b")
        ]
        give_people(session, speakers)
