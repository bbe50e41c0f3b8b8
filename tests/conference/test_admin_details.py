"""Admin details: dates on the conference's month, the time zone said once, readable lists,
filter values in words, and a conference that cannot be deleted by accident."""

import pytest
from django.utils import translation

from efus_conf.conference.models import Conference
from efus_conf.demo.factories import SessionFactory, SpeakerFactory, TrackFactory
from programme.models import SessionSpeaker

pytestmark = pytest.mark.django_db


def test_date_pickers_open_on_the_conference_month(client, editor, conference):
    client.force_login(editor)
    html = client.get("/admin/programme/session/add/").content.decode()
    assert html.count('data-initial-month="2024-03"') == 2
    assert "/static/js/admin-dates." in html


def test_session_form_says_brussels_time_once(client, editor, conference):
    client.force_login(editor)
    html = client.get("/admin/programme/session/add/").content.decode()
    assert html.count("Brussels time") == 1


def test_session_list_shows_track_speakers_and_status_in_words(client, editor, conference):
    SessionFactory(title_en="Drafted", published=False, track=TrackFactory(name_en="Drugs"))
    client.force_login(editor)
    html = client.get("/admin/programme/session/").content.decode()
    for column in ["title", "start_display", "room", "track", "speaker_names", "status"]:
        assert f"column-{column}" in html
    assert '<td class="field-status">Draft</td>' in html
    assert "/static/css/admin-sessions." in html


@pytest.mark.parametrize(("language", "label"), [("en", "No track"), ("fr", "Sans thème")])
def test_no_track_filter_has_a_word(client, editor, conference, language, label):
    TrackFactory()
    client.force_login(editor)
    with translation.override(language):
        html = client.get(
            "/admin/programme/session/", HTTP_ACCEPT_LANGUAGE=language
        ).content.decode()
    assert f">{label}</a>" in html
    assert "track__isnull=True" in html


def test_conference_list_has_no_delete_action(client, superuser, conference):
    client.force_login(superuser)
    html = client.get("/admin/efus_conf/conference/").content.decode()
    assert "delete_selected" not in html


def test_editor_cannot_delete_the_conference(client, editor, conference):
    client.force_login(editor)
    url = f"/admin/efus_conf/conference/{conference.pk}/delete/"
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Conference.objects.exists()


def test_superuser_deletes_the_conference_from_its_page_after_a_warning(
    client, superuser, conference
):
    client.force_login(superuser)
    url = f"/admin/efus_conf/conference/{conference.pk}/delete/"
    assert "The whole site is about this conference" in client.get(url).content.decode()
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Conference.objects.exists()


def test_session_list_names_three_speakers_and_counts_the_others(client, editor, conference):
    session = SessionFactory(title_en="Plenary")
    for speaker in SpeakerFactory.create_batch(5):
        SessionSpeaker.objects.create(session=session, speaker=speaker)
    client.force_login(editor)
    html = client.get("/admin/programme/session/").content.decode()
    assert "and 2 others</td>" in html


def test_admin_has_no_navigation_sidebar_taking_the_lists_width(client, editor, conference):
    client.force_login(editor)
    assert 'id="nav-sidebar"' not in client.get("/admin/programme/session/").content.decode()


def test_session_list_queries_do_not_grow_with_the_sessions(
    client, editor, conference, django_assert_max_num_queries
):
    for session in SessionFactory.create_batch(30, track=TrackFactory()):
        SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory())
    client.force_login(editor)
    with django_assert_max_num_queries(16):
        assert client.get("/admin/programme/session/").status_code == 200
