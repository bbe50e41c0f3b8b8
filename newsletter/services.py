"""The newsletter's multi-step work: subscribe, queue mail, confirm, unsubscribe, purge.

Views stay short and call these keyword-only functions. A mail is queued in the same
transaction as the change that asks for it (a Mail row and its task), and sent by the worker
(`manage.py db_worker`, newsletter.tasks): a web worker never talks to the mail server, a
crash after the commit cannot lose the mail, and a crash before it leaves nothing to send.
"""

import datetime

from django.core.signing import BadSignature, SignatureExpired
from django.db import transaction
from django.utils import timezone

from efus_conf.conference.models import Page
from newsletter import privacy_notice, tasks, tokens
from newsletter.models import (
    CONSENT_WORDING_VERSION,
    Mail,
    Subscriber,
    SubscriptionEvent,
    normalise_email,
)

PRIVACY_PAGE_SLUG = privacy_notice.SLUG
# Retention, as the privacy notice states it (run `manage.py purge_newsletter` daily).
UNCONFIRMED_RETENTION = datetime.timedelta(days=30)
WITHDRAWN_RETENTION = datetime.timedelta(days=3 * 365)

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
