"""Newsletter subscribers and the history of their consent (GDPR: consent must be provable)."""

import contextlib
import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The version of the consent wording (the checkbox label in newsletter/forms.py and the
# sentence under it). Change it whenever that wording changes, so that every subscriber's
# record says which text they agreed to. The privacy notice itself is an organisers' page
# (slug "privacy"); its "last updated" time is recorded next to this version.
CONSENT_WORDING_VERSION = "2024-01"

# A confirmed address that is submitted again receives at most one "you are already
# subscribed" notice in this period, so the form cannot be used to flood someone's inbox.
NOTICE_INTERVAL = datetime.timedelta(days=1)


def normalise_email(value):
    """The address as stored: trimmed, domain IDNA-encoded, all lower case.

    Lower-casing the local part is, strictly, a liberty (RFC 5321), but no mail provider our
    subscribers use distinguishes case there, and it makes "Ana@X" and "ana@x" one person.
    """
    local, _at, domain = value.strip().rpartition("@")
    # A domain IDNA cannot encode stays as it is; the form then rejects the address.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}".lower()


class SubscriberQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Subscriber.Status.PENDING)

    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """Someone who asked for the newsletter, with the record of their consent.

    No IP address is stored: abuse is handled with short-lived, keyed hashes in the cache.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email address"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("first request"), default=timezone.now)
    consented_at = models.DateTimeField(_("consent given at"))
    consent_page = models.CharField(
        _("consent given on page"), max_length=300, blank=True, help_text=_("The page's path.")
    )
    consent_language = models.CharField(
        _("language of the consent wording"), max_length=8, choices=settings.LANGUAGES
    )
    consent_wording_version = models.CharField(_("consent wording version"), max_length=20)
    privacy_notice_updated_at = models.DateTimeField(
        _("privacy notice version"),
        null=True,
        blank=True,
        help_text=_("When the privacy notice shown at the time of consent was last changed."),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="newsletter_subscriber_unique_email",
                violation_error_message=_("This address is already on the list."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="confirmed") | models.Q(confirmed_at__isnull=False),
                name="newsletter_confirmed_has_a_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="unsubscribed")
                | models.Q(unsubscribed_at__isnull=False),
                name="newsletter_unsubscribed_has_a_date",
            ),
        ]

    def __str__(self):
        return self.email

    def record(self, kind, details=""):
        return self.events.create(kind=kind, details=details)

    def notified_recently(self, now):
        """True when a notice was queued in the last NOTICE_INTERVAL, whether sent yet or not."""
        return self.mails.filter(
            kind=Mail.Kind.NOTICE, queued_at__gte=now - NOTICE_INTERVAL
        ).exists()


class SubscriptionEvent(models.Model):
    """One step in a subscriber's history, kept so the admin shows the whole consent trail."""

    class Kind(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Subscription requested")
        REQUESTED_AGAIN = "requested_again", _("Subscription requested again")
        CONFIRMATION_SENT = "confirmation_sent", _("Confirmation mail sent")
        NOTICE_SENT = "notice_sent", _("“Already subscribed” mail sent")
        SEND_FAILED = "send_failed", _("Mail could not be sent")
        CONFIRMED = "confirmed", _("Subscription confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="events", verbose_name=_("subscriber")
    )
    kind = models.CharField(_("event"), max_length=30, choices=Kind)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    details = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("subscription event")
        verbose_name_plural = _("subscription events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"


# A mail still waiting this long after it was due has lost its task (a worker killed while
# sending it): "Retry failed mails" queues it again.
STUCK_AFTER = datetime.timedelta(hours=1)


class MailQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(status=Mail.Status.FAILED)

    def stuck(self, now):
        waiting = self.filter(status__in=[Mail.Status.QUEUED, Mail.Status.RETRYING])
        return waiting.filter(
            models.Q(next_attempt_at__lt=now - STUCK_AFTER)
            | models.Q(next_attempt_at__isnull=True, queued_at__lt=now - STUCK_AFTER)
        )

    def to_retry(self, now):
        """Failed for good, or stuck: what the admin's "Retry failed mails" queues again."""
        return self.failed() | self.stuck(now)

    def with_subscriber(self):
        return self.select_related("subscriber")


class Mail(models.Model):
    """One mail the newsletter owes a subscriber, from the request that asked for it to the
    mail server's answer.

    It is created in the same transaction as the subscriber's change, with the task that sends
    it (newsletter.tasks), so every accepted request has its mail in one of these states.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation")
        NOTICE = "notice", _("“Already subscribed” notice")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Failed, will be retried")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent: no longer needed")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="mails", verbose_name=_("subscriber")
    )
    kind = models.CharField(_("mail"), max_length=20, choices=Kind)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.QUEUED, db_index=True
    )
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(
        _("last error"), blank=True, help_text=_("What the mail server or the network answered.")
    )

    objects = MailQuerySet.as_manager()

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("mails")
        ordering = ["-queued_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="newsletter_sent_mail_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.subscriber} ({self.get_status_display()})"


class RateLimitCounterQuerySet(models.QuerySet):
    def hit(self, key, *, period):
        """Count one more submission for `key` in the current window of `period` seconds, and
        return the window's count so far.

        One row per key and window, raised in the database, so every worker on every machine
        counts together; the transaction makes read-after-raise exact under concurrency.
        """
        now = timezone.now()
        window = int(now.timestamp() // period)
        current = self.filter(key=key, window=window)
        with transaction.atomic():
            if not current.update(hits=F("hits") + 1):
                self.filter(expires_at__lte=now).delete()
                try:
                    with transaction.atomic():
                        self.create(
                            key=key,
                            window=window,
                            hits=1,
                            expires_at=datetime.datetime.fromtimestamp(
                                (window + 1) * period, tz=datetime.UTC
                            ),
                        )
                except IntegrityError:  # Another worker created it first.
                    current.update(hits=F("hits") + 1)
            return current.values_list("hits", flat=True).get()


class RateLimitCounter(models.Model):
    """Submissions in one fixed time window, for the newsletter's rate limits.

    The key is an HMAC of what is counted (an email address, a client address) under the
    secret key, so the table holds no address in clear; rows go once their window is over.
    """

    key = models.CharField(_("key"), max_length=100)
    window = models.BigIntegerField(_("window"))
    hits = models.PositiveIntegerField(_("submissions"), default=0)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    objects = RateLimitCounterQuerySet.as_manager()

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")
        ordering = ["expires_at"]
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="ratelimit_one_row_per_window"),
        ]

    def __str__(self):
        return f"{self.key} ({self.hits})"
