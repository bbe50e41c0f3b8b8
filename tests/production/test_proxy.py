"""nginx in front, with the shipped proxy configuration (deploy/nginx/efus-conf-proxy.conf)
and no rule per address: the site's own headers decide what it stores and for how long."""

import concurrent.futures
import os
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.support.gunicorn_site import (
    CHANGED_TAGLINE,
    ROOT,
    GunicornSite,
    free_port,
    wait_for_port,
)
from tests.support.http_client import fetch
from tests.support.machine import require

NGINX = Path("/usr/sbin/nginx")
SHARED_SECONDS = 3
PROGRAMME = "/en/programme/"

CONFIGURATION = """
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
{user}
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    proxy_cache_path {folder}/cache keys_zone=efus_conf:1m use_temp_path=off;
    upstream efus_conf {{ server {upstream}; keepalive 8; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{ include {snippet}; }}
    }}
}}
"""


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    """The demo site on gunicorn, nginx in front; yields (nginx URL, gunicorn access log,
    the site, nginx's cache folder)."""
    require(NGINX, "the proxy tests need Debian's nginx")
    folder = tmp_path_factory.mktemp("front")
    access_log = folder / "access.log"
    with GunicornSite(
        folder, access_log=access_log, PUBLIC_CACHE_SECONDS=str(SHARED_SECONDS)
    ) as site:
        port = free_port()
        configuration = folder / "nginx.conf"
        configuration.write_text(
            CONFIGURATION.format(
                folder=folder,
                port=port,
                upstream=f"127.0.0.1:{site.port}",
                snippet=ROOT / "deploy" / "nginx" / "efus-conf-proxy.conf",
                user="user root;" if os.getuid() == 0 else "",
            )
        )
        nginx = subprocess.Popen([NGINX, "-c", configuration, "-p", folder])
        try:
            wait_for_port(port)
            yield f"http://127.0.0.1:{port}", access_log, site, folder / "cache"
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


def origin_hits(access_log, path):
    return access_log.read_text().count(f'"GET {path} ')


def test_a_thousand_requests_reach_the_site_at_most_once_per_s_maxage(front):
    url, access_log, _folder, _cache = front
    before = origin_hits(access_log, PROGRAMME)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda _n: fetch(url + PROGRAMME)[0], range(1000)))
    elapsed = time.monotonic() - started
    assert statuses == [200] * 1000
    hits = origin_hits(access_log, PROGRAMME) - before
    assert 1 <= hits <= 1 + elapsed // SHARED_SECONDS, (hits, elapsed)


def test_a_change_shows_through_the_proxy_within_s_maxage(front):
    url, _access_log, site, _cache = front
    fetch(url + "/fr/")
    fetch(url + "/fr/")
    site.change_content()
    changed_at = time.monotonic()
    # After s-maxage, the next request gets the stored copy once more while nginx fetches
    # the new one (stale-while-revalidate); the one after that gets the change.
    deadline = changed_at + SHARED_SECONDS + 3
    while CHANGED_TAGLINE not in fetch(url + "/fr/")[2].decode():
        assert time.monotonic() < deadline, "the change did not show through the proxy"
        time.sleep(0.2)


SIGN_IN = """
from django.conf import settings
from django.contrib import auth
from django.contrib.sessions.backends.db import SessionStore
user = auth.get_user_model().objects.get(username="organiser")
session = SessionStore()
session[auth.SESSION_KEY] = str(user.pk)
session[auth.BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
session[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def organiser_session(site):
    """The organiser's session cookie, made as signing in would (the site's cookies are
    Secure, and this front is plain HTTP)."""
    result = site.manage("shell", "--no-imports", "-c", SIGN_IN)
    return f"sessionid={result.stdout.strip()}"


def test_nothing_private_is_ever_stored_by_the_proxy(front):
    url, _access_log, site, cache = front
    cookie = organiser_session(site)
    fetch(url + "/en/speakers/")  # A public page, which the proxy does store.
    for _visit in range(2):
        assert "Log out" in fetch(url + "/admin/", Cookie=cookie)[2].decode()
        _status, headers, _body = fetch(url + "/en/", Cookie=cookie)
        assert headers["X-Cache-Status"] == "BYPASS"
        assert headers["Cache-Control"] == "private, no-store"
        fetch(url + "/admin/login/")
        fetch(
            url + "/en/newsletter/",
            data=urllib.parse.urlencode({"email": "x@example.org"}).encode(),
        )
    stored = b"".join(path.read_bytes() for path in cache.rglob("*") if path.is_file())
    assert stored, "the proxy stored nothing at all"
    for private in [b"Set-Cookie", b"sessionid", b"csrftoken", b"Log out", b"x@example.org"]:
        assert private not in stored, private
    # An anonymous visitor is sent to the sign-in page, not shown the organiser's admin.
    assert "Log out" not in fetch(url + "/admin/login/")[2].decode()
