import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from efus_conf.demo.factories import SessionFactory, SpeakerFactory, brussels
from programme.models import SessionSpeaker


@pytest.fixture
def speaker(conference):
    return SpeakerFactory(name="Mara Testova", slug="mara-testova")


def test_speaker_page_links_the_sessions_they_take_part_in(client, speaker):
    session = SessionFactory(title_en="Night-time economy", start=brussels(21, 9, 30))
    SessionSpeaker.objects.create(session=session, speaker=speaker, role="moderator")
    html = client.get(f"/en/speakers/{speaker.slug}/").content.decode()
    assert f'href="/en/programme/{session.slug}/"' in html
    assert "Night-time economy" in html
    assert "09:30" in html
    assert "Moderator" in html


def test_speaker_page_lists_sessions_in_the_page_language(client, speaker):
    session = SessionFactory(title_en="Night-time economy", title_fr="Économie de la nuit")
    SessionSpeaker.objects.create(session=session, speaker=speaker)
    html = client.get(f"/fr/speakers/{speaker.slug}/").content.decode()
    assert "Économie de la nuit" in html
    assert f'href="/fr/programme/{session.slug}/"' in html


def test_speaker_page_hides_unpublished_sessions(client, speaker):
    session = SessionFactory(title_en="Draft session", published=False)
    SessionSpeaker.objects.create(session=session, speaker=speaker)
    assert "Draft session" not in client.get(f"/en/speakers/{speaker.slug}/").content.decode()


def test_speaker_page_query_count_does_not_grow_with_sessions(
    client, speaker, django_assert_num_queries
):
    def add_sessions(count):
        for _ in range(count):
            SessionSpeaker.objects.create(session=SessionFactory(), speaker=speaker)

    add_sessions(2)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/en/speakers/{speaker.slug}/")
    add_sessions(20)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(f"/en/speakers/{speaker.slug}/")


def test_session_page_shows_speaker_photo_renditions_or_initials(client, speaker):
    session = SessionFactory()
    SessionSpeaker.objects.create(session=session, speaker=speaker)
    html = client.get(f"/en/programme/{session.slug}/").content.decode()
    assert 'aria-label="Mara Testova"' in html  # the initials placeholder names the speaker
    assert ">MT<" in html
