"""A backup taken while the site runs restores into an empty directory: same pages, photos
and subscribers, and nothing half-written even in the middle of a burst of subscriptions."""

import contextlib
import itertools
import re
import sqlite3
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from efus_conf.demo.factories import SubscriberFactory
from efus_conf.ops.backups import create_backup, restore_backup
from newsletter.models import Subscriber
from tests.support.gunicorn_site import GunicornSite, copy_prepared_site, manage, production_env
from tests.support.http_client import Client, fetch

PAGES = ["/en/", "/fr/programme/", "/nl/speakers/"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
SUBSCRIBE = """
from django.utils import timezone
from newsletter.models import Subscriber
for n in range(3):
    Subscriber.objects.create(
        email=f"kept-{n}@example.org", status="confirmed", consented_at=timezone.now(),
        confirmed_at=timezone.now(), consent_language="fr", consent_wording_version="1",
    )
"""
BURST_COUNT = "SELECT count(*) FROM newsletter_subscriber WHERE email LIKE 'burst-%'"
BURST_FORM = {"language": "en", "consent": "on", "source": "/en/newsletter/"}
# Every subscriber is written with its consent record in one transaction: a consistent copy
# never holds one without the other.
CHECK = """
from django.db import connection
from newsletter.models import Subscriber
with connection.cursor() as cursor:
    cursor.execute("PRAGMA integrity_check")
    print(cursor.fetchone()[0])
burst = Subscriber.objects.filter(email__startswith="burst-")
print(burst.count(), burst.filter(events__isnull=True).count())
"""
SUBSCRIBERS = "SELECT email, status, consented_at FROM newsletter_subscriber ORDER BY email"


def body(url):
    return fetch(url, timeout=30)[2]


def snapshot(url):
    """The pages (without their per-visitor CSRF tokens and the server's own address) and every
    photo and logo they show."""
    pages = {path: CSRF.sub("", body(url + path).decode()).replace(url, "") for path in PAGES}
    media = sorted(set(re.findall(r"/media/[^\s'\"]+", "".join(pages.values()))))
    return pages, {path: body(url + path) for path in media}


@pytest.fixture
def source(tmp_path):
    """The environment of a copy of the demo site, not served."""
    folder = tmp_path / "site"
    copy_prepared_site(folder)
    return production_env(folder)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site served by gunicorn, without the newsletter's per-client limit."""
    folder = tmp_path_factory.mktemp("backed-up-site")
    with GunicornSite(folder, NEWSLETTER_RATE_LIMIT="off") as site:
        yield site


@contextlib.contextmanager
def long_lived_connection(site):
    """A connection to the site's database kept open, as a worker or an admin shell keeps one:
    while it is, recent commits stay in the write-ahead log instead of the database file, which
    a plain copy of the file would miss."""
    with contextlib.closing(sqlite3.connect(site.database, isolation_level=None)) as connection:
        connection.execute("SELECT count(*) FROM django_migrations").fetchone()
        yield connection


def restore_into_empty_directory(tmp_path, archive):
    """The archive restored into a new folder; that folder."""
    folder = tmp_path / "restored"
    folder.mkdir()
    manage(production_env(folder), "restore", archive)
    return folder


def test_a_backup_of_the_running_site_restores_into_an_empty_directory(tmp_path, site):
    with long_lived_connection(site):
        site.manage("shell", "-c", SUBSCRIBE)
        archive = site.manage("backup", "--output", str(tmp_path / "backups")).stdout.strip()
    before = snapshot(site.url)
    assert re.search(r"efus-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$", archive)
    assert Path(archive).stat().st_mode & 0o077 == 0  # Subscribers' data: owner only.

    restored_folder = restore_into_empty_directory(tmp_path, archive)
    with GunicornSite(restored_folder, as_is=True, workers=1) as restored:
        after = snapshot(restored.url)
        subscribers = restored.query(SUBSCRIBERS)
    assert after == before
    assert len(before[1]) >= 10  # The demo's speaker photos and partner logos.
    assert "kept-2@example.org" in [email for email, _status, _consented_at in subscribers]
    assert subscribers == site.query(SUBSCRIBERS)


def test_a_backup_taken_during_a_burst_of_subscriptions_is_consistent(tmp_path, site):
    stop = threading.Event()

    def subscribe_until_stopped(visitor):
        for number in itertools.count():
            if stop.is_set():
                return number
            client = Client(site.port)
            client.open_form("/en/newsletter/")
            form = {"email": f"burst-{visitor}-{number}@example.org"} | BURST_FORM
            client.post_form("/en/newsletter/", form)

    with long_lived_connection(site) as watcher, ThreadPoolExecutor(max_workers=4) as pool:
        visitors = [pool.submit(subscribe_until_stopped, visitor) for visitor in range(4)]
        # The burst is under way once its first subscriptions are committed (on a busy
        # machine that can take more than a second).
        committed, deadline = 0, time.monotonic() + 60
        while not committed and time.monotonic() < deadline:
            time.sleep(0.2)
            committed = watcher.execute(BURST_COUNT).fetchone()[0]
        archive = site.manage("backup", "--output", str(tmp_path)).stdout.strip()
        stop.set()
        assert sum(visitor.result() for visitor in visitors) > 4

    restored_env = production_env(restore_into_empty_directory(tmp_path, archive))
    restored = manage(restored_env, "shell", "-c", CHECK)
    integrity, burst, without_consent_record = restored.stdout.split()[-3:]
    assert integrity == "ok"
    assert int(burst) >= committed > 0
    assert without_consent_record == "0"


def test_restore_refuses_to_overwrite_a_database_without_replace(tmp_path, source):
    archive = manage(source, "backup", "--output", str(tmp_path)).stdout.strip()
    with pytest.raises(subprocess.CalledProcessError) as refused:
        manage(source, "restore", archive)
    assert "add --replace" in refused.value.stderr
    manage(source, "restore", "--replace", archive)


def test_backup_keeps_the_newest_archives_only(tmp_path, source):
    for old in ["2024-01-01T00-00-00Z", "2024-01-02T00-00-00Z"]:
        (tmp_path / f"efus-backup-{old}.tar.gz").write_bytes(b"")
    newest = manage(source, "backup", "--output", str(tmp_path), "--keep", "2").stdout.strip()
    assert sorted(path.name for path in tmp_path.glob("efus-backup-*")) == [
        "efus-backup-2024-01-02T00-00-00Z.tar.gz",
        newest.rsplit("/", 1)[1],
    ]


# pg_dump and pg_restore instead of SQLite's backup API: only the PostgreSQL pass can run it.
@pytest.mark.database
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="runs in the PostgreSQL run (bin/with-postgres)",
)
def test_a_postgresql_backup_brings_back_deleted_rows_and_files(transactional_db, tmp_path):
    SubscriberFactory(email="kept@example.org")
    photo = settings.MEDIA_ROOT / "speakers" / "kept.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"photo")
    archive = create_backup(tmp_path)
    Subscriber.objects.all().delete()
    photo.unlink()
    restore_backup(archive)
    assert Subscriber.objects.get().email == "kept@example.org"
    assert photo.read_bytes() == b"photo"
