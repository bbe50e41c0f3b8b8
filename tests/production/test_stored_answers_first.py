"""The WSGI entry (efus_conf/wsgi.py) sends a stored public page before Django's request
cycle, and leaves everything it cannot answer exactly as PublicCacheMiddleware would to
Django."""

import io
import wsgiref.util

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import OperationalError

from efus_conf.cache import http as http_cache
from efus_conf.cache.http import StoredAnswersFirst
from efus_conf.cache.models import ContentVersion


@pytest.fixture
def site():
    return StoredAnswersFirst(WSGIHandler())


@pytest.fixture
def django_requests():
    """The requests that went through Django's request cycle from now on."""
    started = []

    def record(sender, environ, **kwargs):
        started.append(environ["PATH_INFO"])

    request_started.connect(record)
    yield started
    request_started.disconnect(record)


def get(application, path, scheme="http", query="", **headers):
    """(status, headers, body) of a GET of `path` through the WSGI `application`."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(),
    }
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    wsgiref.util.setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    chunks = application(environ, start_response)
    body = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return answer["status"], answer["headers"], body


def test_a_stored_page_is_sent_as_django_sent_it(site, small_site):
    status, headers, body = get(site, "/fr/programme/", accept_encoding="br")
    assert headers.pop("X-Page-Cache") == "miss"
    assert get(site, "/fr/programme/", accept_encoding="br") == (
        status,
        {**headers, "X-Page-Cache": "hit"},
        body,
    )


def test_a_stored_page_skips_django_s_request_cycle(site, small_site, django_requests):
    get(site, "/en/")
    get(site, "/en/")
    assert django_requests == ["/en/"]


def test_a_revalidation_gets_the_stored_304_without_django(site, small_site, django_requests):
    etag = get(site, "/en/programme/")[1]["ETag"]
    status, headers, body = get(site, "/en/programme/", if_none_match=etag)
    assert status == "304 Not Modified"
    assert headers["ETag"] == etag
    assert "public" in headers["Cache-Control"]
    assert headers["Vary"] == "Accept-Encoding"
    assert "Content-Length" not in headers
    assert body == b""
    assert django_requests == ["/en/programme/"]


def test_a_miss_reads_the_version_once(site, small_site, django_assert_max_num_queries):
    with django_assert_max_num_queries(50) as queries:
        assert get(site, "/en/")[1]["X-Page-Cache"] == "miss"
    versions = [query for query in queries if "efus_conf_contentversion" in query["sql"]]
    assert len(versions) == 1


def test_signed_in_visitors_go_through_django(site, small_site, django_requests):
    get(site, "/en/")
    status, headers, _body = get(site, "/en/", cookie="sessionid=someone")
    assert status == "200 OK"
    assert headers["Cache-Control"] == "private, no-store"
    assert django_requests == ["/en/", "/en/"]


def test_a_page_stored_for_https_is_not_sent_over_plain_http(small_site, settings):
    settings.SECURE_SSL_REDIRECT = True
    site = StoredAnswersFirst(WSGIHandler())  # SecurityMiddleware reads the setting once
    assert get(site, "/en/", scheme="https")[0] == "200 OK"
    status, headers, _body = get(site, "/en/")
    assert status == "301 Moved Permanently"
    assert headers["Location"] == "https://testserver/en/"


def test_a_host_that_is_not_allowed_gets_django_s_400(site, small_site):
    get(site, "/en/")
    assert get(site, "/en/", host="evil.example")[0] == "400 Bad Request"


def test_a_database_error_leaves_the_request_to_django(
    site, small_site, monkeypatch, django_requests
):
    get(site, "/en/")
    current = ContentVersion.objects.current
    calls = []

    def fails_once():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return current()

    monkeypatch.setattr(ContentVersion.objects, "current", fails_once)
    status, headers, _body = get(site, "/en/")
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert django_requests == ["/en/", "/en/"]


def test_static_files_pass_through_without_a_query(
    site, small_site, django_requests, django_assert_num_queries
):
    with django_assert_num_queries(0):
        status, headers, _body = get(site, "/static/css/site.css")
    assert status == "200 OK"
    assert "X-Page-Cache" not in headers
    assert django_requests == ["/static/css/site.css"]


def test_a_hit_closes_a_connection_that_is_too_old_as_django_would(site, small_site, monkeypatch):
    get(site, "/en/")
    closed = []
    monkeypatch.setattr(http_cache, "close_old_connections", lambda: closed.append(1))
    assert get(site, "/en/")[1]["X-Page-Cache"] == "hit"
    assert closed == [1]


def test_a_request_django_refuses_gets_django_s_400(site, small_site):
    too_many_fields = "&".join(f"f{number}=1" for number in range(1200))
    assert get(site, "/en/", query=too_many_fields)[0] == "400 Bad Request"


def test_health_probes_pass_through_without_reading_the_version(
    small_site, django_assert_num_queries
):
    from efus_conf.wsgi import application  # the site's own entry, with its probes

    with django_assert_num_queries(0):
        assert get(application, "/healthz")[0] == "200 OK"


def test_a_missing_file_s_404_is_private(site, small_site):
    status, headers, _body = get(site, "/static/css/no-such-file.css")
    assert status == "404 Not Found"
    assert headers["Cache-Control"] == "private, no-store"
