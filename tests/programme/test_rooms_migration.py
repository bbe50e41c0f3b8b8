"""Migration 0009 gives every room, and every version of it, the conference's venue."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from efus_conf.cache.version import install_triggers
from programme.models import Room

BEFORE = ("programme", "0008_changes_kept_by_the_database")
CONFERENCE_PARTS = ("efus_conf", "0011_conference_parts_columns_dropped")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.database]


@pytest.fixture
def migrated_back(transactional_db):
    """The models as they were before rooms had a venue; the database is migrated to the
    latest state again afterwards, with the content-version triggers."""
    call_command("migrate", *BEFORE, verbosity=0)
    yield MigrationExecutor(connection).loader.project_state([BEFORE, CONFERENCE_PARTS]).apps
    call_command("migrate", verbosity=0)
    install_triggers()


def make_conference(apps):
    conference = apps.get_model("efus_conf", "Conference").objects.create(
        name="Conference", short_name="SDC", tagline="t", city="Brussels", country="Belgium",
        start_date=datetime.date(2024, 3, 20), end_date=datetime.date(2024, 3, 22),
    )  # fmt: skip
    apps.get_model("efus_conf", "Venue").objects.create(
        conference=conference, name="Square", name_en="Square"
    )
    return conference


def make_room(apps):
    room = apps.get_model("programme", "Room").objects.create(name="Europa", name_en="Europa")
    apps.get_model("programme", "HistoricalRoom").objects.create(
        id=room.pk, name_en="Europa", order=0, history_type="+",
        history_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )  # fmt: skip
    return room


def test_the_rooms_and_their_history_become_the_latest_conferences_venues(migrated_back):
    make_conference(migrated_back)
    latest = make_conference(migrated_back)
    latest.start_date, latest.end_date = datetime.date(2027, 3, 1), datetime.date(2027, 3, 3)
    latest.save()
    room = make_room(migrated_back)

    call_command("migrate", verbosity=0)

    venue = Room.objects.get(pk=room.pk).venue
    assert venue.conference_id == latest.pk
    assert Room.history.get().venue_id == venue.pk


def test_rooms_without_a_conference_stop_the_migration_with_what_to_do(migrated_back):
    make_room(migrated_back)
    with pytest.raises(RuntimeError, match="add the conference"):
        call_command("migrate", "programme", verbosity=0)
    # The conference added, the migration goes through.
    make_conference(migrated_back)
    call_command("migrate", verbosity=0)
    assert Room.objects.get().venue.name == "Square"
