import datetime
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest
import xmlschema
from django.conf import settings
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from efus_conf.demo.factories import ConferenceFactory, SessionFactory, SpeakerFactory, brussels
from programme.models import Session, SessionSpeaker

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "schemas"


def events(content):
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


def test_schedule_ics_has_the_required_properties(client, small_programme):
    response = client.get("/en/programme/schedule.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Brussels"
    found = calendar.walk("VEVENT")
    assert len(found) == Session.objects.published().count()
    for event in found:
        for name in ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "LOCATION", "URL"):
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert str(event["UID"]).startswith("session-") and str(event["UID"]).endswith(
            "@testserver"
        )


def test_schedule_ics_reads_the_conference_once(
    client, small_programme, django_assert_max_num_queries
):
    """The content version, the conference, the sessions and their people."""
    with django_assert_max_num_queries(4):
        assert client.get("/en/programme/schedule.ics").status_code == 200


def test_session_ics_is_one_event_at_nine_utc(client, session):
    response = client.get("/en/programme/morning-talk/calendar.ics")
    (event,) = events(response.content)
    assert event.decoded("DTSTART").astimezone(datetime.UTC).hour == 9
    assert "Morning talk" in str(event["SUMMARY"])
    assert "Ada Example" in str(event["DESCRIPTION"])


def test_sequence_increases_when_the_time_changes(client, session):
    before = events(client.get("/en/programme/morning-talk/calendar.ics").content)[0]["SEQUENCE"]
    session = Session.objects.get(pk=session.pk)
    session.start = brussels(20, 11)
    session.end = brussels(20, 12)
    session.save()
    after = events(client.get("/en/programme/morning-talk/calendar.ics").content)[0]["SEQUENCE"]
    assert after == before + 1


def test_sequence_stays_when_nothing_relevant_changes(session):
    session = Session.objects.get(pk=session.pk)
    session.registration_url = "https://example.org/"
    session.save()
    assert Session.objects.get(pk=session.pk).sequence == 0


def test_agenda_ics_contains_only_the_named_sessions(client, small_programme):
    response = client.get("/en/programme/agenda.ics?s=opening-plenary&s=closing-plenary&s=nope")
    assert len(events(response.content)) == 2


def test_each_agenda_gets_its_own_calendar_from_the_page_cache(client, small_programme):
    client.get("/en/programme/agenda.ics?s=opening-plenary")
    response = client.get("/en/programme/agenda.ics?s=opening-plenary&s=closing-plenary")
    assert len(events(response.content)) == 2


def test_schedule_xml_validates_against_the_xsd(client, small_programme):
    response = client.get("/en/programme/schedule.xml")
    assert response["Content-Type"].startswith("application/xml")
    xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd")).validate(response.content.decode())


def test_schedule_json_validates_against_the_schema(client, small_programme):
    response = client.get("/nl/programme/schedule.json")
    assert response["Content-Type"].startswith("application/json")
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        response.json()
    )
    assert response.json()["schedule"]["conference"]["time_zone_name"] == "Europe/Brussels"


@pytest.mark.database
def test_session_must_end_after_it_starts_in_the_database(session):
    with pytest.raises(IntegrityError):
        Session.objects.filter(pk=session.pk).update(end=session.start)


def test_session_outside_the_conference_dates_is_invalid(session):
    session.start = brussels(23, 10)
    session.end = brussels(23, 11)
    with translation.override("en"), pytest.raises(ValidationError, match="during the conference"):
        session.full_clean()


def test_session_within_the_conference_dates_is_valid(session):
    session.full_clean()


@pytest.fixture
def admin_client(client, conference, signed_in_superuser):
    return client


