"""Backups that restore: the database and the uploaded media in one dated archive.

The database copy is consistent while the site runs: SQLite's online backup API copies a
snapshot page by page (committed transactions only, the write-ahead log included), and
`pg_dump` reads PostgreSQL in one transaction. The media folder follows. `restore` writes
both back, into an empty directory as well as over a damaged site.
"""

import contextlib
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

DATABASE = "default"
ARCHIVE_PREFIX = "efus-backup-"
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


def create_backup(folder, *, keep=0):
    """Write `efus-backup-<UTC date and time>.tar.gz` into `folder`; return its path.

    With `keep`, only that many of the newest archives in `folder` are kept.
    """
    folder = Path(folder)
    # The archives hold every subscriber's address and consent record: owner only.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    archive = folder / f"{ARCHIVE_PREFIX}{now:%Y-%m-%dT%H-%M-%SZ}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        database_file = _dump_database(Path(scratch))
        manifest = Path(scratch) / MANIFEST
        manifest.write_text(
            json.dumps({"created": now.isoformat(), "database": database_file.name}, indent=2)
        )
        # Written under a temporary name, so that an interrupted run never leaves an archive
        # that looks complete.
        partial = archive.with_name(f".{archive.name}.partial")
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest, MANIFEST)
            tar.add(database_file, database_file.name)
            if Path(settings.MEDIA_ROOT).is_dir():
                tar.add(settings.MEDIA_ROOT, "media")
        partial.rename(archive)
    if keep:
        for old in sorted(folder.glob(f"{ARCHIVE_PREFIX}*.tar.gz"))[:-keep]:
            old.unlink()
    return archive


def restore_backup(archive):
    """Replace the database with the one in `archive` and put its media files back (files
    added since stay, unused)."""
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        tar.extractall(scratch, filter="data")
        manifest = json.loads((Path(scratch) / MANIFEST).read_text())
        _load_database(Path(scratch) / manifest["database"])
        media = Path(scratch) / "media"
        if media.is_dir():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)


def _vendor():
    vendor = connections[DATABASE].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _dump_database(scratch):
    if _vendor() == "sqlite":
        target = scratch / SQLITE_FILE
        with (
            _sqlite_connection(settings.DATABASES[DATABASE]["NAME"]) as source,
            _sqlite_connection(target) as copy,
        ):
            source.backup(copy)
        return target
    target = scratch / POSTGRES_FILE
    _postgres("pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={target}")
    return target


def _load_database(dump):
    connections[DATABASE].close()
    if dump.name == SQLITE_FILE:
        if _vendor() != "sqlite":
            raise CommandError("This backup holds an SQLite database; DATABASE_URL is not SQLite.")
        name = Path(settings.DATABASES[DATABASE]["NAME"])
        name.parent.mkdir(parents=True, exist_ok=True)
        with _sqlite_connection(dump) as source, _sqlite_connection(name) as target:
            source.backup(target)
        return
    if _vendor() != "postgresql":
        raise CommandError("This backup holds a PostgreSQL dump; DATABASE_URL is not PostgreSQL.")
    _postgres("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", str(dump))


def _sqlite_connection(path):
    return contextlib.closing(sqlite3.connect(path))


def _postgres(program, *args):
    database = settings.DATABASES[DATABASE]
    connection = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
    }
    env = os.environ | {name: str(value) for name, value in connection.items() if value}
    command = [program, *args, f"--dbname={database['NAME']}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")
