"""Importing a frab/c3voc schedule (schedule.xml or schedule.json) into the programme."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from efus_conf.conference.models import Conference
from efus_conf.demo.factories import (
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    brussels,
)
from programme.frab import ScheduleError, read_schedule
from programme.models import Room, Session, SessionSpeaker, Track
from programme.schedule_import import import_schedule
from speakers.models import Speaker

IMPORT = "/admin/programme/session/import-schedule/"


@pytest.fixture
def programme(conference):
    hall, studio = RoomFactory(name_en="Hall"), RoomFactory(name_en="Studio", order=1)
    drugs = TrackFactory(name_en="Drugs", slug="drugs", colour="#aa0000")
    ana, jan = SpeakerFactory(name="Ana Ruiz"), SpeakerFactory(name="Jan Peeters")
    opening = SessionFactory(
        slug="opening", title_en="Opening", summary_en="Welcome.", room=hall,
        description_en="<p>First paragraph.</p><p>Second <em>one</em>.</p>",
        format=Session.Format.PLENARY, start=brussels(20, 9), end=brussels(20, 10),
    )  # fmt: skip
    panel = SessionFactory(
        slug="drugs-panel", title_en="Drugs panel", room=studio, track=drugs, language="fr",
        format=Session.Format.PANEL, start=brussels(21, 14), end=brussels(21, 15, 30),
    )  # fmt: skip
    SessionSpeaker.objects.create(session=opening, speaker=ana)
    SessionSpeaker.objects.create(session=panel, speaker=jan, order=0)
    SessionSpeaker.objects.create(session=panel, speaker=ana, order=1)


def export(client, kind):
    return client.get(f"/en/programme/schedule.{kind}").content


def without_version(document):
    data = json.loads(document)
    del data["schedule"]["version"]
    return data


def import_file(data, *, publish=True, commit=True, language="en"):
    schedule = read_schedule(ContentFile(data))
    return import_schedule(
        schedule, language=language, publish=publish, commit=commit, host="testserver"
    )


def empty_programme():
    Session.objects.all().delete()
    Speaker.objects.all().delete()
    Room.objects.all().delete()
    Track.objects.all().delete()


@pytest.mark.parametrize("kind", ["json", "xml"])
def test_round_trip_into_an_empty_database_gives_the_same_schedule(client, programme, kind):
    first = export(client, kind)
    empty_programme()
    changes = import_file(first)
    assert {change.action for change in changes} == {"create"}
    second = export(client, kind)
    if kind == "json":
        assert without_version(second) == without_version(first)
    else:
        version = b"<version>"
        strip = lambda doc: b"".join(  # noqa: E731
            line for line in doc.splitlines(True) if version not in line
        )
        assert strip(second) == strip(first)


def test_importing_the_same_schedule_again_changes_nothing(client, programme):
    document = export(client, "json")
    empty_programme()
    import_file(document)
    versions = Session.history.count() + Speaker.history.count()
    changes = import_file(document)
    assert {change.action for change in changes} == {"unchanged"}
    assert Session.objects.count() == 2 and Speaker.objects.count() == 2
    assert Session.history.count() + Speaker.history.count() == versions


def test_a_newer_schedule_updates_the_session_it_matches_by_guid(client, programme):
    document = export(client, "json").replace(b'"title": "Opening"', b'"title": "Welcome"')
    changes = import_file(document, language="fr")
    assert Session.objects.count() == 2
    opening = Session.objects.get(slug="opening")
    assert (opening.title_en, opening.title_fr) == ("Opening", "Welcome")
    (details,) = [c.details for c in changes if c.name == "Opening"]
    assert "title [fr]" in details and "room" not in details
    assert Room.objects.count() == 2


# The preview is the import in a transaction rolled back (a savepoint inside the test's).
@pytest.mark.database
def test_preview_changes_nothing(client, programme):
    document = export(client, "json")
    empty_programme()
    changes = import_file(document, commit=False)
    # Two rooms, a track, two speakers, two sessions.
    assert [c.action for c in changes].count("create") == 7
    assert not Session.objects.exists() and not Speaker.objects.exists()


def test_new_sessions_are_drafts_unless_published_on_import(client, programme):
    document = export(client, "json")
    empty_programme()
    import_file(document, publish=False)
    assert not Session.objects.published().exists()
    assert not Speaker.objects.published().exists()


def test_a_session_outside_the_conference_is_refused_and_said_why(client, programme):
    document = export(client, "json").replace(b"2024-03-20T09:00", b"2025-03-20T09:00")
    empty_programme()
    changes = import_file(document)
    refused = [c for c in changes if c.action == "refused"]
    assert [c.name for c in refused] == ["Opening"]
    assert "during the conference" in refused[0].details
    assert Session.objects.count() == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<schedule><version>&lol2;</version></schedule>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE schedule [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<schedule><version>&secret;</version></schedule>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<schedule><day>", "This is not valid XML"),
        (BILLION_LAUGHS, "declares entities or a DTD"),
        (EXTERNAL_ENTITY, "declares entities or a DTD"),
        (b"<calendar/>", "not a frab schedule"),
        ('{"schedule": "é"}'.encode("latin-1"), "not UTF-8"),
        (b'{"schedule": {}}', "“conference” is missing"),
        (b'{"schedule": ', "not valid JSON"),
    ],
)
def test_a_bad_file_is_refused_with_a_message(db, data, message):
    with pytest.raises(ScheduleError, match=message):
        read_schedule(ContentFile(data))


def test_editor_previews_then_confirms_in_the_admin(client, editor, programme):
    document = export(client, "xml")
    empty_programme()
    client.force_login(editor)
    upload = SimpleUploadedFile("schedule.xml", document)
    page = client.post(IMPORT, {"schedule": upload, "language": "en", "publish": "on"})
    html = page.content.decode()
    assert "will be created" in html and "Drugs panel" in html
    assert not Session.objects.exists()
    confirm = page.context["confirm_form"]
    response = client.post(IMPORT, {name: confirm[name].value() for name in confirm.fields})
    assert response.status_code == 302
    assert Session.objects.count() == 2
    assert Session.history.latest().history_user == editor


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "declares entities or a DTD"),
        (b"x" * (6 * 1024 * 1024), "files of up to 5.0"),
    ],
)
def test_admin_shows_why_a_file_is_refused(client, editor, db, data, message):
    client.force_login(editor)
    upload = SimpleUploadedFile("schedule.xml", data)
    page = client.post(IMPORT, {"schedule": upload, "language": "en"})
    assert message in page.content.decode()
    assert "confirm_form" not in page.context


def test_communications_cannot_import_a_schedule(client, communications):
    client.force_login(communications)
    assert client.get(IMPORT).status_code == 403
    assert "import-schedule" not in client.get("/admin/programme/session/").content.decode()


def test_demo_programme_comes_back_from_its_schedule_json_into_an_empty_site(client, demo):
    first = export(client, "json")
    empty_programme()
    changes = import_file(first)
    assert "refused" not in {change.action for change in changes}
    assert without_materials(export(client, "json")) == without_materials(first)


def without_materials(document):
    """The schedule without version, recordings and documents: an import brings back the
    programme, not the files and links organisers add after the event."""
    data = without_version(document)
    for day in data["schedule"]["conference"]["days"]:
        for events in day["rooms"].values():
            for event in events:
                event["links"], event["attachments"] = [], []
    return data


def test_the_files_rooms_are_found_and_made_in_the_current_conferences_venue(
    client, programme, conference
):
    earlier = ConferenceFactory(
        start_date=datetime.date(2021, 3, 1), end_date=datetime.date(2021, 3, 3)
    )
    RoomFactory(name_en="Studio", venue=earlier.venue)
    document = export(client, "json").replace(b'"Hall"', b'"Hall B"')
    import_file(document)
    assert {room.name for room in conference.venue.rooms.all()} == {"Hall", "Hall B", "Studio"}
    assert earlier.venue.rooms.count() == 1


def test_without_a_conference_the_files_rooms_are_refused_with_the_reason(client, programme):
    document = export(client, "json")
    empty_programme()
    Conference.objects.all().delete()
    changes = import_file(document)
    assert {c.details for c in changes if c.kind == "room"} == {"The site has no conference yet."}
    assert not Room.objects.exists() and not Session.objects.exists()
