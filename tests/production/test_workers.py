"""Several gunicorn workers, each with its own memory, never serve an old page: the content
version lives in the database, and a change made anywhere shows on every worker's next
request. With Redis shared by the workers, and with Redis down."""

import urllib.request

from tests.gunicorn_site import change_content, running_site


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read().decode()


def every_worker_shows_the_change_at_once(folder, **overrides):
    with running_site(folder, workers=3, **overrides) as site:
        for _visit in range(30):  # Every worker keeps both pages.
            fetch(f"{site}/fr/")
            fetch(f"{site}/en/programme/")
        change_content(folder, **overrides)
        for _visit in range(30):
            assert "Accroche changée hors de l’admin" in fetch(f"{site}/fr/")[2]
            assert "A session renamed in bulk" in fetch(f"{site}/en/programme/")[2]


def test_three_workers_with_their_own_memory_show_a_change_on_their_next_request(tmp_path):
    every_worker_shows_the_change_at_once(tmp_path)


def test_three_workers_sharing_redis_show_a_change_on_their_next_request(tmp_path, redis_url):
    every_worker_shows_the_change_at_once(tmp_path, CACHE_URL=redis_url)


def test_with_redis_down_pages_are_served_and_readiness_says_why(tmp_path):
    with running_site(tmp_path, CACHE_URL="redis://127.0.0.1:9/0") as site:
        for path in ["/en/", "/fr/programme/", "/nl/speakers/", "/admin/login/"]:
            status, _headers, html = fetch(site + path)
            assert status == 200, path
            assert "</html>" in html, path
        status, _headers, body = fetch(f"{site}/readyz")
        assert status == 200
        assert '"cache": "error: ' in body
