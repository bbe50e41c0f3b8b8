"""Caches under the content version that make pages fast even without the page cache:
header and footer data, the programme and speaker grids, the whole-programme exports."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from efus_conf.models import Page, Partner
from efus_conf.page_cache import content_version
from programme.models import Session
from speakers.models import Speaker

pytestmark = pytest.mark.database

PUBLIC_PAGES = ["/en/", "/fr/programme/", "/nl/speakers/", "/en/programme/schedule.ics"]


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def first_session(**filters):
    return (
        Session.objects.published()
        .exclude(format__in=["break", "networking"])
        .filter(**filters)
        .order_by("start")
        .first()
    )


@pytest.mark.parametrize(
    ("url", "first_visit", "next_visits"),
    [
        ("/en/", 8, 2),
        ("/fr/programme/", 9, 2),
        ("/nl/speakers/", 7, 1),
        ("/en/programme/schedule.ics", 6, 0),
        ("/en/programme/schedule.xml", 7, 0),
        ("/en/programme/schedule.json", 7, 0),
    ],
)
def test_pages_without_the_page_cache_run_few_queries(
    client, demo, no_page_cache, django_assert_max_num_queries, url, first_visit, next_visits
):
    with django_assert_max_num_queries(first_visit):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(next_visits):
        assert client.get(url).status_code == 200


def test_session_page_query_count_is_bounded(
    client, demo, no_page_cache, django_assert_max_num_queries
):
    url = first_session().get_absolute_url()
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200


def test_a_changed_session_shows_in_the_programme_at_once(client, demo, no_page_cache):
    session = first_session()
    client.get("/en/programme/")
    session.title_en = "A title edited a moment ago"
    session.save()
    assert "A title edited a moment ago" in client.get("/en/programme/").content.decode()


def test_a_renamed_session_shows_on_its_speaker_s_page_at_once(client, demo, no_page_cache):
    session = Session.objects.published().filter(people__speaker__published=True).first()
    speaker_url = session.people_in_order[0].speaker.get_absolute_url()
    assert escape(session.title_en) in client.get(speaker_url).content.decode()
    session.title_en = "Renamed while the page was cached"
    session.save()
    assert "Renamed while the page was cached" in client.get(speaker_url).content.decode()


def test_a_session_page_shows_its_new_neighbour_at_once(client, demo, no_page_cache):
    session = first_session()
    following = Session.objects.published().after(session).first()
    client.get(session.get_absolute_url())
    following.title_en = "The session right after, renamed"
    following.save()
    html = client.get(session.get_absolute_url()).content.decode()
    assert "The session right after, renamed" in html


def test_each_filter_and_language_has_its_own_programme_grid(client, demo, no_page_cache):
    visit = first_session(format="visit")
    everything = client.get("/en/programme/").content.decode()
    visits = client.get("/en/programme/?format=visit").content.decode()
    french = client.get("/fr/programme/?format=visit").content.decode()
    assert visits.count('class="session-card ') < everything.count('class="session-card ')
    assert visit.title_en in visits
    assert visit.title_fr in french and visit.title_en not in french


def test_a_hidden_speaker_leaves_the_speaker_list_at_once(client, demo, no_page_cache):
    speaker = Speaker.objects.published().first()
    assert speaker.name in client.get("/en/speakers/").content.decode()
    speaker.published = False
    speaker.save()
    assert speaker.name not in client.get("/en/speakers/").content.decode()


def test_speaker_search_is_not_answered_with_the_full_list(client, demo, no_page_cache):
    speaker = Speaker.objects.published().first()
    client.get("/en/speakers/")
    html = client.get("/en/speakers/", {"q": speaker.name}).content.decode()
    assert html.count('class="speaker-card"') < Speaker.objects.published().count()
    assert speaker.name in html


def test_a_new_partner_shows_in_the_footer_at_once(client, demo, no_page_cache):
    client.get("/en/")
    Partner.objects.create(name="Fictional Partner City", role=Partner.Role.PARTNER)
    assert "Fictional Partner City" in client.get("/en/").content.decode()


def test_a_page_renamed_in_the_navigation_shows_in_the_header_at_once(client, demo, no_page_cache):
    page = Page.objects.in_navigation().first()
    client.get("/en/programme/")
    page.title_en = "Renamed a moment ago"
    page.save()
    assert "Renamed a moment ago" in client.get("/en/programme/").content.decode()


def test_the_header_marks_the_page_being_visited(client, demo, no_page_cache):
    client.get("/en/programme/")
    html = client.get("/en/speakers/").content.decode()
    assert re.search(r'href="/en/speakers/" aria-current="page"', html)
    assert not re.search(r'href="/en/programme/" aria-current="page"', html)


def test_the_language_switcher_keeps_each_address_s_own_query(client, demo, no_page_cache):
    client.get("/en/speakers/")
    html = client.get("/en/speakers/?country=BE").content.decode()
    assert 'href="/fr/speakers/?country=BE"' in html


def test_the_head_names_the_host_each_request_came_by(demo, no_page_cache, settings):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    Client(HTTP_HOST="one.example").get("/en/")
    html = Client(HTTP_HOST="two.example").get("/en/").content.decode()
    assert '<link rel="canonical" href="http://two.example/en/">' in html
    assert "one.example" not in html


@pytest.mark.urls("tests.production.urls")
def test_a_form_answer_renders_its_own_head_and_leaves_the_page_s_alone(
    client, demo, no_page_cache
):
    assert "<title>Answered POST" in client.post("/en/method/").content.decode()
    assert "<title>Answered GET" in client.get("/en/method/").content.decode()
    assert "<title>Answered POST" in client.post("/en/method/").content.decode()
    assert "<title>Answered GET" in client.get("/en/method/").content.decode()


def test_the_admin_does_not_load_the_footer_lists(admin_client, demo):
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get("/admin/").status_code == 200
    assert not [query for query in queries if "efus_conf_partner" in query["sql"]]


@pytest.mark.parametrize(
    "url",
    ["/en/programme/schedule.ics", "/en/programme/schedule.xml", "/en/programme/schedule.json"],
)
@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_exports_answer_a_conditional_get_with_304_until_the_programme_changes(
    client, demo, settings, url, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url)["ETag"] == etag
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged["ETag"] == etag
    assert unchanged.content == b""
    session = first_session()
    session.title_en = "Moved to another room"
    session.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Moved to another room" in changed.content.decode()


def test_export_etag_depends_on_the_language(client, demo):
    assert (
        client.get("/en/programme/schedule.ics")["ETag"]
        != client.get("/fr/programme/schedule.ics")["ETag"]
    )


def test_without_a_cache_exports_carry_no_etag(client, demo, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/en/programme/schedule.ics")
    assert response.status_code == 200
    assert "ETag" not in response


def test_footer_form_carries_each_page_address_and_the_visitor_s_own_token(demo, no_page_cache):
    Client().get("/en/programme/")
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/en/speakers/?country=BE&x=<b>").content.decode()
    assert 'name="source" value="/en/speakers/" id="footer-newsletter-source"' in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert "@@" not in html
    response = visitor.post(
        "/en/newsletter/",
        {
            "csrfmiddlewaretoken": token,
            "email": "reader@example.org",
            "consent": "on",
            "language": "en",
        },
    )
    assert response.status_code == 302


def test_migrating_makes_every_cached_page_stale(db):
    version = content_version()
    call_command("migrate", verbosity=0)
    assert content_version() != version


def test_templates_are_compiled_once_per_process():
    from django.template import engines

    loaders = engines["django"].engine.template_loaders
    assert [type(loader).__module__ for loader in loaders] == ["django.template.loaders.cached"]
