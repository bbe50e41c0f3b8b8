"""Several gunicorn workers, each with its own memory, never serve an old page: the content
version lives in the database, and a change made anywhere shows on every worker's next
request. With Redis shared by the workers, and with Redis down."""

from tests.support.gunicorn_site import CHANGED_TAGLINE, CHANGED_TITLE, GunicornSite
from tests.support.http_client import fetch


def every_worker_shows_the_change_at_once(folder, **overrides):
    with GunicornSite(folder, workers=3, **overrides) as site:
        for _visit in range(30):  # Every worker keeps both pages.
            fetch(f"{site.url}/fr/")
            fetch(f"{site.url}/en/programme/")
        site.change_content()
        for _visit in range(30):
            assert CHANGED_TAGLINE in fetch(f"{site.url}/fr/")[2].decode()
            assert CHANGED_TITLE in fetch(f"{site.url}/en/programme/")[2].decode()


def test_three_workers_with_their_own_memory_show_a_change_on_their_next_request(tmp_path):
    every_worker_shows_the_change_at_once(tmp_path)


def test_three_workers_sharing_redis_show_a_change_on_their_next_request(tmp_path, redis_url):
    every_worker_shows_the_change_at_once(tmp_path, CACHE_URL=redis_url)


def test_with_redis_down_pages_are_served_and_readiness_says_why(tmp_path):
    with GunicornSite(tmp_path, CACHE_URL="redis://127.0.0.1:9/0") as site:
        for path in ["/en/", "/fr/programme/", "/nl/speakers/", "/admin/login/"]:
            status, _headers, html = fetch(site.url + path)
            assert status == 200, path
            assert "</html>" in html.decode(), path
        status, _headers, body = fetch(f"{site.url}/readyz")
        assert status == 200
        assert '"cache": "error: ' in body.decode()
