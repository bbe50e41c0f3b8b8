"""Mail faults against the site as deployed: gunicorn and the mail worker, a real SMTP server.

A hung mail server must not slow any page, and a web worker killed in the middle of a burst
of subscriptions must not leave an accepted subscriber without the task that mails them.
"""

import os
import signal
import sqlite3
import threading
import time

import pytest

from tests.support.gunicorn_site import GunicornSite, free_port
from tests.support.http_client import Client, run_concurrently, subscribe, wait_until
from tests.support.smtp import HungSmtpServer, SmtpServer, smtp_env


@pytest.fixture
def smtp_port():
    """The port the site mails: each test chooses what answers there."""
    return free_port()


def mailing_site(folder, smtp_port, **environment):
    """The demo site on gunicorn (2 workers) and the mail worker, mailing `smtp_port`."""
    return GunicornSite(
        folder,
        threads=4,
        mail_worker=True,
        NEWSLETTER_RATE_LIMIT="off",
        **smtp_env(smtp_port),
        **environment,
    )


@pytest.fixture
def site(tmp_path, smtp_port):
    with mailing_site(tmp_path, smtp_port) as server:
        yield server


@pytest.fixture
def impatient_site(tmp_path, smtp_port):
    """The mail worker gives up on a silent mail server after a second (EMAIL_TIMEOUT), so
    that six mails to a hung one fail in seconds, not a minute."""
    with mailing_site(tmp_path, smtp_port, EMAIL_TIMEOUT="1") as server:
        yield server


def make_retries_due(site):
    """The worker retries a failed mail minutes later; the test does not wait that long."""
    connection = sqlite3.connect(site.database, timeout=30)
    with connection:
        connection.execute(
            "UPDATE django_tasks_database_dbtaskresult SET run_after = ? WHERE status = 'READY'",
            ("2000-01-01 00:00:00",),
        )
    connection.close()


def mail_states(site, domain):
    return dict(
        site.query(
            "SELECT m.status, COUNT(*) FROM newsletter_mail m "
            "JOIN newsletter_subscriber s ON s.id = m.subscriber_id "
            "WHERE s.email LIKE ? GROUP BY m.status",
            f"%@{domain}",
        )
    )


def test_hung_mail_server_slows_no_page_and_mail_goes_once_it_answers(impatient_site, smtp_port):
    domain = "hung.example.org"
    hung = HungSmtpServer(smtp_port)
    try:
        people = [(f"p{n}@{domain}", "en") for n in range(6)]
        results = run_concurrently(
            lambda person: subscribe(impatient_site.port, *person), people, threads=6
        )
        assert {outcome for _person, outcome in results} == {
            (302, "/en/newsletter/check-your-inbox/", 200)
        }
        started = time.monotonic()
        page = Client(impatient_site.port).get("/en/programme/")
        elapsed = time.monotonic() - started
        assert page.status == 200
        # Before the queue, the web workers sat in SMTP: 9.7 s for this page. Generous bound.
        assert elapsed < 5, f"a page took {elapsed:.1f} s while the mail server hung"
        assert wait_until(lambda: mail_states(impatient_site, domain), {"retrying": 6}, 90) == {
            "retrying": 6
        }, impatient_site.log_tail()
        assert hung.connections, "the worker never tried the mail server"
    finally:
        hung.stop()

    sink = SmtpServer(smtp_port).start()
    try:
        make_retries_due(impatient_site)
        received = wait_until(
            lambda: sorted(r for r in sink.recipients() if r.endswith(domain)),
            sorted(address for address, _language in people),
            60,
        )
        assert len(received) == 6, impatient_site.log_tail()
        assert wait_until(lambda: mail_states(impatient_site, domain), {"sent": 6}, 30) == {
            "sent": 6
        }
    finally:
        sink.stop()


def test_web_worker_killed_in_a_burst_leaves_no_subscriber_without_its_mail_task(site, smtp_port):
    domain = "burst.example.org"
    sink = SmtpServer(smtp_port).start()
    people = [(f"b{n:03d}@{domain}", ("en", "fr", "nl")[n % 3]) for n in range(150)]
    victim = site.worker_pids()[0]

    def kill_midway():
        time.sleep(1.5)
        os.kill(victim, signal.SIGKILL)

    killer = threading.Thread(target=kill_midway)
    killer.start()
    try:
        results = run_concurrently(
            lambda person: subscribe(site.port, *person), people, threads=20, deadline=240
        )
    finally:
        killer.join()
    try:
        accepted = {
            address
            for (address, _language), outcome in results
            if not isinstance(outcome, Exception) and outcome[0] == 302
        }
        assert accepted, "no subscription went through"
        stored = {
            email
            for (email,) in site.query(
                "SELECT email FROM newsletter_subscriber WHERE email LIKE ?", f"%@{domain}"
            )
        }
        # Everyone told to check their inbox is stored (a killed request may be stored too).
        assert accepted <= stored
        without_task = site.query(
            "SELECT s.email FROM newsletter_subscriber s WHERE s.email LIKE ? AND NOT EXISTS ("
            " SELECT 1 FROM newsletter_mail m JOIN django_tasks_database_dbtaskresult t"
            " ON json_extract(t.args_kwargs, '$.args[0]') = m.id"
            " WHERE m.subscriber_id = s.id)",
            f"%@{domain}",
        )
        assert without_task == []
        received = wait_until(
            lambda: sorted(r for r in set(sink.recipients()) if r.endswith(domain)),
            sorted(stored),
            120,
        )
        assert received == sorted(stored), site.log_tail()
    finally:
        sink.stop()
