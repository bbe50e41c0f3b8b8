"""The test suite's factories: one per model, shared by every test module."""

import datetime

import factory

from efus_conf.models import Conference
from programme.models import CONFERENCE_TZ, Room, Session, Track
from speakers.models import Speaker


def brussels(day, hour, minute=0):
    """An aware time in March 2024 (the conference's month), Brussels time."""
    return datetime.datetime(2024, 3, day, hour, minute, tzinfo=CONFERENCE_TZ)


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference

    name_en = "Conference"
    short_name_en = "Security, Democracy & Cities"
    tagline_en = "t"
    start_date = datetime.date(2024, 3, 20)
    end_date = datetime.date(2024, 3, 22)
    city_en = "Brussels"
    country_en = "Belgium"
    venue_name_en = "Venue"
    intro_en = "i"
    audience_en = "a"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Test Speaker {n}")
    slug = factory.Sequence(lambda n: f"test-speaker-{n}")
    role_en = "Deputy Mayor for Public Safety"
    role_fr = "Adjointe au maire chargée de la sécurité"
    role_nl = "Schepen van Veiligheid"
    organisation_en = "City of Lindenhaven"
    country = "DE"
    published = True


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
