import datetime
import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import icalendar
import pytest

from efus_conf.demo.factories import RoomFactory, SessionFactory, brussels
from programme.models import Session, SessionChange

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def fresh(session):
    """The session as the admin, the shell or an import would load it."""
    return Session.objects.get(pk=session.pk)


def move(session, **fields):
    session = fresh(session)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    return session


def test_moving_a_published_session_records_before_and_after(conference):
    session = SessionFactory(start=brussels(20, 10), room=RoomFactory(name_en="Horta"))
    europa = RoomFactory(name_en="Europa")
    move(session, start=brussels(21, 14), end=brussels(21, 15), room=europa)
    change = SessionChange.objects.get()
    assert (change.previous_start, change.start) == (brussels(20, 10), brussels(21, 14))
    assert (change.previous_room.name, change.room.name) == ("Horta", "Europa")
    assert change.time_changed and change.room_changed and not change.status_changed


def test_cancelling_a_session_records_it(conference):
    move(SessionFactory(), cancelled=True)
    change = SessionChange.objects.get()
    assert change.status_changed and change.cancelled and not change.time_changed


def test_other_edits_creation_and_unpublished_sessions_record_nothing(conference):
    session = SessionFactory()
    move(session, title_en="Renamed", summary_en="New summary")
    move(SessionFactory(published=False), start=brussels(21, 9), end=brussels(21, 10))
    assert not SessionChange.objects.exists()


def test_the_changes_page_lists_changes_newest_first_in_each_language(
    client, conference, django_assert_max_num_queries
):
    first = SessionFactory(title_en="Moved", title_fr="Déplacée", room=RoomFactory(name_en="A"))
    second = SessionFactory(title_en="Called off", title_fr="Annulée pour de bon")
    move(first, room=RoomFactory(name_en="B"))
    move(second, cancelled=True)
    for _ in range(3):
        move(SessionFactory(), cancelled=True)
    with django_assert_max_num_queries(6):
        html = unescape(client.get("/fr/programme/changes/").content.decode())
    assert html.index("Annulée pour de bon") < html.index("Déplacée")
    assert "Nouvelle salle : B (au lieu de A)." in html
    assert "Annulée." in html


def test_the_changes_feed_is_atom_newest_first_in_the_addresss_language(client, conference):
    session = SessionFactory(title_en="Moved", title_nl="Verplaatst")
    move(session, start=brussels(20, 14), end=brussels(20, 15))
    move(SessionFactory(title_en="Off", title_nl="Afgelast"), cancelled=True)
    response = client.get("/nl/programme/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Geannuleerd: Afgelast", "Gewijzigd: Verplaatst"]
    ids = [entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")]
    assert all(id.startswith("http://testserver/nl/programme/changes/#change-") for id in ids)
    summaries = [entry.find(f"{ATOM}summary").text for entry in feed.iter(f"{ATOM}entry")]
    assert (
        "Nieuw tijdstip: woensdag 20 maart, 14:00–15:00 (was woensdag 20 maart, 10:00–11:00)."
        in summaries[1]
    )


def test_a_changed_or_cancelled_session_says_so_on_its_card_and_page(client, conference):
    move(SessionFactory(slug="moved", room=RoomFactory()), room=RoomFactory())
    move(SessionFactory(slug="off"), cancelled=True)
    programme = client.get("/en/programme/").content.decode()
    assert programme.count(">Changed</strong>") == 1
    assert programme.count(">Cancelled</strong>") == 1
    assert "This session is cancelled." in client.get("/en/programme/off/").content.decode()
    moved = client.get("/en/programme/moved/").content.decode()
    assert 'id="changes-title"' in moved and "New room:" in moved


def test_ical_sequence_follows_a_cancellation_and_marks_the_event_cancelled(client, conference):
    session = SessionFactory(slug="talk")
    move(session, cancelled=True)
    (event,) = icalendar.Calendar.from_ical(
        client.get("/en/programme/talk/calendar.ics").content
    ).walk("VEVENT")
    assert event["SEQUENCE"] == 1
    assert event["STATUS"] == "CANCELLED"


def test_the_demo_has_a_moved_and_a_cancelled_session_with_their_records(client, demo):
    changes = SessionChange.objects.public()
    assert {change.session.slug for change in changes} == {
        "countering-online-hate", "visit-emergency-dispatch",
    }  # fmt: skip
    assert all(change.recorded_at < datetime.datetime(2024, 3, 20, tzinfo=datetime.UTC)
               for change in changes)  # fmt: skip
    for language, text in [("en", "Cancelled."), ("fr", "Annulée."), ("nl", "Geannuleerd.")]:
        assert text in client.get(f"/{language}/programme/changes/").content.decode()


def session_json_ld(client, path):
    html = client.get(path).content.decode()
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def test_search_engines_are_told_a_session_is_cancelled_or_rescheduled(client, conference):
    move(SessionFactory(slug="off"), cancelled=True)
    move(SessionFactory(slug="later", start=brussels(20, 10)), start=brussels(20, 16),
         end=brussels(20, 17))  # fmt: skip
    assert session_json_ld(client, "/en/programme/off/")["eventStatus"] == (
        "https://schema.org/EventCancelled"
    )
    later = session_json_ld(client, "/en/programme/later/")
    assert later["eventStatus"] == "https://schema.org/EventRescheduled"
    assert later["previousStartDate"] == ["2024-03-20T10:00:00+01:00"]
