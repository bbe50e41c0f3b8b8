"""Sign-in lockout and newsletter limits on the deployed stack: gunicorn with several workers,
behind a proxy that names the client in X-Forwarded-For. Every worker counts together."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.gunicorn_site import GunicornSite
from tests.support.http_client import Client

WORKERS = 3


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits-site")
    with GunicornSite(folder, workers=WORKERS, DJANGO_BEHIND_PROXY="1") as site:
        yield site.port


def visitor(port, address):
    return Client(port, headers={"X-Forwarded-For": address})


def sign_in(port, address, password, username="organiser"):
    client = visitor(port, address)
    token = client.csrf_token("/admin/login/")
    return client.post_form(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password},
    )


def subscribe(port, address, email):
    client = visitor(port, address)
    client.open_form("/en/newsletter/")
    return client.post_form(
        "/en/newsletter/",
        {
            "email": email,
            "language": "en",
            "consent": "on",
            "source": "/en/newsletter/",
        },
    )


def test_14_wrong_passwords_from_one_client_do_not_lock_the_organiser_out_elsewhere(port):
    for _attempt in range(14):
        sign_in(port, "198.51.100.14", "wrong")
    answer = sign_in(port, "198.51.100.15", "pw-123456!")
    assert (answer.status, answer.header("location")) == (302, "/admin/")


def test_the_sign_in_limit_does_not_multiply_by_the_number_of_workers(port):
    for _attempt in range(5):
        sign_in(port, "198.51.100.5", "wrong")
    # Each attempt is a new connection, which any worker may take.
    answers = [sign_in(port, "198.51.100.5", "pw-123456!") for _attempt in range(2 * WORKERS)]
    assert [answer.status for answer in answers] == [429] * (2 * WORKERS)


def test_the_newsletter_address_limit_does_not_multiply_by_the_number_of_workers(port):
    answers = [
        subscribe(port, f"203.0.113.{visit}", "same@example.org").status
        for visit in range(3 + 2 * WORKERS)
    ]
    assert answers == [302] * 3 + [429] * (2 * WORKERS)


def test_concurrent_submissions_of_one_address_are_counted_exactly(port):
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(
            pool.map(
                lambda visit: subscribe(port, f"198.18.0.{visit}", "rush@example.org").status,
                range(12),
            )
        )
    assert sorted(answers) == [302] * 3 + [429] * 9


def test_the_newsletter_client_limit_does_not_multiply_by_the_number_of_workers(port):
    answers = [
        subscribe(port, "192.0.2.77", f"visitor-{visit}@example.org").status
        for visit in range(5 + 2 * WORKERS)
    ]
    assert answers == [302] * 5 + [429] * (2 * WORKERS)
