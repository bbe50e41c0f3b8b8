import re

import pytest

from efus_conf.demo.factories import SessionFactory, TrackFactory, brussels
from programme.models import Session

LANGUAGES = ["en", "fr", "nl"]
PAGES = ["", "now/", "agenda/", "opening-plenary/"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_programme_page_renders_in_each_language(client, small_programme, language, page):
    response = client.get(f"/{language}/programme/{page}")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_dutch_programme_shows_three_days_in_dutch(client, small_programme):
    html = client.get("/nl/programme/").content.decode()
    for day in ("woensdag 20 maart", "donderdag 21 maart", "vrijdag 22 maart"):
        assert day in html
    assert "Openingsplenaire" in html


def test_programme_announces_its_exports(client, small_programme):
    html = client.get("/en/programme/").content.decode()
    for name in ("schedule.ics", "schedule.xml", "schedule.json"):
        assert 'rel="alternate" type=' in html
        assert f'href="/en/programme/{name}"' in html


@pytest.mark.parametrize(
    "query",
    [
        "day=abc",
        "track=999999",
        "format=%3Cscript%3E",
        "language=zz",
        "day=2024-02-30&track=&format=&language=",
        "day=2024-03-20&day=abc",
    ],
)
def test_bad_filter_values_are_ignored(client, small_programme, query):
    response = client.get(f"/en/programme/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]
    assert "Opening plenary" in html


@pytest.mark.parametrize("query", ["day=abc", "day=2024-02-30", "track=nothing", "language=zz"])
def test_a_filter_value_that_does_not_validate_is_named_and_ignored(client, small_programme, query):
    html = client.get(f"/en/programme/?{query}").content.decode()
    assert "Some filters were not recognised and have been ignored." in html
    assert "Opening plenary" in html and "Closing plenary" in html


def test_valid_filters_bring_no_notice(client, small_programme):
    html = client.get("/en/programme/?day=2024-03-20&language=").content.decode()
    assert "not recognised" not in html
    assert "Opening plenary" in html and "Closing plenary" not in html


def test_filters_narrow_the_programme(client, small_programme):
    html = client.get("/en/programme/?day=2024-03-22&format=visit").content.decode()
    assert "Visit: a supervised drug consumption room" not in html  # day two
    assert "Visit: a local drug prevention service" in html
    assert "Opening plenary" not in html
    assert "Closing plenary" not in html  # day three, not a visit


def test_track_filter_uses_the_slug(client, small_programme):
    html = client.get("/en/programme/?track=social-mediation").content.decode()
    assert "Night-time mediation in nightlife districts" in html
    assert "Harm reduction in the city centre" not in html


def test_stars_are_hidden_until_javascript_reveals_them(client, small_programme):
    html = client.get("/en/programme/").content.decode()
    assert 'aria-pressed="false" hidden' in html
    assert "Keep “Opening plenary" in html
    assert "js/agenda" in html


def test_my_agenda_explains_it_needs_javascript(client, small_programme):
    html = client.get("/en/programme/agenda/").content.decode()
    assert "<noscript>" in html and "needs JavaScript" in html


@pytest.mark.parametrize(
    ("language", "when"),
    [("en", "Wed 20 March, 09:30"), ("fr", "mer 20 mars, 09:30"), ("nl", "wo 20 maart, 09:30")],
)
def test_my_agenda_names_the_day_and_month_in_the_visitor_s_language(
    client, small_programme, language, when
):
    html = client.get(f"/{language}/programme/agenda/").content.decode()
    assert when in html


def test_session_page_shows_facts_speakers_and_calendar_link(client, session):
    html = client.get("/en/programme/morning-talk/").content.decode()
    assert "10:00" in html and "Brussels time" in html
    assert 'href="/en/speakers/test-speaker-' in html
    assert ">AE<" in html  # initials instead of a photo
    assert 'href="/en/programme/morning-talk/calendar.ics"' in html


def pager_links(client, session):
    html = client.get(session.get_absolute_url()).content.decode()
    return {
        rel: re.search(rf'href="([^"]+)" rel="{rel}"', html).group(1)
        if f'rel="{rel}"' in html
        else None
        for rel in ("prev", "next")
    }


def test_session_page_links_the_published_sessions_before_and_after_it(client, conference):
    first = SessionFactory(start=brussels(20, 9))
    SessionFactory(start=brussels(20, 9, 30), published=False)
    middle = SessionFactory(start=brussels(20, 10))
    last = SessionFactory(start=brussels(21, 9))
    assert pager_links(client, first) == {"prev": None, "next": middle.get_absolute_url()}
    assert pager_links(client, middle) == {
        "prev": first.get_absolute_url(),
        "next": last.get_absolute_url(),
    }
    assert pager_links(client, last) == {"prev": middle.get_absolute_url(), "next": None}


def test_sessions_starting_together_follow_each_other_in_the_pager(client, conference):
    one, two, three = (SessionFactory(start=brussels(20, 11)) for _ in range(3))
    assert pager_links(client, two) == {
        "prev": one.get_absolute_url(),
        "next": three.get_absolute_url(),
    }


def test_unpublished_session_is_not_found(client, session):
    Session.objects.filter(pk=session.pk).update(published=False)
    assert client.get("/en/programme/morning-talk/").status_code == 404
    assert client.get("/en/programme/morning-talk/calendar.ics").status_code == 404


def test_session_description_is_sanitised(client, session):
    Session.objects.filter(pk=session.pk).update(
        description_en='<p onclick="x()">Hi</p><script>alert(1)</script>'
    )
    html = client.get("/en/programme/morning-talk/").content.decode()
    assert "alert(1)" not in html and "onclick" not in html


# How an aware time is stored and read back is the engine's (timestamptz or text).
@pytest.mark.database
def test_session_at_ten_brussels_time_shows_ten_and_is_nine_utc(client, session):
    html = client.get("/en/programme/").content.decode()
    assert ">10:00</time>" in html
    stored = Session.objects.get(pk=session.pk).start
    assert stored.astimezone(__import__("datetime").UTC).strftime("%H:%MZ") == "09:00Z"


@pytest.mark.database
def test_summer_session_at_ten_brussels_time_is_eight_utc(session):
    import datetime

    session.start = datetime.datetime(2024, 7, 10, 10, tzinfo=session.start.tzinfo)
    session.end = session.start + datetime.timedelta(hours=1)
    session.save()
    session.refresh_from_db()
    assert session.start.astimezone(datetime.UTC).strftime("%H:%MZ") == "08:00Z"


@pytest.mark.parametrize("count", [10, 200])
def test_programme_query_count_does_not_grow_with_sessions(
    client, conference, django_assert_num_queries, count
):
    track = TrackFactory()
    for index in range(count):
        SessionFactory(start=brussels(20 + index % 3, 9), track=track)
    with django_assert_num_queries(9):
        assert client.get("/en/programme/?track=" + track.slug).status_code == 200
