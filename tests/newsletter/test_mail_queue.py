"""Mail goes through a queue: queued with the subscriber's change, sent by the worker, retried."""

import email
import re
from email import policy

import pytest
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from efus_conf.demo.factories import SubscriberFactory
from newsletter import services
from newsletter.models import Mail, Subscriber
from tests.newsletter.submissions import form_data

PENDING = Subscriber.Status.PENDING
LONG_SITE_URL = "https://" + "a" * 50 + "." + "b" * 49 + ".example.org"


def tasks_for(queued):
    return DBTaskResult.objects.filter(args_kwargs__args=[queued.pk])


def make_retries_due():
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_every_accepted_subscription_has_its_mail_and_its_task(client, db):
    response = client.post("/en/newsletter/", form_data("queued@example.org"))
    assert response.status_code == 302
    [queued] = Subscriber.objects.get().mails.all()
    assert (queued.kind, queued.status) == (Mail.Kind.CONFIRMATION, Mail.Status.QUEUED)
    assert tasks_for(queued).get().task_path == "newsletter.tasks.send_mail"


# The queue's rows are written in the subscriber's transaction: a rollback takes them too.
@pytest.mark.database
def test_a_subscription_rolled_back_before_its_commit_leaves_no_mail_to_send(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.request_subscription(
            email="crash@example.org",
            name="",
            organisation="",
            language="en",
            consent_page="/en/",
            consent_language="en",
        )
        raise RuntimeError("the process died before the commit")
    assert not Subscriber.objects.exists()
    assert not Mail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_web_request_never_talks_to_the_mail_server(client, db, smtp):
    client.post("/en/newsletter/", form_data("quiet@example.org"))
    assert smtp.connections == 0
    assert smtp.messages == []


# The worker claims its tasks with row locks (select_for_update, skip_locked) on PostgreSQL.
@pytest.mark.database
def test_refusing_mail_server_is_retried_and_the_mail_goes_once_it_accepts(
    client, db, smtp, mail_worker
):
    smtp.refusal = "451 4.3.0 Try again later"
    client.post("/nl/newsletter/", form_data("later@example.org", "nl"))
    mail_worker()
    queued = Mail.objects.get()
    assert queued.status == Mail.Status.RETRYING
    assert "451" in queued.last_error
    assert queued.next_attempt_at > timezone.now()
    mail_worker()  # Not due yet: nothing happens.
    queued.refresh_from_db()
    assert queued.attempts == 1

    smtp.refusal = None
    make_retries_due()
    mail_worker()
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.last_error) == (Mail.Status.SENT, 2, "")
    [message] = smtp.messages
    assert message["To"] == "later@example.org"


@pytest.mark.database
def test_mail_for_someone_unsubscribed_since_is_cancelled(db, smtp, mail_worker):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    queued = services.queue_mail(subscriber=subscriber, kind=Mail.Kind.CONFIRMATION)
    services.unsubscribe(subscriber=subscriber, one_click=True)
    mail_worker()
    queued.refresh_from_db()
    assert queued.status == Mail.Status.CANCELLED
    assert smtp.messages == []


def test_list_unsubscribe_headers_are_written_literally_for_a_long_address(
    db, settings, smtp, mail_worker
):
    settings.SITE_URL = LONG_SITE_URL
    assert len(LONG_SITE_URL) == 120
    services.queue_mail(subscriber=SubscriberFactory(status=PENDING), kind=Mail.Kind.CONFIRMATION)
    mail_worker()
    [raw] = smtp.raw
    headers = raw.split(b"\r\n\r\n", 1)[0].decode("ascii") + "\r\n"
    unfolded = re.sub(r"\r\n[ \t]", " ", headers)
    [unsubscribe] = re.findall(r"^List-Unsubscribe: ([^\r\n]*)", unfolded, re.MULTILINE)
    assert re.fullmatch(
        rf"<{re.escape(LONG_SITE_URL)}/en/newsletter/unsubscribe/\S+/>", unsubscribe
    )
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in headers
    assert "=?" not in unsubscribe


@pytest.mark.parametrize(
    ("language", "sender"),
    [
        ("en", "Efus conference <conference@efus.eu>"),
        ("fr", "Conférence de l'Efus <conference@efus.eu>"),
        ("nl", "Efus-conferentie <conference@efus.eu>"),
    ],
)
def test_sender_name_is_in_the_subscriber_language_and_message_id_on_the_site_domain(
    db, settings, smtp, mail_worker, language, sender
):
    settings.SITE_URL = "https://conference.efus.eu"
    services.queue_mail(
        subscriber=SubscriberFactory(language=language, status=PENDING), kind=Mail.Kind.CONFIRMATION
    )
    mail_worker()
    [raw] = smtp.raw
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["From"] == sender
    assert message["Message-ID"].endswith("@conference.efus.eu>")


def test_confirmation_mail_holds_nothing_the_requester_typed(client, db, smtp, mail_worker):
    client.post(
        "/en/newsletter/",
        form_data(
            "victim@example.org",
            name="Win a prize at http://evil.example",
            organisation="Claim it at evil.example",
        ),
    )
    mail_worker()
    [raw] = smtp.raw
    text = email.message_from_bytes(raw, policy=policy.default)
    for part in (text.get_body(("plain",)), text.get_body(("html",))):
        content = part.get_content()
        assert "evil.example" not in content
        assert "Win a prize" not in content
    assert b"evil.example" not in raw


def test_mail_links_use_site_url_whatever_host_the_request_named(
    client, db, settings, smtp, mail_worker
):
    settings.SITE_URL = "https://conference.example.org"
    client.post("/en/newsletter/", form_data("forged@example.org"), HTTP_HOST="localhost:31337")
    mail_worker()
    [raw] = smtp.raw
    assert b"31337" not in raw and b"localhost" not in raw
    [message] = smtp.messages
    assert message["List-Unsubscribe"].startswith(
        "<https://conference.example.org/en/newsletter/unsubscribe/"
    )
    text = message.get_body(("plain",)).get_content()
    assert "https://conference.example.org/en/newsletter/confirm/" in text
