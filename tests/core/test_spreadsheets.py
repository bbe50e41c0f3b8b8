"""Sessions and speakers imported from CSV and Excel files in the admin, with a preview."""

import csv
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from efus_conf.demo.factories import RoomFactory, SessionFactory, SpeakerFactory, TrackFactory
from programme.models import Room, Session, Track
from programme.resources import SessionResource
from speakers.models import Speaker
from speakers.resources import SpeakerResource

pytestmark = pytest.mark.django_db

SESSIONS = "/admin/programme/session/"
SPEAKERS = "/admin/speakers/speaker/"
CSV, XLSX = "0", "1"


def csv_file(rows, name="sessions.csv", encoding="utf-8"):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode(encoding), content_type="text/csv")


def preview(client, changelist, upload, file_format=CSV):
    return client.post(
        f"{changelist}import/", {"import_file": upload, "format": file_format, "resource": "0"}
    )


def confirm(client, changelist, response):
    form = response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(f"{changelist}process_import/", data)


@pytest.fixture
def room():
    return RoomFactory(name_en="Hall A")


@pytest.fixture
def speaker():
    return SpeakerFactory(slug="ana-ruiz", name="Ana Ruiz")


def session_rows(**changes):
    row = {
        "slug": "drugs-and-cities",
        "title_en": "Drugs and cities",
        "title_fr": "Drogues et villes",
        "title_nl": "Drugs en steden",
        "start": "2024-03-20 10:00:00",
        "end": "2024-03-20 11:30:00",
        "room": "Hall A",
        "format": "panel",
        "language": "en",
        "interpretation": "fr,nl",
        "speakers": "ana-ruiz",
        "published": "1",
    } | changes
    return [list(row), list(row.values())]


def import_sessions(client, rows):
    response = preview(client, SESSIONS, csv_file(rows))
    assert response.status_code == 200
    return confirm(client, SESSIONS, response)


def test_preview_lists_each_row_and_changes_nothing(client, editor, room, speaker):
    client.force_login(editor)
    response = preview(client, SESSIONS, csv_file(session_rows()))
    assert response.status_code == 200
    result = response.context["result"]
    assert [row.import_type for row in result.valid_rows()] == ["new"]
    assert "Drugs and cities" in response.content.decode()
    assert not Session.objects.exists()


def test_confirmed_import_creates_the_session_in_three_languages(client, editor, room, speaker):
    client.force_login(editor)
    assert import_sessions(client, session_rows()).status_code == 302
    session = Session.objects.get(slug="drugs-and-cities")
    assert (session.title_fr, session.title_nl) == ("Drogues et villes", "Drugs en steden")
    assert session.local_start.hour == 10 and session.room == room
    assert session.interpretation == ["fr", "nl"]
    assert list(session.speakers.all()) == [speaker]
    assert session.history.latest().history_user == editor


def test_importing_the_same_file_twice_changes_nothing(client, editor, room, speaker):
    client.force_login(editor)
    import_sessions(client, session_rows())
    versions = Session.history.count()
    response = preview(client, SESSIONS, csv_file(session_rows()))
    assert [row.import_type for row in response.context["result"].rows] == ["skip"]
    confirm(client, SESSIONS, response)
    assert Session.history.count() == versions


def test_a_changed_row_updates_the_session_matched_by_slug(client, editor, room, speaker):
    client.force_login(editor)
    import_sessions(client, session_rows())
    response = preview(client, SESSIONS, csv_file(session_rows(title_nl="Drugs in de stad")))
    assert [row.import_type for row in response.context["result"].rows] == ["update"]
    confirm(client, SESSIONS, response)
    assert Session.objects.get().title_nl == "Drugs in de stad"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"end": "2024-03-20 09:00:00"}, "A session must end after it starts."),
        ({"start": "tomorrow"}, "Value could not be parsed"),
        ({"speakers": "nobody"}, ""),
    ],
)
def test_a_refused_row_says_why_and_nothing_is_saved(
    client, editor, room, speaker, changes, reason
):
    client.force_login(editor)
    response = preview(client, SESSIONS, csv_file(session_rows(**changes)))
    html = response.content.decode()
    result = response.context.get("result")
    if changes.get("speakers") == "nobody":
        # An unknown speaker is left out, not invented: the row names only known slugs.
        assert [row.import_type for row in result.rows] == ["new"]
    else:
        assert result.has_validation_errors() or result.has_errors()
        assert reason in html
        assert "confirm_form" not in response.context
    assert not Session.objects.exists()


def test_a_room_the_venue_lacks_is_created_with_the_session(client, editor, speaker, conference):
    client.force_login(editor)
    response = preview(client, SESSIONS, csv_file(session_rows(room="Hall B")))
    assert [row.import_type for row in response.context["result"].rows] == ["new"]
    assert not Room.objects.exists()
    confirm(client, SESSIONS, response)
    room = Session.objects.get().room
    assert (room.name_en, room.venue) == ("Hall B", conference.venue)


