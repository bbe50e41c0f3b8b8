import pytest

from efus_conf.demo.factories import SessionFactory, SpeakerFactory, brussels
from programme.models import SessionSpeaker


@pytest.fixture
def session(conference):
    session = SessionFactory(slug="morning-talk", title_en="Morning talk", start=brussels(20, 10))
    SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory(name="Ada Example"))
    return session
