"""A small HTTP client for the tests against a real server (tests/gunicorn_site.py): one
visitor with its cookies, and many at once on threads.

Only the standard library: http.client, one connection per request, and threads.
"""

import http.client
import re
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait
from http.cookies import SimpleCookie

from tests.support.gunicorn_site import HOST

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def fetch(url, data=None, *, timeout=10, **headers):
    """One request with urllib, whose errors (4xx, 5xx) raise: status, headers and body."""
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.headers, response.read()


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