def test_rooms_are_refused_with_a_message_while_the_site_has_no_conference(client, editor, speaker):
    client.force_login(editor)
    response = preview(client, SESSIONS, csv_file(session_rows(room="Hall B")))
    assert "The site has no conference yet." in response.content.decode()
    assert "confirm_form" not in response.context
    assert not Room.objects.exists()


def test_wrong_columns_are_refused_with_a_message(client, editor):
    client.force_login(editor)
    response = preview(client, SESSIONS, csv_file([["name", "colour"], ["x", "y"]]))
    html = response.content.decode()
    assert "does not have the expected columns. Unknown: name, colour. Missing: slug." in html
    assert "Traceback" not in html
    assert "confirm_form" not in response.context
    assert not Session.objects.exists()


def test_a_file_in_another_encoding_is_refused_with_a_message(client, editor, room, speaker):
    client.force_login(editor)
    rows = session_rows(title_fr="Sécurité urbaine")
    response = preview(client, SESSIONS, csv_file(rows, encoding="latin-1"))
    assert "This file is not UTF-8 text" in response.content.decode()
    assert "confirm_form" not in response.context
    assert not Session.objects.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("big.csv", b"slug\n" + b"x" * (6 * 1024 * 1024))
    response = preview(client, SESSIONS, upload)
    assert "files of up to 5.0" in response.content.decode()
    assert "confirm_form" not in response.context


def test_excel_file_imports_speakers(client, editor):
    client.force_login(editor)
    dataset = tablib.Dataset(headers=["slug", "name", "role_en", "role_nl", "country"])
    dataset.append(["jan-peeters", "Jan Peeters", "Mayor", "Burgemeester", "BE"])
    upload = SimpleUploadedFile("speakers.xlsx", dataset.export("xlsx"))
    response = preview(client, SPEAKERS, upload, XLSX)
    assert [row.import_type for row in response.context["result"].rows] == ["new"]
    confirm(client, SPEAKERS, response)
    speaker = Speaker.objects.get(slug="jan-peeters")
    assert (speaker.role_nl, speaker.published) == ("Burgemeester", False)


def test_export_then_import_into_an_empty_database_gives_the_same_rows(speaker):
    SessionFactory(
        slug="a", title_en="A", title_fr="A fr", room=RoomFactory(), track=TrackFactory()
    ).speakers.add(speaker)
    sessions = SessionResource().export().export("csv")
    speakers = SpeakerResource().export().export("csv")
    Session.objects.all().delete()
    Speaker.objects.all().delete()
    Room.objects.all().delete()
    Track.objects.all().delete()
    assert not SpeakerResource().import_data(tablib.Dataset().load(speakers, "csv")).has_errors()
    assert not SessionResource().import_data(tablib.Dataset().load(sessions, "csv")).has_errors()
    assert SessionResource().export().export("csv") == sessions
    assert SpeakerResource().export().export("csv") == speakers


@pytest.mark.parametrize("changelist", [SESSIONS, SPEAKERS])
def test_communications_can_neither_import_nor_export(client, communications, changelist):
    client.force_login(communications)
    assert client.get(f"{changelist}import/").status_code == 403
    assert client.get(f"{changelist}export/").status_code == 403
    assert "/import/" not in client.get(changelist).content.decode()


@pytest.mark.parametrize("changelist", [SESSIONS, SPEAKERS])
def test_editor_exports_csv_from_the_admin(client, editor, changelist, speaker):
    client.force_login(editor)
    page = client.get(f"{changelist}export/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {"format": CSV, "resource": "0"}
    data.update({name: "on" for name in form.fields if name.endswith("_slug")})
    response = client.post(f"{changelist}export/", data)
    assert response["Content-Type"].startswith("text/csv")
    assert io.StringIO(response.content.decode("utf-8-sig")).readline().startswith("slug")


def test_demo_programme_comes_back_from_spreadsheets_into_an_empty_site(demo):
    speakers = SpeakerResource().export().export("xlsx")
    sessions = SessionResource().export().export("xlsx")
    as_csv = SessionResource().export().export("csv")
    counts = (Session.objects.count(), Speaker.objects.count(), Room.objects.count())
    Session.objects.all().delete()
    Speaker.objects.all().delete()
    Room.objects.all().delete()
    Track.objects.all().delete()
    for resource, data in [(SpeakerResource(), speakers), (SessionResource(), sessions)]:
        result = resource.import_data(tablib.Dataset().load(data, "xlsx"))
        assert not result.has_errors() and not result.has_validation_errors()
    assert (Session.objects.count(), Speaker.objects.count(), Room.objects.count()) == counts
    assert SessionResource().export().export("csv") == as_csv


def test_the_session_list_names_each_import_as_its_page_does(client, editor):
    client.force_login(editor)
    tools = client.get(SESSIONS).content.decode()
    assert "Import a spreadsheet" in tools and "Import a schedule file" in tools
    assert client.get(f"{SESSIONS}import/").context["title"] == "Import a spreadsheet"
    assert client.get(f"{SESSIONS}import-schedule/").context["title"] == "Import a schedule file"
