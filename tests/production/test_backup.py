"""A backup taken while the site runs restores into an empty directory: same pages, photos
and subscribers, and nothing half-written even in the middle of a burst of subscriptions."""

import contextlib
import itertools
import re
import sqlite3
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from efus_conf.backups import create_backup, restore_backup
from newsletter.models import Subscriber
from tests.factories import SubscriberFactory
from tests.gunicorn_site import manage, production_env, running_site, serving
from tests.load.server import Client

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
OVERRIDES = ["DATABASE_URL", "NEWSLETTER_RATE_LIMIT"]
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
LIST_SUBSCRIBERS = """
from newsletter.models import Subscriber
for row in Subscriber.objects.order_by("email").values_list("email", "status", "consented_at"):
    print(row)
"""


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def snapshot(url):
    """The pages (without their per-visitor CSRF tokens and the server's own address) and every
    photo and logo they show."""
    pages = {path: CSRF.sub("", fetch(url + path).decode()).replace(url, "") for path in PAGES}
    media = sorted(set(re.findall(r"/media/[^\s'\"]+", "".join(pages.values()))))
    return pages, {path: fetch(url + path) for path in media}


def sqlite_env(folder):
    return production_env(folder, DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}")


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site served by gunicorn on its own SQLite file: (its environment, its URL)."""
    folder = tmp_path_factory.mktemp("backed-up-site")
    env = sqlite_env(folder) | {"NEWSLETTER_RATE_LIMIT": "off"}
    with running_site(folder, **{name: env[name] for name in OVERRIDES}) as url:
        yield env, url


@contextlib.contextmanager
def long_lived_connection(env):
    """A connection to the site's database kept open, as a worker or an admin shell keeps one:
    while it is, recent commits stay in the write-ahead log instead of the database file, which
    a plain copy of the file would miss."""
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(database, isolation_level=None)) as connection:
        connection.execute("SELECT count(*) FROM django_migrations").fetchone()
        yield connection


def restore_into_empty_directory(tmp_path, archive):
    folder = tmp_path / "restored"
    folder.mkdir()
    env = sqlite_env(folder)
    manage(env, "restore", archive)
    return env


def test_a_backup_of_the_running_site_restores_into_an_empty_directory(tmp_path, site):
    env, url = site
    with long_lived_connection(env):
        manage(env, "shell", "-c", SUBSCRIBE)
        archive = manage(env, "backup", "--output", str(tmp_path / "backups")).stdout.strip()
    before = snapshot(url)
    assert re.search(r"efus-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$", archive)
    assert Path(archive).stat().st_mode & 0o077 == 0  # Subscribers' data: owner only.

    restored_env = restore_into_empty_directory(tmp_path, archive)
    with serving(restored_env) as restored_url:
        after = snapshot(restored_url)
    assert after == before
    assert len(before[1]) >= 10  # The demo's speaker photos and partner logos.
    subscribers = manage(restored_env, "shell", "-c", LIST_SUBSCRIBERS).stdout
    assert "kept-2@example.org" in subscribers
    assert subscribers in manage(env, "shell", "-c", LIST_SUBSCRIBERS).stdout


def test_a_backup_taken_during_a_burst_of_subscriptions_is_consistent(tmp_path, site):
    env, url = site
    port = urllib.parse.urlsplit(url).port
    stop = threading.Event()

    def subscribe_until_stopped(visitor):
        for number in itertools.count():
            if stop.is_set():
                return number
            client = Client(port)
            client.open_form("/en/newsletter/")
            form = {"email": f"burst-{visitor}-{number}@example.org"} | BURST_FORM
            client.post_form("/en/newsletter/", form)

    with long_lived_connection(env) as watcher, ThreadPoolExecutor(max_workers=4) as pool:
        visitors = [pool.submit(subscribe_until_stopped, visitor) for visitor in range(4)]
        # The burst is under way once its first subscriptions are committed (on a busy
        # machine that can take more than a second).
        committed, deadline = 0, time.monotonic() + 60
        while not committed and time.monotonic() < deadline:
            time.sleep(0.2)
            committed = watcher.execute(BURST_COUNT).fetchone()[0]
        archive = manage(env, "backup", "--output", str(tmp_path)).stdout.strip()
        stop.set()
        assert sum(visitor.result() for visitor in visitors) > 4

    restored = manage(restore_into_empty_directory(tmp_path, archive), "shell", "-c", CHECK)
    integrity, burst, without_consent_record = restored.stdout.split()[-3:]
    assert integrity == "ok"
    assert int(burst) >= committed > 0
    assert without_consent_record == "0"


def test_restore_refuses_to_overwrite_a_database_without_replace(tmp_path, source):
    env = sqlite_env(source)
    manage(env, "migrate", "--noinput")
    archive = manage(env, "backup", "--output", str(tmp_path)).stdout.strip()
    with pytest.raises(Exception) as refused:
        manage(env, "restore", archive)
    assert "add --replace" in refused.value.stderr
    manage(env, "restore", "--replace", archive)


def test_backup_keeps_the_newest_archives_only(tmp_path, source):
    env = sqlite_env(source)
    manage(env, "migrate", "--noinput")
    for old in ["2024-01-01T00-00-00Z", "2024-01-02T00-00-00Z"]:
        (tmp_path / f"efus-backup-{old}.tar.gz").write_bytes(b"")
    newest = manage(env, "backup", "--output", str(tmp_path), "--keep", "2").stdout.strip()
    assert sorted(path.name for path in tmp_path.glob("efus-backup-*")) == [
        "efus-backup-2024-01-02T00-00-00Z.tar.gz",
        newest.rsplit("/", 1)[1],
    ]


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
