import io

import pytest
from django.core.management import call_command

from efus_conf.demo.factories import RoomFactory, SessionFactory, brussels
from programme.models import Session, SessionSpeaker
from speakers.models import Speaker


def test_now_before_the_conference_says_when_it_opens(client, conference, clock):
    SessionFactory(start=brussels(20, 9))
    SessionFactory(start=brussels(20, 8, 30))
    clock(2024, 3, 1, 12, 0)
    html = client.get("/en/programme/now/").content.decode()
    # The earliest session, not the first one created, says when the conference opens.
    assert "It opens on Wednesday 20 March 2024 at 08:30, Brussels time." in html


def test_now_during_the_conference_shows_each_room(client, conference, clock):
    SessionFactory(
        title_fr="Plénière : les villes face aux drogues et aux trafics",
        start=brussels(20, 14), end=brussels(20, 15, 15), room=RoomFactory(name_en="Auditorium"),
    )  # fmt: skip
    SessionFactory(
        title_fr="Pause café", format=Session.Format.BREAK, start=brussels(20, 15, 15),
        room=RoomFactory(name_en="Foyer"),
    )  # fmt: skip
    clock(2024, 3, 20, 14, 30)
    html = client.get("/fr/programme/now/").content.decode()
    assert "Plénière : les villes face aux drogues et aux trafics" in html
    assert "Pause café" in html  # next in the foyer


def test_now_after_the_conference_says_it_is_over(client, conference, clock):
    SessionFactory(start=brussels(22, 16))
    clock(2024, 4, 1, 9, 0)
    html = client.get("/nl/programme/now/").content.decode()
    assert "De conferentie is afgelopen" in html


def test_demo_has_the_real_shape(demo):
    published = Session.objects.published()
    assert published.count() >= 40
    assert published.filter(format="plenary").count() == 4
    assert published.filter(format="thematic").count() == 18
    assert published.filter(format="visit").count() == 12
    assert published.filter(format="pitch", start__date="2024-03-20").count() == 3
    drugs = Session.objects.get(slug="plenary-drugs")
    assert drugs.local_start.strftime("%H:%M") == "14:00"
    assert drugs.local_end.strftime("%H:%M") == "15:15"
    assert drugs.language == "en"
    assert drugs.interpretation == ["fr", "nl", "es"]


def test_demo_puts_every_published_speaker_in_a_session(demo):
    assert not Speaker.objects.published().filter(sessions=None).exists()
    opening = Session.objects.get(slug="opening-plenary")
    assert opening.speakers.filter(slug="willy-demeyer").exists()
    # 24 fictional speakers dealt out to 18 thematic sessions, the first of each moderating.
    thematic = Session.objects.filter(format="thematic")
    assert all(session.speakers.exists() for session in thematic)
    assert SessionSpeaker.objects.filter(session__in=thematic, role="moderator").count() == 18


# The benchmark's extra rows are loaded on PostgreSQL too (tests/test_demo.py loads the rest):
# it enforces lengths that SQLite does not.
@pytest.mark.database
def test_demo_scale_adds_benchmark_sessions_with_two_unpublished_speakers_each(db):
    call_command("loaddemo", "--scale", "5", stdout=io.StringIO())
    bench = Session.objects.filter(slug__startswith="bench-session-")
    assert bench.count() == 5
    assert Speaker.objects.filter(sessions__in=bench, published=False).count() == 10


def test_now_at_the_field_visits_meeting_point_shows_all_six_visits(client, demo, clock):
    clock(2024, 3, 21, 13, 50)
    html = client.get("/en/programme/now/").content.decode()
    visits = Session.objects.filter(format="visit", start__date="2024-03-21")
    assert visits.count() == 6
    assert all(visit.get_absolute_url() in html for visit in visits)
