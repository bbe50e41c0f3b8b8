"""Load and concurrency: gunicorn with several workers on one SQLite file, over loopback.

The server runs in production mode (see conftest.py); mails go to a real SMTP server in this
process. Every test bounds its own duration and fails with the end of gunicorn's log.
"""

import re
from collections import Counter

from tests.support.http_client import Client, run_concurrently, subscribe, wait_until

LANGUAGES = ("en", "fr", "nl")
# Each test its own domain, so that none counts another's subscribers or mails.
CROWD = "crowd.example.org"
# Anything here in gunicorn's output means a request failed or a worker struggled.
LOG_PROBLEMS = (
    "database is locked",
    "Traceback",
    "Internal Server Error",
    "OperationalError",
    "IntegrityError",
    "WORKER TIMEOUT",
    "Newsletter mail",
)
ACCESS_LOG_5XX = re.compile(r'"[A-Z]+ [^"]*" 5\d\d ')


def log_problems(site, since):
    return [
        line
        for line in site.log_since(since).splitlines()
        if any(problem in line for problem in LOG_PROBLEMS) or ACCESS_LOG_5XX.search(line)
    ]


def failure_report(site, since, failures, total):
    kinds = Counter(repr(outcome)[:120] for _item, outcome in failures)
    examples = "\n".join(f"  {item!r}: {outcome!r}" for item, outcome in failures[:10])
    problems = "\n".join(log_problems(site, since)[:30]) or "(none)"
    return (
        f"{len(failures)} of {total} went wrong: {dict(kinds.most_common(8))}\n{examples}\n"
        f"--- failures in gunicorn's log ---\n{problems}\n"
        f"--- end of gunicorn's log ---\n{site.log_tail(40)}"
    )


def assert_clean_log(site, since):
    problems = log_problems(site, since)
    assert not problems, "gunicorn's log shows failures:\n" + "\n".join(problems[:30])


def check_inbox(language):
    return (302, f"/{language}/newsletter/check-your-inbox/", 200)


def subscriber_events(site, address):
    return dict(
        site.query(
            "SELECT e.kind, COUNT(*) FROM newsletter_subscriptionevent e "
            "JOIN newsletter_subscriber s ON s.id = e.subscriber_id "
            "WHERE lower(s.email) = ? GROUP BY e.kind",
            address,
        )
    )


def test_300_concurrent_subscriptions_are_all_kept_and_mailed(site, smtp_sink):
    log_start = site.log_size()
    people = [(f"person-{n:03d}@{CROWD}", LANGUAGES[n % 3]) for n in range(300)]

    results = run_concurrently(
        lambda person: subscribe(site.port, *person), people, threads=75, deadline=240
    )

    failures = [(person, out) for person, out in results if out != check_inbox(person[1])]
    assert not failures, failure_report(site, log_start, failures, len(people))
    rows = site.query(
        "SELECT email, status, language FROM newsletter_subscriber WHERE email LIKE ?",
        f"%@{CROWD}",
    )
    assert sorted(rows) == sorted((address, "pending", lang) for address, lang in people), (
        f"{len(rows)} subscribers stored for 300 accepted requests\n{site.log_tail()}"
    )
    expected = sorted(address for address, _lang in people)
    received = wait_until(
        lambda: sorted(r for r in smtp_sink.recipients() if r.endswith(CROWD)), expected, 60
    )
    assert received == expected, (
        f"{len(received)} of 300 confirmation mails arrived\n{site.log_tail()}"
    )
    # The attempt is recorded after the mail is sent: every one of them, none failed.
    sent = wait_until(
        lambda: site.query(
            "SELECT COUNT(*) FROM newsletter_subscriptionevent e "
            "JOIN newsletter_subscriber s ON s.id = e.subscriber_id "
            "WHERE s.email LIKE ? AND e.kind = 'confirmation_sent'",
            f"%@{CROWD}",
        ),
        [(300,)],
        30,
    )
    assert sent == [(300,)]
    assert_clean_log(site, log_start)


def test_100_concurrent_submissions_of_one_address_leave_one_row(site, smtp_sink):
    log_start = site.log_size()
    address = "same.person@one.example.org"
    variants = [address.upper(), address.title(), address, "Same.Person@ONE.example.org"]
    submissions = [(variants[n % 4], LANGUAGES[n % 3]) for n in range(100)]

    results = run_concurrently(
        lambda submission: subscribe(site.port, *submission), submissions, threads=100
    )

    # Beyond three requests an hour for one address (counted in the database, whichever
    # worker answers), the form answers 429 "too many requests": that is the protection working.
    failures = [
        (submission, out)
        for submission, out in results
        if out != check_inbox(submission[1]) and out[0] != 429
    ]
    assert not failures, failure_report(site, log_start, failures, len(submissions))
    accepted = sum(out[0] == 302 for _submission, out in results)
    assert 1 <= accepted <= 3
    assert site.query(
        "SELECT email, status FROM newsletter_subscriber WHERE lower(email) = ?", address
    ) == [(address, "pending")]
    # Serialised: one creation, and every other accepted submission saw the row it made.
    events = subscriber_events(site, address)
    assert events.get("subscribed") == 1
    assert events.get("requested_again", 0) == accepted - 1
    mails = wait_until(lambda: smtp_sink.recipients().count(address), accepted, 30)
    assert mails == accepted
    assert_clean_log(site, log_start)


def links(client, path, prefix):
    """The slugs of the detail pages a list page links to."""
    page = client.get(path)
    assert page.status == 200, f"GET {path}: {page.status}"
    return sorted(set(re.findall(rf'href="{re.escape(prefix)}([a-z0-9-]+)/"', page.text)))


def test_a_burst_of_mixed_page_requests_gives_no_server_error(site):
    log_start = site.log_size()
    client = Client(site.port)
    sessions = [s for s in links(client, "/en/programme/", "/en/programme/") if s != "now"]
    speakers = links(client, "/en/speakers/", "/en/speakers/")
    assert sessions and speakers, "the demo programme and speakers are missing"
    expected = {}
    for lang in LANGUAGES:
        for path in (
            "",
            "programme/",
            f"programme/{sessions[0]}/",
            f"programme/{sessions[-1]}/",
            "programme/schedule.ics",
            "programme/schedule.xml",
            "programme/schedule.json",
            "speakers/",
            f"speakers/{speakers[0]}/",
            f"speakers/{speakers[-1]}/",
            "about-efus/",
            "newsletter/",
        ):
            expected[f"/{lang}/{path}"] = 200
        for path in ("no-such-page/", "programme/no-such-session/", "speakers/nobody-here/"):
            expected[f"/{lang}/{path}"] = 404
    paths = list(expected)
    burst = paths * 10

    def fetch(path):
        answer = Client(site.port).get(path)
        return answer.status, len(answer.body) > 0

    results = run_concurrently(fetch, burst, threads=50)

    failures = [(path, out) for path, out in results if out != (expected[path], True)]
    assert not failures, failure_report(site, log_start, failures, len(burst))
    assert_clean_log(site, log_start)
