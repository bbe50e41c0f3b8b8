"""Demo content for the newsletter: the privacy notice and fictional subscribers in every status."""

import datetime

from efus_conf.conference.models import Page
from newsletter.models import CONSENT_WORDING_VERSION, Mail, Subscriber, SubscriptionEvent
from newsletter.privacy_notice import PRIVACY_PAGE
from newsletter.services import PRIVACY_PAGE_SLUG

Kind = SubscriptionEvent.Kind
Status = Subscriber.Status


def at(day, hour=10, minute=0):
    return datetime.datetime(2024, 1, day, hour, minute, tzinfo=datetime.UTC)


# (email, name, organisation, language, status, consented, confirmed, unsubscribed, failure)
SUBSCRIBERS = [
    (
        "amelie.durand@example.org",
        "Amélie Durand (demo)",
        "Ville fictive de Valmont",
        "fr",
        Status.CONFIRMED,
        at(8),
        at(8, 10, 12),
        None,
        "",
    ),
    (
        "pieter.claes@example.org",
        "Pieter Claes (demo)",
        "Gemeente Denkbeeldig",
        "nl",
        Status.CONFIRMED,
        at(9),
        at(9, 14, 3),
        None,
        "",
    ),
    ("jo.mercer@example.org", "", "", "en", Status.PENDING, at(15), None, None, ""),
    (
        "marta.ruiz@example.org",
        "Marta Ruiz (demo)",
        "Imaginary Region Council",
        "en",
        Status.PENDING,
        at(16),
        None,
        None,
        "SMTPConnectError: (421, 'Service not available')",
    ),
    (
        "lena.vos@example.org",
        "Lena Vos (demo)",
        "",
        "nl",
        Status.UNSUBSCRIBED,
        at(5),
        at(5, 11, 40),
        at(20, 9, 15),
        "",
    ),
]


def events_for(consented, confirmed, unsubscribed, failure, page, language):
    events = [
        (
            Kind.SUBSCRIBED,
            consented,
            f"page {page}, language {language}, wording {CONSENT_WORDING_VERSION}",
        )
    ]
    if failure:
        events.append((Kind.SEND_FAILED, consented, f"confirmation, attempt 6: {failure}"))
    else:
        events.append((Kind.CONFIRMATION_SENT, consented, ""))
    if confirmed:
        events.append((Kind.CONFIRMED, confirmed, "confirmation button pressed"))
    if unsubscribed:
        events.append((Kind.UNSUBSCRIBED, unsubscribed, "one-click request from a mail program"))
    return events


def demo_mail(consented, failure):
    """The confirmation mail as the queue left it: sent, or failed after every attempt."""
    if failure:
        return {
            "kind": Mail.Kind.CONFIRMATION,
            "status": Mail.Status.FAILED,
            "queued_at": consented,
            "attempts": 6,
            "last_attempt_at": consented + datetime.timedelta(hours=11, minutes=36),
            "last_error": failure,
        }
    return {
        "kind": Mail.Kind.CONFIRMATION,
        "status": Mail.Status.SENT,
        "queued_at": consented,
        "attempts": 1,
        "last_attempt_at": consented,
        "sent_at": consented,
    }


def load(*, stdout, scale=0):
    Page.objects.update_or_create(slug=PRIVACY_PAGE_SLUG, defaults=PRIVACY_PAGE)
    for (
        email,
        name,
        organisation,
        language,
        status,
        consented,
        confirmed,
        unsubscribed,
        failure,
    ) in SUBSCRIBERS:
        page = f"/{language}/"
        subscriber, _created = Subscriber.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "language": language,
                "status": status,
                "created_at": consented,
                "consented_at": consented,
                "consent_page": page,
                "consent_language": language,
                "consent_wording_version": CONSENT_WORDING_VERSION,
                "privacy_notice_updated_at": None,
                "confirmed_at": confirmed,
                "unsubscribed_at": unsubscribed,
            },
        )
        if not subscriber.events.exists():
            for kind, when, details in events_for(
                consented, confirmed, unsubscribed, failure, page, language
            ):
                subscriber.events.create(kind=kind, at=when, details=details)
        if not subscriber.mails.exists():
            subscriber.mails.create(**demo_mail(consented, failure))
    stdout.write("Privacy notice and demo newsletter subscribers loaded.")
