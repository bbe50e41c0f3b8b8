"""The site in production mode (DEBUG off, gunicorn, whitenoise) on loopback, for tests that
need a real server: browsers, media, load and concurrency."""

import atexit
import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sqlite_url(folder):
    return f"sqlite:///{folder / 'site.sqlite3'}"


def production_env(folder, **overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-production-site",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(folder / "media"),
        }
    )
    if "DATABASE_URL" not in os.environ:
        env["DATABASE_URL"] = sqlite_url(folder)
    env.update(overrides)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


@contextlib.contextmanager
def running_site(folder, *, workers=2, access_log="/dev/null", **overrides):
    """The demo site and a superuser (organiser / pw-123456!) in `folder`, served; yields the
    URL. `overrides` are environment variables; `access_log` a file for gunicorn's access lines."""
    env = production_env(folder, **overrides)
    if env["DATABASE_URL"] == sqlite_url(folder):
        copy_prepared_site(folder)
    else:
        prepare_site(env)
    with serving(env, workers=workers, access_log=access_log) as url:
        yield url


def prepare_site(env):
    manage(env, "migrate", "--noinput")
    manage(env, "loaddemo")
    manage(env, "createsuperuser", "--noinput", "--username", "organiser", "--email", "o@x.org")
    manage(env, "shell", "-c", SET_PASSWORD)


@functools.cache
def prepared_sqlite_site():
    """A folder with the demo site on SQLite, prepared once per test process: four commands
    that take seconds each, where copying their result takes milliseconds."""
    folder = Path(tempfile.mkdtemp(prefix="prepared-site-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    prepare_site(production_env(folder))
    return folder


def copy_prepared_site(folder):
    prepared = prepared_sqlite_site()
    folder.mkdir(parents=True, exist_ok=True)
    for database_file in prepared.glob("site.sqlite3*"):  # With its write-ahead log, if any.
        shutil.copy2(database_file, folder / database_file.name)
    shutil.copytree(prepared / "media", folder / "media", dirs_exist_ok=True)


@contextlib.contextmanager
def serving(env, *, workers=2, access_log="/dev/null"):
    """Serve the site `env` describes, as it is, with gunicorn; yield the URL."""
    port = free_port()
    env = env | {
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            str(access_log),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


# What change_content writes: a tagline on the French homepage, a session's English title.
CHANGE = (
    "from efus_conf.models import Conference; "
    "Conference.objects.update(tagline_fr='Accroche changée hors de l’admin'); "
    "from programme.models import Session; "
    "Session.objects.filter(pk=Session.objects.published().first().pk)"
    ".update(title_en='A session renamed in bulk')"
)


def change_content(folder, **overrides):
    """A bulk update from another process, as a shell or a script would make it."""
    manage(production_env(folder, **overrides), "shell", "-c", CHANGE)


SET_PASSWORD = (
    "from django.contrib.auth.models import User; "
    "u = User.objects.get(username='organiser'); u.set_password('pw-123456!'); u.save()"
)


def wait_until_healthy(url, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before answering")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/healthz", timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz in time")
