"""A backup taken while the site runs restores into an empty directory: same pages, photos
and subscribers."""

import re
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from efus_conf.backups import create_backup, restore_backup
from newsletter.models import Subscriber
from tests.factories import SubscriberFactory
from tests.gunicorn_site import manage, production_env, running_site, serving

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


def test_a_backup_of_the_running_site_restores_into_an_empty_directory(tmp_path, source):
    env = sqlite_env(source)
    with running_site(source, DATABASE_URL=env["DATABASE_URL"]) as url:
        manage(env, "shell", "-c", SUBSCRIBE)
        backup = manage(env, "backup", "--output", str(tmp_path / "backups"))
        before = snapshot(url)
    archive = backup.stdout.strip()
    assert re.search(r"efus-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$", archive)
    assert Path(archive).stat().st_mode & 0o077 == 0  # Subscribers' data: owner only.

    restored = tmp_path / "restored"
    restored.mkdir()
    restored_env = sqlite_env(restored)
    manage(restored_env, "restore", archive)
    with serving(restored_env) as url:
        after = snapshot(url)
    assert after == before
    assert len(before[1]) >= 10  # The demo's speaker photos and partner logos.
    subscribers = manage(restored_env, "shell", "-c", LIST_SUBSCRIBERS).stdout
    assert subscribers == manage(env, "shell", "-c", LIST_SUBSCRIBERS).stdout
    assert subscribers.count("kept-") == 3


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
