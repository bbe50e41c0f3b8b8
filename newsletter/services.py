"""The newsletter's multi-step work: subscribe, queue and send mail, confirm, unsubscribe.

Views stay short and call these keyword-only functions. A mail is queued in the same
transaction as the change that asks for it (a Mail row and its task, newsletter.tasks), and
sent by the worker (`manage.py db_worker`): a web worker never talks to the mail server, a
crash after the commit cannot lose the mail, and a crash before it leaves nothing to send.
"""

import datetime
import logging

from django.core.signing import BadSignature, SignatureExpired
from django.db import transaction
from django.utils import timezone

from efus_conf.conference.models import Page
from newsletter import mail, privacy_notice, tasks, tokens
from newsletter.models import (
    CONSENT_WORDING_VERSION,
    Mail,
    Subscriber,
    SubscriptionEvent,
    normalise_email,
)

logger = logging.getLogger(__name__)

PRIVACY_PAGE_SLUG = privacy_notice.SLUG
# Retention, as the privacy notice states it (run `manage.py purge_newsletter` daily).
UNCONFIRMED_RETENTION = datetime.timedelta(days=30)
WITHDRAWN_RETENTION = datetime.timedelta(days=3 * 365)
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
Status = Subscriber.Status


def queue_mail(*, subscriber, kind):
    """Record a mail owed to the subscriber and the task that sends it, in one transaction."""
    with transaction.atomic():
        queued = Mail.objects.create(subscriber=subscriber, kind=kind)
        tasks.send_mail.enqueue(queued.pk)
    return queued


def request_subscription(*, email, name, organisation, language, consent_page, consent_language):
    """Record a subscription request and queue its mail, if any; return the subscriber.

    Every branch reads and writes in one transaction, and the caller shows the same page
    whatever happened, so the form reveals nothing about who is subscribed. A confirmed
    subscriber's details are never changed by an anonymous form.
    """
    now = timezone.now()
    email = normalise_email(email)
    consent = {
        "consented_at": now,
        "consent_page": consent_page[:300],
        "consent_language": consent_language,
        "consent_wording_version": CONSENT_WORDING_VERSION,
        "privacy_notice_updated_at": Page.objects.filter(slug=PRIVACY_PAGE_SLUG)
        .values_list("updated_at", flat=True)
        .first(),
    }
    details = (
        f"page {consent['consent_page']}, language {consent_language}, "
        f"wording {CONSENT_WORDING_VERSION}"
    )
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "language": language,
                "created_at": now,
                **consent,
            },
        )
        if created:
            subscriber.record(Kind.SUBSCRIBED, details)
            queue_mail(subscriber=subscriber, kind=Mail.Kind.CONFIRMATION)
            return subscriber
        if subscriber.status == Status.CONFIRMED:
            subscriber.record(Kind.REQUESTED_AGAIN, "already confirmed: nothing changed")
            if not subscriber.notified_recently(now):
                queue_mail(subscriber=subscriber, kind=Mail.Kind.NOTICE)
            return subscriber
        # Pending: the latest request's consent and details replace the unconfirmed ones.
        # Unsubscribed: a new double opt-in starts; the old cycle stays in the events.
        kind = Kind.SUBSCRIBED if subscriber.status == Status.UNSUBSCRIBED else Kind.REQUESTED_AGAIN
        for field, value in consent.items():
            setattr(subscriber, field, value)
        subscriber.name, subscriber.organisation, subscriber.language = name, organisation, language
        subscriber.status = Status.PENDING
        subscriber.confirmed_at = subscriber.unsubscribed_at = None
        subscriber.save()
        subscriber.record(kind, details)
        queue_mail(subscriber=subscriber, kind=Mail.Kind.CONFIRMATION)
        return subscriber


