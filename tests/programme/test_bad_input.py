"""Bad input the fuzz tests (tests/test_fuzz.py) found, pinned down."""

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.database


def test_agenda_export_ignores_values_that_are_not_slugs_before_the_database(client, session):
    """PostgreSQL refuses a NUL byte in a query (a 500 there); such values name no session."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            "/en/programme/agenda.ics", {"s": ["morning-talk", "\x00", "a\x00b", "été", "../x"]}
        )
    assert response.status_code == 200
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Morning talk"
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "\x00" not in sql and "été" not in sql
