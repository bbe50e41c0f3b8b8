"""Now & next with sessions built for each case and a fixed clock."""

import re

import pytest

from efus_conf.demo.factories import RoomFactory, SessionFactory, brussels
from programme.models import Session

pytestmark = pytest.mark.django_db


def now_page(client):
    return client.get("/en/programme/now/").content.decode()


def test_now_shows_every_field_visit_leaving_from_one_meeting_point(client, conference, clock):
    meeting_point = RoomFactory(name_en="Meeting point")
    for n in range(6):
        SessionFactory(
            title_en=f"Visit {n}",
            room=meeting_point,
            format=Session.Format.FIELD_VISIT,
            start=brussels(21, 13, 30),
            end=brussels(21, 17),
        )
    clock(2024, 3, 21, 13, 50)
    html = now_page(client)
    assert all(f"Visit {n}" in html for n in range(6))
    assert "Clash" not in html  # groups leaving from one meeting point do not clash


def test_next_shows_every_session_starting_next_in_a_room(client, conference, clock):
    room = RoomFactory()
    SessionFactory(title_en="First", room=room, start=brussels(21, 14), end=brussels(21, 15))
    SessionFactory(title_en="Second", room=room, start=brussels(21, 14), end=brussels(21, 15))
    SessionFactory(title_en="Later", room=room, start=brussels(21, 16), end=brussels(21, 17))
    clock(2024, 3, 21, 13, 0)
    html = now_page(client)
    assert "First" in html and "Second" in html
    assert "Later" not in html


def test_now_shows_a_clash_in_a_room_in_words(client, conference, clock):
    room = RoomFactory()
    SessionFactory(title_en="Booked first", room=room, start=brussels(21, 10), end=brussels(21, 11))
    SessionFactory(
        title_en="Double booked", room=room, start=brussels(21, 10), end=brussels(21, 12)
    )
    clock(2024, 3, 21, 10, 30)
    html = now_page(client)
    assert "Booked first" in html and "Double booked" in html
    assert "this room is also booked at this time for Double booked" in html
    assert "this room is also booked at this time for Booked first" in html


def test_now_shows_a_clash_between_what_runs_and_what_starts_next(client, conference, clock):
    room = RoomFactory()
    SessionFactory(title_en="Overrunning", room=room, start=brussels(21, 10), end=brussels(21, 12))
    SessionFactory(title_en="Starts early", room=room, start=brussels(21, 11), end=brussels(21, 13))
    clock(2024, 3, 21, 10, 30)
    assert "also booked at this time for Overrunning" in now_page(client)


def test_now_and_next_queries_do_not_grow_with_the_sessions(
    client, conference, clock, django_assert_max_num_queries
):
    meeting_point = RoomFactory()
    for _n in range(30):
        SessionFactory(
            room=meeting_point,
            format=Session.Format.FIELD_VISIT,
            start=brussels(21, 10),
            end=brussels(21, 12),
        )
    clock(2024, 3, 21, 10, 30)
    with django_assert_max_num_queries(9):
        html = now_page(client)
    assert len(re.findall(r'class="now-next__session"', html)) == 30
