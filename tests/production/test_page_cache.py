import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import constants
from django.test import Client

from efus_conf.models import Conference, Page
from efus_conf.page_cache import content_version

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def without_csrf_tokens(content):
    """The page with each form's CSRF token blanked: every visitor gets a fresh one."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def test_second_visit_is_served_from_the_cache_without_queries(
    client, demo, django_assert_num_queries
):
    first = client.get("/en/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = Client().get("/en/")
    assert second["X-Page-Cache"] == "hit"
    assert without_csrf_tokens(second.content) == without_csrf_tokens(first.content)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_saving_content_shows_the_change_at_once(client, demo):
    client.get("/fr/")
    conference = Conference.objects.current()
    conference.tagline_fr = "Nouvelle accroche"
    conference.save()
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle accroche" in response.content.decode()


def test_deleting_a_page_removes_it_at_once(client, demo):
    assert client.get("/en/about-efus/").status_code == 200
    Page.objects.filter(slug="about-efus").delete()
    assert client.get("/en/about-efus/").status_code == 404


def test_organiser_saving_in_the_admin_shows_the_change_to_visitors(client, demo, admin_client):
    from django.forms.models import model_to_dict

    client.get("/en/")
    conference = Conference.objects.current()
    data = {key: value for key, value in model_to_dict(conference).items() if value is not None}
    data["tagline_en"] = "Edited by an organiser"
    admin_client.post(f"/admin/efus_conf/conference/{conference.pk}/change/", data)
    assert "Edited by an organiser" in client.get("/en/").content.decode()


def test_changes_outside_the_content_apps_keep_the_cache(db):
    version = content_version()
    Group.objects.create(name="Somebody")
    assert content_version() == version


def test_each_language_has_its_own_entry(client, demo):
    english = client.get("/en/")
    french = client.get("/fr/")
    assert french["X-Page-Cache"] == "miss"
    assert english.content != french.content
    assert client.get("/fr/")["X-Page-Cache"] == "hit"


def test_each_set_of_filters_has_its_own_entry(client, demo):
    client.get("/en/programme/")
    filtered = client.get("/en/programme/?format=plenary")
    assert filtered["X-Page-Cache"] == "miss"
    assert client.get("/en/programme/?format=thematic")["X-Page-Cache"] == "miss"
    again = client.get("/en/programme/?format=plenary")
    assert without_csrf_tokens(again.content) == without_csrf_tokens(filtered.content)


def test_tracking_parameters_share_the_page_s_entry(client, demo):
    page = client.get("/en/programme/?format=plenary")
    tracked = client.get("/en/programme/?utm_source=newsletter&format=plenary&fbclid=x1")
    assert tracked["X-Page-Cache"] == "hit"
    assert without_csrf_tokens(tracked.content) == without_csrf_tokens(page.content)


def test_signed_in_organisers_are_never_served_cached_pages(client, demo, admin_client):
    client.get("/en/")
    response = admin_client.get("/en/")
    assert "X-Page-Cache" not in response


def test_not_found_pages_are_not_cached(client, demo):
    client.get("/en/nothing-here/")
    assert "X-Page-Cache" not in client.get("/en/nothing-here/")


def test_zero_seconds_turns_the_cache_off(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")


@pytest.mark.urls("tests.production.urls")
def test_responses_setting_cookies_are_not_cached(client, db):
    client.get("/en/cookie/")
    assert "X-Page-Cache" not in client.get("/en/cookie/")


@pytest.mark.urls("tests.production.urls")
def test_visitor_with_pending_messages_gets_a_fresh_page(client, demo):
    client.get("/en/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/en/")


@pytest.mark.urls("tests.production.urls")
def test_cached_form_gets_a_fresh_csrf_token_that_is_accepted(db):
    first = Client(enforce_csrf_checks=True).get("/en/form/")
    assert first["X-Page-Cache"] == "miss"

    visitor = Client(enforce_csrf_checks=True)
    cached = visitor.get("/en/form/")
    assert cached["X-Page-Cache"] == "hit"
    token = TOKEN.search(cached.content.decode()).group(1)
    assert token != TOKEN.search(first.content.decode()).group(1)
    assert "csrftoken" in cached.cookies
    assert visitor.post("/en/form/", {"csrfmiddlewaretoken": token}).status_code == 200
    assert (
        Client(enforce_csrf_checks=True)
        .post("/en/form/", {"csrfmiddlewaretoken": token})
        .status_code
        == 403
    )


def test_messages_shown_on_a_page_keep_it_out_of_the_cache(rf, db):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse

    from efus_conf.page_cache import is_cacheable_response

    request = rf.get("/en/")
    request._messages = CookieStorage(request)
    assert is_cacheable_response(request, HttpResponse("<p>hi</p>"))
    request._messages.add(constants.INFO, "Thanks for subscribing")
    assert not is_cacheable_response(request, HttpResponse("<p>hi</p>"))


def test_now_and_next_is_cached_for_a_minute_at_most(client, demo):
    response = client.get("/en/programme/now/")
    assert "max-age=60" in response["Cache-Control"]


def test_a_page_asking_for_max_age_zero_is_not_cached(settings):
    from django.http import HttpResponse

    from efus_conf.page_cache import cache_timeout

    response = HttpResponse("x", headers={"Cache-Control": "max-age=0"})
    assert cache_timeout(response) == 0
    assert cache_timeout(HttpResponse("x")) == settings.PAGE_CACHE_SECONDS


def test_a_hit_carries_the_headers_of_the_page_it_copies(client, demo):
    miss = client.get("/fr/programme/")
    hit = Client().get("/fr/programme/")
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Type",
        "Content-Language",
        "Vary",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Content-Security-Policy",
    ):
        assert hit[header] == miss[header], header
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_still_refuses_a_host_that_is_not_allowed(client, demo):
    client.get("/en/")
    assert Client(HTTP_HOST="evil.example").get("/en/").status_code == 400


@pytest.mark.urls("tests.production.urls")
def test_a_visitor_keeps_the_same_csrf_secret_across_hits(db):
    Client().get("/en/form/")
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get("/en/form/")
    secret = visitor.cookies["csrftoken"].value
    second = visitor.get("/en/form/")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "hit"
    # Django sends the cookie again whenever a page uses the token (to renew its expiry).
    assert second.cookies["csrftoken"].value == secret
    token = TOKEN.search(second.content.decode()).group(1)
    assert visitor.post("/en/form/", {"csrfmiddlewaretoken": token}).status_code == 200
