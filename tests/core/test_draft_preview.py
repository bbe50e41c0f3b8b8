"""Drafts first: new sessions and speakers are unpublished, and organisers preview them."""

import re

import pytest

from efus_conf.demo.factories import RoomFactory, SessionFactory, SpeakerFactory
from programme.models import Session
from speakers.models import Speaker

pytestmark = pytest.mark.django_db


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.fixture
def draft_session():
    return SessionFactory(
        slug="draft-talk", title_en="Draft talk", title_nl="Conceptlezing", published=False
    )


@pytest.fixture
def draft_speaker():
    return SpeakerFactory(slug="draft-person", name="Draft Person", published=False)


def test_new_sessions_and_speakers_start_as_drafts():
    room = RoomFactory()
    assert Session(title_en="x", room=room).published is False
    assert Speaker(name="x").published is False
    assert Session._meta.get_field("published").default is False
    assert Speaker._meta.get_field("published").default is False


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_editor_previews_a_draft_session_in_each_language(client, editor, draft_session, language):
    client.force_login(editor)
    response = client.get(f"/{language}/programme/preview/{draft_session.pk}/")
    assert response.status_code == 200
    assert directives(response) == {"private", "no-store"}
    assert f'<html lang="{language}"' in response.content.decode()
    expected = "Conceptlezing" if language == "nl" else "Draft talk"
    assert expected in response.content.decode()
    assert client.get(f"/{language}/programme/draft-talk/").status_code == 404


def test_editor_previews_a_draft_speaker(client, editor, draft_speaker):
    client.force_login(editor)
    response = client.get(f"/fr/speakers/preview/{draft_speaker.pk}/")
    assert response.status_code == 200
    assert directives(response) == {"private", "no-store"}
    assert "Draft Person" in response.content.decode()


def test_visitors_are_sent_to_sign_in_and_nothing_is_cached(client, draft_session):
    response = client.get(f"/en/programme/preview/{draft_session.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert directives(response) == {"private", "no-store"}


def test_communications_cannot_preview_drafts(client, communications, draft_session):
    client.force_login(communications)
    response = client.get(f"/en/programme/preview/{draft_session.pk}/")
    assert response.status_code == 403
    assert "Draft talk" not in response.content.decode()


def test_session_form_links_to_the_preview_in_each_language(client, editor, draft_session):
    client.force_login(editor)
    html = client.get(f"/admin/programme/session/{draft_session.pk}/change/").content.decode()
    for language in ["en", "fr", "nl"]:
        assert f'href="/{language}/programme/preview/{draft_session.pk}/"' in html


def view_on_site(client, url):
    return re.search(r'href="([^"]+)" class="viewsitelink"', client.get(url).content.decode())[1]


def test_view_on_site_of_a_draft_opens_its_preview(client, editor, draft_session, draft_speaker):
    client.force_login(editor)
    session_form = f"/admin/programme/session/{draft_session.pk}/change/"
    speaker_form = f"/admin/speakers/speaker/{draft_speaker.pk}/change/"
    assert view_on_site(client, session_form) == f"/en/programme/preview/{draft_session.pk}/"
    assert view_on_site(client, speaker_form) == f"/en/speakers/preview/{draft_speaker.pk}/"
