"""Migrations 0009–0011 move the conference's venue, registration and homepage texts into
rows of their own: every value, in every language, with its history, and back again."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

from efus_conf.cache.version import install_triggers

BEFORE = [("efus_conf", "0008_content_version_moves_to_cache")]
AFTER = [("efus_conf", "0011_conference_parts_columns_dropped")]
PARTS = ["Venue", "Registration", "HomepageCopy"]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.database]


def migrate(targets):
    """The models as they are at `targets`, the database migrated there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def migrated_back(transactional_db):
    """The models as they were before the split; the database is migrated to the latest state
    again afterwards, with the content-version triggers that SQLite's table rebuilds drop."""
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    install_triggers()


def moved_columns(apps_before, apps_after):
    """The conference's columns that the split drops."""
    before = apps_before.get_model("efus_conf", "Conference")._meta.concrete_fields
    after = {f.attname for f in apps_after.get_model("efus_conf", "Conference")._meta.fields}
    return [field for field in before if field.attname not in after]


def value_for(field):
    """A value of its own for each column, and coordinates and dates the constraints accept."""
    if isinstance(field, models.DecimalField):
        return {"venue_latitude": Decimal("50.846200"), "venue_longitude": Decimal("4.365500")}[
            field.attname
        ]
    if isinstance(field, models.DateTimeField):
        day = {"registration_opens": 6, "registration_closes": 8}[field.attname]
        return datetime.datetime(2024, 3, day, 9, 0, tzinfo=datetime.UTC)
    return f"{field.attname} text"


def part_values(apps, part):
    Part = apps.get_model("efus_conf", part)
    names = [
        f.attname for f in Part._meta.concrete_fields if f.attname not in ("id", "conference_id")
    ]
    return {value for row in Part.objects.values_list(*names) for value in row}


def test_every_value_in_every_language_moves_into_the_parts_and_back(migrated_back):
    apps_before = migrated_back
    Conference = apps_before.get_model("efus_conf", "Conference")
    HistoricalConference = apps_before.get_model("efus_conf", "HistoricalConference")
    apps_after = MigrationExecutor(connection).loader.project_state(AFTER).apps
    moved = {field.attname: value_for(field) for field in moved_columns(apps_before, apps_after)}
    assert {"venue_name_fr", "access_contact_nl", "registration_url", "recap_en"} <= set(moved)
    conference = Conference.objects.create(
        name="Conference", short_name="SDC", tagline="t", city="Brussels", country="Belgium",
        start_date=datetime.date(2024, 3, 20), end_date=datetime.date(2024, 3, 22), **moved,
    )  # fmt: skip
    recorded = {f.attname for f in HistoricalConference._meta.concrete_fields}
    HistoricalConference.objects.create(
        history_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC), history_type="+",
        **{name: value for name, value in vars(conference).items() if name in recorded},
    )  # fmt: skip

    apps = migrate(AFTER)

    found = set().union(*(part_values(apps, part) for part in PARTS))
    assert set(moved.values()) <= found
    venue = apps.get_model("efus_conf", "Venue").objects.get(conference_id=conference.pk)
    assert (venue.name_fr, venue.latitude) == ("venue_name_fr text", Decimal("50.846200"))
    registration = apps.get_model("efus_conf", "Registration").objects.get()
    assert registration.opens == moved["registration_opens"]
    homepage = apps.get_model("efus_conf", "HomepageCopy").objects.get()
    assert (homepage.recap_nl, homepage.conference_id) == ("recap_nl text", conference.pk)
    history = apps.get_model("efus_conf", "HistoricalVenue").objects.get()
    assert (history.id, history.access_contact_nl) == (venue.pk, "access_contact_nl text")

    apps = migrate(BEFORE)

    restored = apps.get_model("efus_conf", "Conference").objects.values(*moved).get()
    assert restored == moved
    restored = apps.get_model("efus_conf", "HistoricalConference").objects.values().get()
    assert restored["venue_name_nl"] == "venue_name_nl text"
