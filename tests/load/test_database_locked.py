"""A database locked by another process past the busy timeout: 503, the form kept, no 500."""

import subprocess
import sys
import textwrap

import pytest

from tests.support.gunicorn_site import GunicornSite
from tests.support.http_client import Client

HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    """
)


def stored(site):
    return site.query("SELECT email FROM newsletter_subscriber WHERE email LIKE 'camille@%'")


@pytest.fixture
def site(tmp_path):
    """One worker that waits one second for a locked database; no mail goes anywhere (the
    answer is a 503 before anything is stored)."""
    with GunicornSite(tmp_path, workers=1, threads=2, DJANGO_DB_BUSY_TIMEOUT="1") as server:
        yield server


def test_locked_database_answers_503_with_the_form_as_sent_in_the_visitor_language(site):
    visitor = Client(site.port)
    visitor.open_form("/fr/newsletter/")
    form = {
        "email": "camille@example.org",
        "name": "Camille Martin",
        "organisation": "Ville de Lyon",
        "language": "fr",
        "consent": "on",
        "source": "/fr/programme/",
        "website": "",
    }
    locker = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(site.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        answer = visitor.post_form("/fr/newsletter/", form)
    finally:
        locker.stdin.close()
        locker.wait(timeout=10)

    assert answer.status == 503, site.log_tail()
    assert answer.header("retry-after") == "30"
    assert '<html lang="fr"' in answer.text
    assert "le site est très sollicité" in answer.text
    for value in ("camille@example.org", "Camille Martin", "Ville de Lyon", "/fr/programme/"):
        assert f'value="{value}"' in answer.text
    assert "checked" in answer.text.split('name="consent"', 1)[1].split(">", 1)[0]
    assert stored(site) == []

    # Sent again once the lock is gone, it goes through.
    again = visitor.post_form("/fr/newsletter/", form)
    assert again.status == 302
    assert stored(site) == [("camille@example.org",)]
