"""The newsletter's multi-step work: subscribe, send mail, confirm, unsubscribe.

Views stay short and call these keyword-only functions. Database changes are committed
before any mail is sent, so a mail server that is down never loses a subscription: the
failure is recorded on the subscriber and can be retried from the admin.
"""

import datetime
import logging

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.db import transaction
from django.utils import timezone

from efus_conf.models import Page
from newsletter import mail, privacy_notice, tokens
from newsletter.models import (
    CONSENT_WORDING_VERSION,
    Subscriber,
    SubscriptionEvent,
    normalise_email,
)

logger = logging.getLogger(__name__)

PRIVACY_PAGE_SLUG = privacy_notice.SLUG
# Retention, as the privacy notice states it (run `manage.py purge_newsletter` daily).
UNCONFIRMED_RETENTION = datetime.timedelta(days=30)
WITHDRAWN_RETENTION = datetime.timedelta(days=3 * 365)

Kind = SubscriptionEvent.Kind
Status = Subscriber.Status


def site_url(request):
    """The site's public address for links in mails: SITE_URL, or the request's own."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def request_subscription(*, email, name, organisation, language, consent_page, consent_language):
    """Record a subscription request; return the subscriber and the mail to send, if any.

    Every branch reads and writes alike, and the caller shows the same page whatever this
    returns, so the form reveals nothing about who is subscribed. A confirmed subscriber's
    details are never changed by an anonymous form.
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
            return subscriber, mail.CONFIRMATION
        if subscriber.status == Status.CONFIRMED:
            subscriber.record(Kind.REQUESTED_AGAIN, "already confirmed: nothing changed")
            if subscriber.notified_recently(now):
                return subscriber, None
            return subscriber, mail.NOTICE
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
        return subscriber, mail.CONFIRMATION


def send(*, subscriber, kind, site_url):
    """Send one mail now and record the attempt; True when the mail server accepted it."""
    now = timezone.now()
    try:
        mail.build_message(subscriber=subscriber, kind=kind, site_url=site_url).send()
    except Exception as error:  # noqa: BLE001 - whatever failed is recorded for a retry
        error_text = f"{type(error).__name__}: {error}"[:2000]
        logger.warning("Newsletter mail to subscriber %s failed: %s", subscriber.pk, error_text)
        Subscriber.objects.filter(pk=subscriber.pk).update(
            last_mail_attempt_at=now, last_mail_error=error_text
        )
        subscriber.record(Kind.SEND_FAILED, f"{kind}: {error_text}")
        return False
    Subscriber.objects.filter(pk=subscriber.pk).update(last_mail_attempt_at=now, last_mail_error="")
    subscriber.record(Kind.CONFIRMATION_SENT if kind == mail.CONFIRMATION else Kind.NOTICE_SENT)
    return True


def resend_confirmations(*, subscribers, site_url):
    """Send the confirmation mail again to the pending ones; return how many were sent."""
    return sum(
        send(subscriber=subscriber, kind=mail.CONFIRMATION, site_url=site_url)
        for subscriber in subscribers.pending()
    )


def retry_failed_mail(*, subscribers, site_url):
    """Retry the last failed mail of each pending or confirmed subscriber; return successes."""
    sent = 0
    for subscriber in subscribers.with_failed_mail().exclude(status=Status.UNSUBSCRIBED):
        kind = mail.CONFIRMATION if subscriber.status == Status.PENDING else mail.NOTICE
        sent += send(subscriber=subscriber, kind=kind, site_url=site_url)
    return sent


class Confirmation:
    """What following a confirmation link did."""

    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    INVALID = "invalid"


def confirm(*, token):
    """Confirm the subscription a link is for, once; return a Confirmation value."""
    try:
        subscriber = tokens.subscriber_to_confirm(token)
    except SignatureExpired as expired:
        if expired.subscriber.status == Status.CONFIRMED:
            return Confirmation.ALREADY_CONFIRMED
        return Confirmation.EXPIRED
    except BadSignature:
        return Confirmation.INVALID
    now = timezone.now()
    with transaction.atomic():
        confirmed = Subscriber.objects.filter(pk=subscriber.pk, status=Status.PENDING).update(
            status=Status.CONFIRMED, confirmed_at=now, unsubscribed_at=None
        )
        if confirmed:
            subscriber.record(Kind.CONFIRMED, "confirmation link followed")
            return Confirmation.CONFIRMED
    subscriber.refresh_from_db(fields=["status"])
    if subscriber.status == Status.CONFIRMED:
        return Confirmation.ALREADY_CONFIRMED
    return Confirmation.WITHDRAWN


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
