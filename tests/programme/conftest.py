import datetime

import factory
import pytest

from efus_conf.models import Conference
from programme.models import CONFERENCE_TZ, Room, Session, SessionSpeaker, Track
from speakers.models import Speaker


def brussels(day, hour, minute=0):
    return datetime.datetime(2024, 3, day, hour, minute, tzinfo=CONFERENCE_TZ)


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    name_en = factory.Sequence(lambda n: f"Room {n}")


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    name_en = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")
    colour = "#123456"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    title_en = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    start = factory.LazyFunction(lambda: brussels(20, 10))
    end = factory.LazyAttribute(lambda s: s.start + datetime.timedelta(hours=1))
    room = factory.SubFactory(RoomFactory)
    published = True


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Fictional Person {n}")
    slug = factory.Sequence(lambda n: f"fictional-person-{n}")


@pytest.fixture
def conference(db):
    return Conference.objects.create(
        name_en="Conference", short_name_en="Security, Democracy & Cities", tagline_en="t",
        start_date=datetime.date(2024, 3, 20), end_date=datetime.date(2024, 3, 22),
        city_en="Brussels", country_en="Belgium", venue_name_en="Venue", intro_en="i",
        audience_en="a",
    )  # fmt: skip


@pytest.fixture
def session(conference):
    session = SessionFactory(slug="morning-talk", title_en="Morning talk", start=brussels(20, 10))
    SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory(name="Ada Example"))
    return session
