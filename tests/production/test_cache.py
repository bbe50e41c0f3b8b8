"""The public pages' cache (efus_conf/cache/): their HTTP headers, the copy kept in Django's
cache under the content version, and the triggers that raise that version.

The tests marked `database` also run on PostgreSQL, whose triggers differ (per statement, not
per row and event). Several workers and a Redis that is down, over real HTTP:
test_workers.py; nginx in front: test_proxy.py.
"""

import gzip
import logging

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils.html import escape

from efus_conf.cache.models import ContentVersion
from efus_conf.conference.models import Conference, Page, Partner
from efus_conf.demo.factories import SessionFactory, SpeakerFactory
from efus_conf.settings import cache_from_url
from programme.models import Session
from speakers.models import Speaker
from tests.support.admin_forms import change_form_data

PUBLIC = [
    "/en/",
    "/fr/programme/",
    "/nl/speakers/",
    "/en/about-efus/",
    "/en/newsletter/",
    "/en/programme/now/",
    "/en/programme/schedule.ics",
    "/en/programme/schedule.xml",
    "/fr/programme/schedule.json",
    "/sitemap.xml",
]


def first_session():
    return Session.objects.published().exclude(format__in=["break", "networking"]).first()


@pytest.mark.parametrize("url", PUBLIC)
def test_public_answers_are_public_with_an_etag_and_no_cookie(client, small_site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    directives = response["Cache-Control"].split(", ")
    assert "public" in directives
    assert any(directive.startswith("s-maxage=") for directive in directives)
    assert any(directive.startswith("stale-while-revalidate=") for directive in directives)
    assert response["ETag"]


def test_the_second_visitor_gets_the_stored_copy_of_the_first_s_page(small_site):
    first = Client().get("/en/programme/")
    second = Client().get("/en/programme/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in first.content


def test_now_and_next_is_kept_shorter_than_other_pages(client, small_site):
    assert "s-maxage=30" in client.get("/en/programme/now/")["Cache-Control"].split(", ")
    assert "s-maxage=300" in client.get("/en/programme/")["Cache-Control"].split(", ")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/login/",
        "/en/no-such-page/",
        "/static/css/no-such-file.css",
        "/en/newsletter/confirm/not-a-token/",
        "/en/newsletter/unsubscribe/not-a-token/",
    ],
)
def test_private_answers_are_stored_by_nobody(client, db, url):
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_form_answers_are_private(client, db):
    response = client.post("/en/newsletter/", {"email": "not an address"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.database
def test_a_stored_page_costs_one_query_the_content_version(
    client, small_site, django_assert_num_queries
):
    client.get("/en/")
    with django_assert_num_queries(1) as queries:
        assert Client().get("/en/")["X-Page-Cache"] == "hit"
    assert "efus_conf_contentversion" in queries.captured_queries[0]["sql"]


def test_static_files_keep_their_own_headers_and_read_no_version(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_media_files_do_not_vary_by_language(client, small_site):
    logo = Partner.objects.exclude(logo="").first().logo.url
    response = client.get(logo)
    assert response.status_code == 200
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("stored", [False, True])
@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_matching_if_none_match_gets_an_empty_304(small_site, stored, encoding):
    etag = Client().get("/en/programme/")["ETag"]
    if not stored:
        small_site.session.save()  # A new version: the page is rendered again.
    response = Client().get(
        "/en/programme/", headers={"if-none-match": etag, "accept-encoding": encoding}
    )
    assert response.status_code == 304
    assert response.content == b""
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url", ["/en/programme/schedule.ics", "/en/programme/schedule.xml", "/en/programme/"]
)
def test_a_change_gives_a_new_etag_and_the_new_content(client, small_site, url):
    etag = client.get(url)["ETag"]
    session = first_session()
    session.title_en = "Moved to another room"
    session.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Moved to another room" in changed.content.decode()


def test_each_language_and_filter_has_its_own_entry(client, small_site):
    english = client.get("/en/programme/")
    assert client.get("/fr/programme/")["X-Page-Cache"] == "miss"
    assert client.get("/en/programme/?format=plenary")["X-Page-Cache"] == "miss"
    assert client.get("/en/programme/")["X-Page-Cache"] == "hit"
    assert client.get("/en/programme/").content == english.content


def test_tracking_parameters_share_the_page_s_entry(client, small_site):
    page = client.get("/en/programme/?format=plenary")
    tracked = client.get("/en/programme/?utm_source=newsletter&format=plenary&fbclid=x1")
    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == page.content


def test_signed_in_organisers_get_a_private_fresh_page(client, small_site, admin_client):
    client.get("/en/")
    response = admin_client.get("/en/")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, small_site):
    client.get("/en/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/en/")


@pytest.mark.urls("tests.production.urls")
@pytest.mark.parametrize("url", ["/en/cookie/", "/en/session/"])
def test_a_public_view_that_sets_a_cookie_is_neither_stored_nor_public(client, db, url):
    assert client.get(url)["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in Client().get(url)


def test_a_stored_page_carries_the_headers_of_the_page_it_copies(client, small_site):
    miss = client.get("/fr/programme/")
    hit = Client().get("/fr/programme/")
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Type",
        "Content-Language",
        "Cache-Control",
        "ETag",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Content-Security-Policy",
    ):
        assert hit[header] == miss[header], header


def test_a_stored_page_still_refuses_a_host_that_is_not_allowed(client, small_site):
    client.get("/en/")
    assert Client(HTTP_HOST="evil.example").get("/en/").status_code == 400


def test_pages_are_gzipped_for_clients_that_accept_it_and_stored_both_ways(small_site):
    SessionFactory.create_batch(12)  # A programme the size of a real day's.
    plain = Client().get("/en/programme/")
    for visit in ("miss", "hit"):
        response = Client().get("/en/programme/", headers={"accept-encoding": "gzip, br"})
        assert response["X-Page-Cache"] == visit
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert len(response.content) < len(plain.content) / 4
        assert gzip.decompress(response.content) == plain.content
    assert "Content-Encoding" not in Client().get("/en/programme/")


def test_private_answers_are_compressed_too(admin_client, small_site):
    response = admin_client.get("/admin/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)


def test_without_a_version_nothing_is_stored(client, db):
    """After a flush the row is gone until the next write: no page may be kept meanwhile."""
    ContentVersion.objects.all().delete()
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "miss"


# What shows a change at once, wherever it is saved: the triggers.


@pytest.mark.database
def test_saving_content_shows_the_change_at_once(client, small_site):
    client.get("/fr/")
    conference = Conference.objects.current()
    conference.tagline_fr = "Nouvelle accroche"
    conference.save()
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle accroche" in response.content.decode()


@pytest.mark.database
def test_a_bulk_update_without_signals_shows_at_once(client, small_site):
    client.get("/en/speakers/")
    Speaker.objects.update(organisation_en="Updated in bulk")
    assert "Updated in bulk" in client.get("/en/speakers/").content.decode()


@pytest.mark.database
def test_raw_sql_shows_at_once(client, small_site):
    client.get("/en/about-efus/")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE efus_conf_page SET title_en = %s WHERE slug = %s",
            ["Written in SQL", "about-efus"],
        )
    assert "Written in SQL" in client.get("/en/about-efus/").content.decode()


@pytest.mark.database
def test_deleting_a_page_removes_it_at_once(client, small_site):
    assert client.get("/en/about-efus/").status_code == 200
    Page.objects.filter(slug="about-efus").delete()
    assert client.get("/en/about-efus/").status_code == 404


@pytest.mark.database
def test_a_new_partner_shows_in_every_footer_at_once(client, small_site):
    client.get("/en/programme/")
    Partner.objects.create(name="Fictional Partner City", role=Partner.Role.PARTNER)
    assert "Fictional Partner City" in client.get("/en/programme/").content.decode()


@pytest.mark.database
def test_a_session_s_speakers_changing_shows_at_once(client, small_site):
    """Many-to-many rows are content too."""
    session = first_session()
    client.get(session.get_absolute_url())
    session.people.all().delete()
    speaker = SpeakerFactory(name="Bea Moreau")
    session.people.create(speaker=speaker, role="speaker", order=1)
    assert escape(speaker.name) in client.get(session.get_absolute_url()).content.decode()


@pytest.mark.database
def test_a_session_saved_in_the_admin_shows_at_once(client, small_site, admin_client):
    page = small_site.session.get_absolute_url()
    client.get(page)
    url = f"/admin/programme/session/{small_site.session.pk}/change/"
    data = change_form_data(admin_client.get(url).content.decode(), "session", title_en="Saved")
    assert admin_client.post(url, data).status_code == 302
    assert "Saved" in client.get(page).content.decode()


@pytest.mark.database
def test_restoring_an_earlier_version_shows_at_once(client, small_site, admin_client):
    session = small_site.session
    first = session.history.earliest()
    session.title_en = "A title to undo"
    session.save()
    assert "A title to undo" in client.get(session.get_absolute_url()).content.decode()
    url = f"/admin/programme/session/{session.pk}/history/{first.history_id}/"
    data = change_form_data(admin_client.get(url).content.decode(), "historicalsession")
    assert admin_client.post(url, data).status_code == 302
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Cities and drugs" in html and "A title to undo" not in html


@pytest.mark.database
def test_changes_outside_the_content_apps_keep_the_version(conference):
    from django.contrib.auth.models import Group

    version = ContentVersion.current()
    Group.objects.create(name="Somebody")
    assert ContentVersion.current() == version


@pytest.mark.database
def test_migrating_raises_the_version(db):
    version = ContentVersion.current()
    call_command("migrate", verbosity=0)
    assert ContentVersion.current() != version


@pytest.mark.database
def test_a_save_raises_the_version_once_not_again_for_its_history(small_site):
    before = ContentVersion.objects.get().number
    small_site.speaker.bio_en = "<p>Another biography.</p>"
    small_site.speaker.save()
    assert small_site.speaker.history.count() == 2
    assert ContentVersion.objects.get().number == before + 1


# A cache server that is down or unreachable (a closed port) costs speed, never a page.


@pytest.fixture
def unreachable_cache(settings):
    settings.CACHES = {"default": cache_from_url("redis://127.0.0.1:9/0")}


def test_an_unreachable_cache_logs_one_warning_and_serves_pages(
    client, small_site, unreachable_cache, caplog, monkeypatch
):
    monkeypatch.setattr("efus_conf.cache.http._last_warning", 0.0)
    with caplog.at_level(logging.WARNING, logger="efus_conf.cache.http"):
        for url in ["/en/programme/", "/en/programme/", "/fr/", "/sitemap.xml"]:
            assert client.get(url).status_code == 200
    assert [record.name for record in caplog.records] == ["efus_conf.cache.http"]


def test_an_unreachable_cache_still_lets_visitors_subscribe(client, db, unreachable_cache):
    response = client.post(
        "/en/newsletter/", {"email": "reader@example.org", "consent": "on", "language": "en"}
    )
    assert response.status_code == 302


def test_an_unreachable_cache_still_lets_organisers_sign_in(client, admin_user, unreachable_cache):
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_pages_are_stored_and_replaced_in_redis(client, conference, settings, redis_url):
    settings.CACHES = {"default": cache_from_url(redis_url)}
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    conference.tagline_en = "Stored in Redis"
    conference.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Stored in Redis" in response.content.decode()
