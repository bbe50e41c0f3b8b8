"""The site in production mode (DEBUG off, gunicorn, whitenoise) on a free loopback port: the
one launcher for the tests that need a real server (browsers, proxy, workers, backups, load)
and for bin/bench.py."""

import atexit
import contextlib
import functools
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
DATABASE = "site.sqlite3"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=5):
    """Wait until a server started in another process accepts connections on `port`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)


def production_env(folder, **overrides):
    """The environment of a site whose SQLite database and media live in `folder`.

    Its own SQLite file even in the PostgreSQL pass: these sites are about processes (workers,
    proxy, backups, load), and that pass runs the tests marked `database`, none of which start
    one.
    """
    folder = Path(folder)
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-production-site",
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_URL": f"sqlite:///{folder / DATABASE}",
            "MEDIA_ROOT": str(folder / "media"),
            # Log lines reach the log file when they are written, for a test to read them.
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(overrides)
    return env


def manage(env, *args):
    """`manage.py args` in the environment `env`; its output, or an error that shows it."""
    try:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as error:
        error.add_note(f"{error.stdout[-3000:]}\n{error.stderr[-3000:]}")
        raise


def prepare_site(folder, *loaddemo_options, **overrides):
    """A new database in `folder` with the demo conference (`loaddemo loaddemo_options`) and
    a superuser, organiser / pw-123456!.

    One process for the three steps: Django's start-up alone takes a second and a half.
    """
    steps = (
        "from django.contrib.auth.models import User\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', interactive=False, verbosity=0)\n"
        f"call_command('loaddemo', *{list(loaddemo_options)!r})\n"
        "User.objects.create_superuser('organiser', 'o@example.org', 'pw-123456!')\n"
    )
    manage(production_env(folder, **overrides), "shell", "--no-imports", "-c", steps)


@functools.cache
def prepared_demo_site():
    """A folder with the demo site, prepared once per test process: that takes seconds, where
    copying the result takes milliseconds."""
    folder = Path(tempfile.mkdtemp(prefix="prepared-site-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    prepare_site(folder)
    return folder


def copy_prepared_site(folder):
    prepared = prepared_demo_site()
    folder.mkdir(parents=True, exist_ok=True)
    for database_file in prepared.glob(f"{DATABASE}*"):  # With its write-ahead log, if any.
        shutil.copy2(database_file, folder / database_file.name)
    shutil.copytree(prepared / "media", folder / "media", dirs_exist_ok=True)


class GunicornSite:
    """gunicorn.conf.py serving the site in `folder` on a free port, as a context manager.

    The folder gets a copy of the demo site prepared once per process, unless `as_is` (a
    restored backup, bench's own site). `environment` overrides production_env's variables.
    `mail_worker` starts `manage.py db_worker` beside it, as deployed. gunicorn's output (and
    the worker's) goes to `log_path`, access lines too unless `access_log` names another file.
    Each runs in its own process group, which stopping kills whole.
    """

    def __init__(
        self,
        folder,
        *,
        as_is=False,
        workers=2,
        threads=None,
        mail_worker=False,
        access_log=None,
        port=None,
        options=(),
        **environment,
    ):
        self.folder = Path(folder)
        self.as_is = as_is
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.env = production_env(
            self.folder,
            GUNICORN_BIND=f"{HOST}:{self.port}",
            SITE_URL=self.url,
            **({"GUNICORN_WORKERS": str(workers)} if workers else {}),
            **({"GUNICORN_THREADS": str(threads)} if threads else {}),
            **environment,
        )
        self.database = Path(self.env["DATABASE_URL"].removeprefix("sqlite:///"))
        self.log_path = self.folder / "gunicorn.log"
        # A quick shutdown waits up to the graceful timeout for workers still starting.
        self.command = [
            *(sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"),
            *("--graceful-timeout", "2", *options),
        ]
        if access_log:
            self.command += ["--access-logfile", str(access_log)]
        self.with_mail_worker = mail_worker
        self.processes = []
        self.gunicorn = None

    def __enter__(self):
        if not self.as_is:
            copy_prepared_site(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("a")
        try:
            if self.with_mail_worker:
                self._start([sys.executable, "manage.py", "db_worker", "--interval", "0.2"])
            self.gunicorn = self._start(self.command)
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _start(self, command):
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def _wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                raise RuntimeError(f"gunicorn stopped before answering:\n{self.log_tail()}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer /healthz in {timeout} s:\n{self.log_tail()}")

    def stop(self):
        """gunicorn's quick shutdown: its master stops the workers at once and reaps them
        (killed from outside, they would be left to PID 1, which here reaps nobody). Whatever
        still stands after a few seconds, and the mail worker, is killed with its group."""
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGQUIT if process is self.gunicorn else signal.SIGKILL)
        while self.processes:
            process = self.processes.pop()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        self._log.close()

    def manage(self, *args):
        return manage(self.env, *args)

    def change_content(self):
        """A bulk update from another process, as a shell or a script would make it: the
        tagline on the French homepage (CHANGED_TAGLINE) and a session's English title
        (CHANGED_TITLE)."""
        self.manage("shell", "--no-imports", "-c", CHANGE)

    def worker_pids(self):
        """The gunicorn workers' process ids (the master's children)."""
        pid = self.gunicorn.pid
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]

    def query(self, sql, *params):
        """Rows from the site's database, read directly (WAL lets us read while it writes)."""
        connection = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=30)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def log_size(self):
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")

    def log_tail(self, lines=60):
        return "\n".join(self.log_since(0).splitlines()[-lines:])


CHANGED_TAGLINE = "Accroche changée hors de l’admin"
CHANGED_TITLE = "A session renamed in bulk"
CHANGE = (
    "from efus_conf.conference.models import Conference; "
    f"Conference.objects.update(tagline_fr={CHANGED_TAGLINE!r}); "
    "from programme.models import Session; "
    "Session.objects.filter(pk=Session.objects.published().first().pk)"
    f".update(title_en={CHANGED_TITLE!r})"
)
