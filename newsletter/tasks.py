"""The newsletter's background work, run by `manage.py db_worker` (django-tasks-db): sending
the mails that newsletter.services queues, and trying again when the server refuses one.

This module imports nothing from services, which imports it to enqueue: the worker's side
stands on its own (the import contract in pyproject.toml keeps it so)."""

import datetime
import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from newsletter import mail
from newsletter.models import Mail, Subscriber, SubscriptionEvent

logger = logging.getLogger(__name__)

# How long the worker waits before each new attempt at a mail the server did not take; after
# the last one the mail is marked failed, and the admin's "Retry failed mails" queues it again.
RETRY_DELAYS = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=8),
]

Kind = SubscriptionEvent.Kind


@task
def send_mail(mail_id):
    """Send one queued mail (newsletter.models.Mail); on failure, queue the next attempt or
    give up.

    A mail the subscriber no longer needs (unsubscribed since, or a confirmation for an
    address confirmed since) is cancelled, not sent. The SMTP timeout (MAILERS) bounds each attempt.
    """
    queued = Mail.objects.with_subscriber().filter(pk=mail_id).first()
    if queued is None or queued.status not in {Mail.Status.QUEUED, Mail.Status.RETRYING}:
        return
    subscriber = queued.subscriber
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED or (
        queued.kind == Mail.Kind.CONFIRMATION and subscriber.status == Subscriber.Status.CONFIRMED
    ):
        queued.status, queued.next_attempt_at = Mail.Status.CANCELLED, None
        queued.save(update_fields=["status", "next_attempt_at"])
        return
    now = timezone.now()
    queued.attempts += 1
    queued.last_attempt_at = now
    try:
        mail.build_message(queued).send()
    except Exception as error:  # noqa: BLE001 - whatever failed is recorded and retried
        error_text = f"{type(error).__name__}: {error}"[:2000]
        logger.warning(
            "Newsletter mail %s (attempt %s) failed: %s", mail_id, queued.attempts, error_text
        )
        with transaction.atomic():
            _failed(queued, error_text, now)
        return
    queued.status, queued.sent_at, queued.next_attempt_at = Mail.Status.SENT, now, None
    queued.last_error = ""
    with transaction.atomic():
        queued.save()
        subscriber.record(
            Kind.CONFIRMATION_SENT if queued.kind == Mail.Kind.CONFIRMATION else Kind.NOTICE_SENT
        )


def _failed(queued, error_text, now):
    queued.last_error = error_text
    if queued.attempts <= len(RETRY_DELAYS):
        queued.status = Mail.Status.RETRYING
        queued.next_attempt_at = now + RETRY_DELAYS[queued.attempts - 1]
        send_mail.using(run_after=queued.next_attempt_at).enqueue(queued.pk)
    else:
        queued.status, queued.next_attempt_at = Mail.Status.FAILED, None
    queued.save()
    queued.subscriber.record(
        Kind.SEND_FAILED,
        f"{queued.kind}, attempt {queued.attempts}: {error_text}"
        + (
            ""
            if queued.status == Mail.Status.FAILED
            else f" (next attempt {queued.next_attempt_at:%Y-%m-%d %H:%M} UTC)"
        ),
    )
