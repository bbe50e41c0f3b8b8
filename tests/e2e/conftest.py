"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

One Chromium is shared by the whole session; each test gets a fresh context and page.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.support.machine import require

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Never let Playwright fetch browsers of its own: we drive the system's Chromium.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(CHROMIUM, "the browser tests need Debian's chromium")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """No service worker unless a test asks for one (test_offline.py): its background saves
    would still be talking to the live server while the database is emptied after a test."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    """pytest-django's live server, with static files served as in production.

    pytest-django serves /static/ from the source folders through the staticfiles finders,
    which know nothing of the hashed names the manifest storage puts in the pages. Handing
    /static/ to the site itself lets whitenoise serve the collected files instead. It starts
    once the test database exists, so that it shares the tests' connection to it.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0", start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture
def transactional_db():
    """Replaces pytest-django's, which it requests around every test using the live server
    to empty the database after it: here the demo conference is loaded once per module
    instead (`site`), which keeps the browser tests fast."""


@pytest.fixture(scope="module")
def site_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def site(live_server, site_media, django_db_blocker):
    """The live site with the demo conference loaded; returns its base URL.

    Loaded once per test module and emptied after it: a test that changes data other tests
    of its module would notice belongs in a module of its own. Tests may use the database
    directly, but not through pytest-django's `db` fixture (nor `django_user_model`, which
    needs it): its transaction would lock the tables against the live server's thread.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=site_media):
        call_command("loaddemo", stdout=io.StringIO())
        yield live_server.url
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def site_url(settings, request):
    """Links in mails and pages point at the live server, as SITE_URL does in production."""
    settings.SITE_URL = (
        request.getfixturevalue("site") if "site" in request.fixturenames else "http://testserver"
    )


@pytest.fixture(autouse=True)
def media_in_tmp(settings, request, tmp_path):
    """Uploads go to a throwaway folder: the module's, where the demo's photos are."""
    if "site" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("site_media")
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def axe_source():
    require(AXE, "the accessibility tests need axe-core from npm")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