def deliver(*, mail_id):
    """Send a queued mail (the worker's task); on failure, queue the next attempt or give up.

    A mail the subscriber no longer needs (unsubscribed since, or a confirmation for an
    address confirmed since) is cancelled, not sent. The SMTP timeout (MAILERS) bounds each attempt.
    """
    queued = Mail.objects.with_subscriber().filter(pk=mail_id).first()
    if queued is None or queued.status not in {Mail.Status.QUEUED, Mail.Status.RETRYING}:
        return
    subscriber = queued.subscriber
    if subscriber.status == Status.UNSUBSCRIBED or (
        queued.kind == Mail.Kind.CONFIRMATION and subscriber.status == Status.CONFIRMED
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
        tasks.send_mail.using(run_after=queued.next_attempt_at).enqueue(queued.pk)
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


def resend_confirmations(*, subscribers):
    """Queue the confirmation mail again for the pending ones; return how many were queued."""
    with transaction.atomic():
        pending = list(subscribers.pending())
        for subscriber in pending:
            queue_mail(subscriber=subscriber, kind=Mail.Kind.CONFIRMATION)
    return len(pending)


def retry_failed_mails(*, subscribers):
    """Queue again every failed or stuck mail of these subscribers (not of unsubscribed ones).

    The mail keeps its history: its attempts count on, and its state shows it queued again.
    """
    with transaction.atomic():
        failed = list(
            Mail.objects.to_retry(timezone.now())
            .filter(subscriber__in=subscribers)
            .exclude(subscriber__status=Status.UNSUBSCRIBED)
            .select_for_update()
        )
        for queued in failed:
            queued.status, queued.next_attempt_at = Mail.Status.QUEUED, None
            queued.save(update_fields=["status", "next_attempt_at"])
            tasks.send_mail.enqueue(queued.pk)
    return len(failed)


class Confirmation:
    """What a confirmation link does (or, before its button is pressed, would do)."""

    READY = "ready"
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    INVALID = "invalid"


def _to_confirm(token):
    """(subscriber, READY) for a link that can confirm, else (None, why it cannot)."""
    try:
        subscriber = tokens.subscriber_to_confirm(token)
    except SignatureExpired as expired:
        if expired.subscriber.status == Status.CONFIRMED:
            return None, Confirmation.ALREADY_CONFIRMED
        return None, Confirmation.EXPIRED
    except BadSignature:
        return None, Confirmation.INVALID
    if subscriber.status == Status.CONFIRMED:
        return None, Confirmation.ALREADY_CONFIRMED
    if subscriber.status == Status.UNSUBSCRIBED:
        return None, Confirmation.WITHDRAWN
    return subscriber, Confirmation.READY


def confirmation_state(*, token):
    """What pressing the confirmation button would do; changes nothing (mail scanners GET)."""
    return _to_confirm(token)[1]


def confirm(*, token):
    """Confirm the subscription a link is for, once; return a Confirmation value."""
    subscriber, state = _to_confirm(token)
    if subscriber is None:
        return state
    now = timezone.now()
    with transaction.atomic():
        confirmed = Subscriber.objects.filter(pk=subscriber.pk, status=Status.PENDING).update(
            status=Status.CONFIRMED, confirmed_at=now, unsubscribed_at=None
        )
        if confirmed:
            subscriber.record(Kind.CONFIRMED, "confirmation button pressed")
            return Confirmation.CONFIRMED
    return _to_confirm(token)[1]


def subscriber_for_unsubscribe(*, token):
    """The subscriber an unsubscribe link is for, or None for a tampered or unknown link."""
    try:
        return tokens.subscriber_to_unsubscribe(token)
    except BadSignature:
        return None


def unsubscribe(*, subscriber, one_click):
    """Withdraw consent at once; True if this call did it, False if it was already done."""
    with transaction.atomic():
        withdrawn = (
            Subscriber.objects.filter(pk=subscriber.pk)
            .exclude(status=Status.UNSUBSCRIBED)
            .update(status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        )
        if withdrawn:
            subscriber.record(
                Kind.UNSUBSCRIBED,
                "one-click request from a mail program" if one_click else "unsubscribe page",
            )
    return bool(withdrawn)


def purge(*, now=None):
    """Delete what the privacy notice says is not kept; return the number of subscribers."""
    now = now or timezone.now()
    expired = Subscriber.objects.filter(
        status=Status.PENDING, consented_at__lt=now - UNCONFIRMED_RETENTION
    ) | Subscriber.objects.filter(
        status=Status.UNSUBSCRIBED, unsubscribed_at__lt=now - WITHDRAWN_RETENTION
    )
    deleted, by_model = expired.delete()
    return by_model.get(Subscriber._meta.label, 0)