def session_form(**overrides):
    data = {
        "title_en": "Clashing", "slug": "clashing", "start_0": "2024-03-20", "start_1": "10:30",
        "end_0": "2024-03-20", "end_1": "11:30", "format": "thematic", "language": "en",
        "published": "on", "people-TOTAL_FORMS": "0", "people-INITIAL_FORMS": "0",
        "materials-TOTAL_FORMS": "0", "materials-INITIAL_FORMS": "0",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_admin_shows_a_room_clash_before_saving_and_saves_once_confirmed(admin_client, session):
    data = session_form(room=session.room_id)
    response = admin_client.post("/admin/programme/session/add/", data)
    html = response.content.decode()
    assert "is also booked for “Morning talk”" in html
    assert "Publish anyway, despite these clashes" in html
    assert not Session.objects.filter(slug="clashing").exists()
    admin_client.post("/admin/programme/session/add/", {**data, "confirm_clashes": "on"})
    assert Session.objects.filter(slug="clashing").exists()


def test_admin_shows_a_speaker_in_two_places_before_saving(admin_client, session):
    speaker = session.speakers.get()
    other = SessionFactory(slug="elsewhere")
    data = session_form(
        room=other.room_id, published="",
        **{"people-TOTAL_FORMS": "1", "people-0-speaker": speaker.pk, "people-0-role": "speaker",
           "people-0-order": "0"},
    )  # fmt: skip
    html = admin_client.post("/admin/programme/session/add/", data).content.decode()
    assert "is also in “Morning talk”" in html
    assert "Save anyway, despite these clashes" in html
    assert not Session.objects.filter(slug="clashing").exists()


def test_admin_saves_a_session_without_clashes_at_once(admin_client, session):
    data = session_form(room=SessionFactory(slug="elsewhere", start=brussels(21, 9)).room_id)
    assert admin_client.post("/admin/programme/session/add/", data).status_code == 302


def test_admin_rejects_a_session_outside_the_conference(admin_client, session):
    data = session_form(room=session.room_id, start_0="2024-04-01", end_0="2024-04-01")
    response = admin_client.post("/admin/programme/session/add/", data)
    assert response.status_code == 200
    assert not Session.objects.filter(slug="clashing").exists()


def test_admin_list_shows_speakers_without_extra_queries(
    admin_client, session, django_assert_max_num_queries
):
    for _index in range(20):
        extra = SessionFactory()
        SessionSpeaker.objects.create(session=extra, speaker=SpeakerFactory())
    with django_assert_max_num_queries(15):
        response = admin_client.get("/admin/programme/session/")
    assert "Ada Example" in response.content.decode()


def test_duplicate_action_copies_unpublished_with_a_new_slug(admin_client, session):
    admin_client.post(
        "/admin/programme/session/",
        {"action": "duplicate_sessions", "_selected_action": [session.pk]},
    )
    admin_client.post(
        "/admin/programme/session/",
        {"action": "duplicate_sessions", "_selected_action": [session.pk]},
    )
    copies = Session.objects.filter(slug__startswith="morning-talk-copy").order_by("slug")
    assert [copy.slug for copy in copies] == ["morning-talk-copy", "morning-talk-copy-2"]
    assert not any(copy.published for copy in copies)
    assert copies[0].speakers.get().name == "Ada Example"


def test_session_admin_uses_language_tabs():
    from modeltranslation.admin import TabbedTranslationAdmin

    assert isinstance(site._registry[Session], TabbedTranslationAdmin)


def test_admin_refuses_the_spoken_language_as_an_interpretation_language(admin_client, session):
    data = session_form(room=session.room_id, language="fr", interpretation=["en", "fr"])
    response = admin_client.post("/admin/programme/session/add/", data)
    assert not Session.objects.filter(slug="clashing").exists()
    assert "French is the spoken language, so it cannot also be an interpretation language" in (
        response.content.decode()
    )


def test_a_new_room_is_offered_in_the_current_conferences_venue(client, editor, conference):
    ConferenceFactory(start_date=datetime.date(2021, 3, 1), end_date=datetime.date(2021, 3, 3))
    client.force_login(editor)
    form = client.get("/admin/programme/room/add/").context["adminform"].form
    assert form.initial["venue"] == conference.venue.pk
