import datetime

import pytest

from efus_conf.models import Conference
from programme.models import SessionSpeaker
from tests.factories import SessionFactory, SpeakerFactory, brussels


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
