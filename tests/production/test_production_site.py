"""The site as gunicorn serves it in production mode, over real HTTP on loopback."""

import http.client
import re
from urllib.parse import urlsplit

import pytest

from tests.support.http_client import fetch


def test_uploaded_logos_load_with_long_cache_headers(production_site):
    _status, _headers, html = fetch(f"{production_site}/en/")
    logos = re.findall(r'src="(/media/[^"]+)"', html.decode())
    assert logos
    for logo in logos:
        status, headers, body = fetch(production_site + logo)
        assert status == 200
        assert headers["Content-Type"].startswith("image/")
        assert headers["Cache-Control"] == "public, max-age=31536000"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert body


def test_repeated_visits_are_served_from_the_cache(production_site):
    # Each gunicorn worker has its own local-memory cache: the first visit per worker misses.
    seen = {fetch(f"{production_site}/nl/")[1]["X-Page-Cache"] for _visit in range(8)}
    assert "hit" in seen


def test_css_is_served_brotli_compressed(production_site):
    _status, _headers, html = fetch(f"{production_site}/en/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html.decode()).group(1)
    _status, headers, _body = fetch(production_site + css, **{"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/en/", "/en/programme/", "/en/programme/schedule.ics", "/static/css/site.css"]
)
def test_a_head_answer_has_no_body_and_keeps_the_connection_usable(production_site, path):
    address = urlsplit(production_site)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    for _twice in range(2):  # A miss, then a stored answer.
        connection.request("HEAD", path)
        head = connection.getresponse()
        assert head.status == 200
        assert int(head.headers["Content-Length"]) > 0
        head.read()
        # The next answer on the same connection starts where the HEAD's headers ended.
        connection.request("GET", path)
        get = connection.getresponse()
        assert get.status == 200
        assert len(get.read()) == int(get.headers["Content-Length"])
    connection.close()
