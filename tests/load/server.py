"""A production-mode gunicorn on loopback, an SMTP sink, and a small HTTP client for load tests.

Only the standard library and installed packages: http.client, one connection per request,
and threads. Everything binds to 127.0.0.1 and stops by itself.
"""

import contextlib
import http.client
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, wait
from http.cookies import SimpleCookie
from pathlib import Path

from tests.gunicorn_site import free_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def tail(path, lines=60):
    try:
        text = Path(path).read_text(errors="replace")
    except FileNotFoundError:
        return "(no log yet)"
    return "\n".join(text.splitlines()[-lines:])


class Gunicorn:
    """gunicorn.conf.py run from the project root with the production-mode environment.

    The database is an SQLite file and the media a folder, both under `workdir`; its stdout
    and stderr (access log, error log, Django's logging) go to one file, `log_path`.
    """

    def __init__(self, workdir, *, smtp_port, workers=4, threads=4):
        self.workdir = Path(workdir)
        self.database = self.workdir / "load.sqlite3"
        self.log_path = self.workdir / "gunicorn.log"
        self.port = free_port()
        self.workers = workers
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "efus_conf.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "load-test-secret-key-not-used-anywhere-else-0123456789",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "NEWSLETTER_RATE_LIMIT": "off",
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": str(smtp_port),
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "SITE_URL": f"http://{HOST}:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1",
        }
        self.process = None
        self.mail_worker = None

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )

    def __enter__(self):
        """Prepared and started; stopped, mail worker included, when the block ends."""
        self.prepare()
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def prepare(self):
        """A fresh database with the demo conference, as a deployment would create it."""
        self.manage("migrate", "--noinput", "-v0")
        self.manage("loaddemo")

    def start(self, ready_timeout=60):
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.start_mail_worker()
        # Its own session, so that stop() can reach the workers too if the master hangs.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {self.process.returncode}:\n{tail(self.log_path)}"
                )
            try:
                if request(self.port, "GET", "/healthz", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn not healthy after {ready_timeout} s:\n{tail(self.log_path)}")

    def start_mail_worker(self):
        """`manage.py db_worker`, the process that sends the mails, as deployed (README)."""
        self.mail_worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2"],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop_mail_worker(self):
        if self.mail_worker is None:
            return
        self.mail_worker.terminate()
        try:
            self.mail_worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.mail_worker.kill()
            self.mail_worker.wait(timeout=10)
        self.mail_worker = None

    def worker_pids(self):
        """The gunicorn workers' process ids (the master's children)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self):
        self.stop_mail_worker()
        if self.process is None:
            return
        self.process.terminate()  # graceful: the master stops its workers and waits for them
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)
        # Whatever is left of its session (a hung master, an orphaned worker) is killed.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._log.close()
        self.process = None

    def log_size(self):
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")

    def query(self, sql, *params):
        """Rows from the site's database, read directly (WAL lets us read while it writes)."""
        connection = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=30)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def log_tail(self, lines=60):
        return tail(self.log_path, lines)


class Response:
    def __init__(self, status, headers, body, cookies):
        self.status = status
        self.headers = headers
        self.body = body
        self.set_cookies = cookies

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name):
        return self.headers.get(name.lower())


def request(port, method, path, *, body=None, headers=None, timeout=60, connect_attempts=5):
    """One HTTP request on a new connection.

    Only setting up the connection is retried (the listen queue may be full for an instant);
    once the request is sent, whatever happens is the result.
    """
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    for attempt in range(connect_attempts):
        try:
            connection.connect()
            break
        except (ConnectionRefusedError, ConnectionResetError, TimeoutError):
            if attempt == connect_attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        body = answer.read()
        headers = {}
        for name, value in answer.getheaders():
            name = name.lower()
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        return Response(answer.status, headers, body, answer.msg.get_all("Set-Cookie") or [])
    finally:
        connection.close()


class Client:
    """One visitor: its own cookies (Secure cookies too, since the test talks plain HTTP)."""

    def __init__(self, port, *, headers=None):
        self.port = port
        self.cookies = {}
        self.extra_headers = headers or {}

    def _headers(self, extra=None):
        headers = {"Accept-Language": "en"} | self.extra_headers
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers | (extra or {})

    def _keep_cookies(self, response):
        for line in response.set_cookies:
            for name, morsel in SimpleCookie(line).items():
                self.cookies[name] = morsel.value

    def get(self, path):
        response = request(self.port, "GET", path, headers=self._headers())
        self._keep_cookies(response)
        return response

    def post_form(self, path, data):
        response = request(
            self.port,
            "POST",
            path,
            body=urllib.parse.urlencode(data),
            headers=self._headers(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": f"http://{HOST}:{self.port}",
                    "Sec-Fetch-Site": "same-origin",
                }
            ),
        )
        self._keep_cookies(response)
        return response

    def open_form(self, path):
        """GET a page with the newsletter form, as a visitor does before sending it."""
        page = self.get(path)
        if page.status != 200 or 'class="newsletter-form' not in page.text:
            raise AssertionError(f"GET {path}: {page.status}, no newsletter form")

    def csrf_token(self, path):
        """GET a page with a token-protected form (the admin's sign-in) and return its CSRF
        token; the cookie is kept."""
        page = self.get(path)
        match = CSRF_INPUT.search(page.text)
        if page.status != 200 or not match or "csrftoken" not in self.cookies:
            raise AssertionError(f"GET {path}: {page.status}, no CSRF form or cookie")
        return match.group(1)


def run_concurrently(task, items, *, threads, deadline=240):
    """task(item) for every item on `threads` threads; [(item, result or exception)].

    Each request has its own socket timeout, so a stuck server cannot keep a thread forever;
    the deadline bounds the whole run.
    """
    pool = ThreadPoolExecutor(max_workers=threads)
    try:
        futures = {pool.submit(task, item): item for item in items}
        _done, not_done = wait(futures, timeout=deadline)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert not not_done, (
        f"{len(not_done)} of {len(items)} requests still running after {deadline} s"
    )
    return [(futures[future], future.exception() or future.result()) for future in futures]


def wait_until(read, expected, timeout):
    """Poll read() until it returns `expected` (mails are sent after the response)."""
    deadline = time.monotonic() + timeout
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def subscribe(port, address, language):
    """One visitor: GET the form, POST it, follow the redirect."""
    client = Client(port)
    path = f"/{language}/newsletter/"
    client.open_form(path)
    answer = client.post_form(
        path,
        {
            "email": address,
            "name": "",
            "organisation": "",
            "language": language,
            "consent": "on",
            "source": path,
            "website": "",
        },
    )
    landing = client.get(answer.header("location")) if answer.status == 302 else None
    return answer.status, answer.header("location"), landing and landing.status
