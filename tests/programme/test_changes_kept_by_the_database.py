"""The record of changes and the calendar revision, kept by the database whatever writes to
it (programme/changes.py)."""

import json

import icalendar
import pytest
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection

from efus_conf.demo.factories import RoomFactory, SessionFactory, brussels
from programme.frab import read_schedule
from programme.models import Session, SessionChange
from programme.schedule_import import import_schedule
from tests.support.admin_forms import change_form_data

# Every test here runs the triggers, whose SQL differs by engine.
pytestmark = [pytest.mark.django_db, pytest.mark.database]


def fresh(session):
    return Session.objects.get(pk=session.pk)


def by_save(session, room, **_):
    session = fresh(session)
    session.room = room
    session.save()


def by_update(session, room, **_):
    Session.objects.filter(pk=session.pk).update(room=room)


def by_loaddata(session, room, tmp_path, **_):
    session = fresh(session)
    session.room = room
    fixture = tmp_path / "moved.json"
    fixture.write_text(serializers.serialize("json", [session]))
    call_command("loaddata", fixture, verbosity=0)


def by_admin(session, room, client, superuser, **_):
    client.force_login(superuser)
    url = f"/admin/programme/session/{session.pk}/change/"
    data = change_form_data(client.get(url).content.decode(), "session", room=str(room.pk))
    assert client.post(url, data).status_code == 302


def by_schedule_import(session, room, client, **_):
    data = client.get("/en/programme/schedule.json").json()
    rooms = data["schedule"]["conference"]["days"][0]["rooms"]
    (event,) = rooms.pop(session.room.name)
    event["room"] = room.name
    rooms[room.name] = [event]
    schedule = read_schedule(ContentFile(json.dumps(data).encode()))
    import_schedule(schedule, language="en", publish=True, commit=True, host="testserver")


def calendar_event(client, slug):
    (event,) = icalendar.Calendar.from_ical(
        client.get(f"/en/programme/{slug}/calendar.ics").content
    ).walk("VEVENT")
    return event


@pytest.mark.parametrize(
    "move_by",
    [by_save, by_update, by_loaddata, by_admin, by_schedule_import],
    ids=lambda move_by: move_by.__name__,
)
def test_a_move_is_recorded_and_raises_the_calendar_revision_however_it_is_written(
    move_by, client, conference, superuser, tmp_path
):
    horta, europa = RoomFactory(name_en="Horta"), RoomFactory(name_en="Europa", order=1)
    session = SessionFactory(slug="talk", title_en="Opening", room=horta)
    move_by(session, europa, client=client, superuser=superuser, tmp_path=tmp_path)
    change = SessionChange.objects.get()
    assert (change.session, change.previous_room, change.room) == (session, horta, europa)
    assert calendar_event(client, "talk")["SEQUENCE"] == 1


def test_moving_many_sessions_in_one_update_records_each(conference):
    sessions = SessionFactory.create_batch(3, start=brussels(20, 10), end=brussels(20, 11))
    Session.objects.update(start=brussels(20, 14), end=brussels(20, 15))
    assert {change.session for change in SessionChange.objects.all()} == set(sessions)
    assert set(Session.objects.values_list("sequence", flat=True)) == {1}


def test_an_unpublished_session_s_move_is_not_recorded(conference):
    session = SessionFactory(published=False)
    Session.objects.filter(pk=session.pk).update(start=brussels(21, 9), end=brussels(21, 10))
    assert not SessionChange.objects.exists()


def test_a_session_published_as_it_moves_records_nothing(conference):
    session = SessionFactory(published=False)
    Session.objects.filter(pk=session.pk).update(published=True, cancelled=True)
    assert not SessionChange.objects.exists()


@pytest.mark.parametrize("column", ["title_fr", "summary_nl", "description_en"])
def test_a_new_text_in_any_language_raises_the_revision_and_records_no_change(conference, column):
    session = SessionFactory()
    Session.objects.filter(pk=session.pk).update(**{column: "Nouveau"})
    assert fresh(session).sequence == 1
    assert not SessionChange.objects.exists()


def test_other_fields_leave_the_revision(conference):
    session = SessionFactory()
    Session.objects.filter(pk=session.pk).update(availability="full", capacity=30)
    assert fresh(session).sequence == 0


def test_saving_an_instance_again_does_not_lower_the_revision_it_raised(conference):
    session = fresh(SessionFactory())
    session.title_en = "Renamed"
    session.save()
    session.availability = "full"
    session.save()
    assert fresh(session).sequence == 1


def test_the_history_keeps_the_revision_the_database_gave(conference):
    session = fresh(SessionFactory())
    session.title_en = "Renamed"
    session.save()
    assert session.history.latest().sequence == 1


def test_a_copy_starts_at_revision_zero(conference):
    session = SessionFactory()
    Session.objects.filter(pk=session.pk).update(title_en="Renamed")
    assert fresh(session).duplicate().sequence == 0
    assert Session.objects.get(slug__endswith="-copy").sequence == 0


def programme_triggers():
    """The names of the programme's triggers in the database."""
    sql = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {name for (name,) in cursor.fetchall() if name.startswith("programme_")}


@pytest.mark.django_db(transaction=True)
def test_a_migration_may_rebuild_the_sessions_table_and_the_triggers_come_back(conference):
    field = Session._meta.get_field("meeting_point")
    name, path, args, kwargs = field.deconstruct()
    wider = type(field)(*args, **{**kwargs, "max_length": field.max_length + 1})
    wider.set_attributes_from_name(name)
    wider.model = Session
    emit_pre_migrate_signal(0, False, "default")
    with connection.schema_editor() as editor:
        editor.alter_field(Session, field, wider)
        editor.alter_field(Session, wider, field)
    emit_post_migrate_signal(0, False, "default")
    session = SessionFactory()
    Session.objects.filter(pk=session.pk).update(cancelled=True)
    assert SessionChange.objects.get().cancelled


@pytest.mark.django_db(transaction=True)
def test_migrating_keeps_the_changes_and_revisions_recorded_before(conference):
    session = SessionFactory(sequence=3)
    Session.objects.filter(pk=session.pk).update(cancelled=True)
    call_command("migrate", "programme", "0007", verbosity=0)
    call_command("migrate", verbosity=0)
    assert fresh(session).sequence == 4
    assert SessionChange.objects.get().session == session


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_the_triggers_takes_them_off(conference):
    installed = programme_triggers()
    call_command("migrate", "programme", "0007", verbosity=0)
    assert programme_triggers() == set()
    call_command("migrate", verbosity=0)
    assert (
        programme_triggers()
        == installed
        == {
            "programme_session_change",
            "programme_session_revision",
            "programme_session_history_revision",
        }
    )
