"""Demo content for the newsletter: the privacy notice and fictional subscribers in every status."""

import datetime

from efus_conf.conference.models import Page
from efus_conf.demo.factories import SubscriberFactory
from newsletter.models import CONSENT_WORDING_VERSION, Mail, Subscriber, SubscriptionEvent
from newsletter.privacy_notice import PRIVACY_PAGE
from newsletter.services import PRIVACY_PAGE_SLUG

Kind = SubscriptionEvent.Kind
Status = Subscriber.Status


def at(day, hour=10, minute=0):
    return datetime.datetime(2024, 1, day, hour, minute, tzinfo=datetime.UTC)


# Each subscribed on the homepage in their language, on the day of `consented_at`.
SUBSCRIBERS = [
    {
        "email": "amelie.durand@example.org",
        "name": "Amélie Durand (demo)",
        "organisation": "Ville fictive de Valmont",
        "language": "fr",
        "status": Status.CONFIRMED,
        "consented_at": at(8),
        "confirmed_at": at(8, 10, 12),
    },
    {
        "email": "pieter.claes@example.org",
        "name": "Pieter Claes (demo)",
        "organisation": "Gemeente Denkbeeldig",
        "language": "nl",
        "status": Status.CONFIRMED,
        "consented_at": at(9),
        "confirmed_at": at(9, 14, 3),
    },
    {
        "email": "jo.mercer@example.org",
        "language": "en",
        "status": Status.PENDING,
        "consented_at": at(15),
    },
    {
        "email": "marta.ruiz@example.org",
        "name": "Marta Ruiz (demo)",
        "organisation": "Imaginary Region Council",
        "language": "en",
        "status": Status.PENDING,
        "consented_at": at(16),
    },
    {
        "email": "lena.vos@example.org",
        "name": "Lena Vos (demo)",
        "language": "nl",
        "status": Status.UNSUBSCRIBED,
        "consented_at": at(5),
        "confirmed_at": at(5, 11, 40),
        "unsubscribed_at": at(20, 9, 15),
    },
]
# The confirmation mails the queue gave up on, by address; every other one was sent.
FAILED_MAILS = {"marta.ruiz@example.org": "SMTPConnectError: (421, 'Service not available')"}


def load(*, stdout, scale=0):
    # The migrations create the privacy notice; a database emptied since (as the browser
    # tests' is, between modules) gets it back, and one an organiser edited keeps theirs.
    Page.objects.get_or_create(slug=PRIVACY_PAGE_SLUG, defaults=PRIVACY_PAGE)
    for fields in SUBSCRIBERS:
        language = fields["language"]
        subscriber = SubscriberFactory(
            **fields,
            created_at=fields["consented_at"],
            consent_page=f"/{language}/",
            consent_language=language,
            consent_wording_version=CONSENT_WORDING_VERSION,
        )
        failure = FAILED_MAILS.get(subscriber.email, "")
        for kind, when, details in events_for(subscriber, failure):
            subscriber.events.create(kind=kind, at=when, details=details)
        subscriber.mails.create(**confirmation_mail(subscriber.consented_at, failure))
    stdout.write("Privacy notice and demo newsletter subscribers loaded.")


def events_for(subscriber, failure):
    """What the consent record shows: (kind, when, details), in order."""
    consented = subscriber.consented_at
    events = [
        (
            Kind.SUBSCRIBED,
            consented,
            f"page {subscriber.consent_page}, language {subscriber.language}, "
            f"wording {CONSENT_WORDING_VERSION}",
        )
    ]
    if failure:
        events.append((Kind.SEND_FAILED, consented, f"confirmation, attempt 6: {failure}"))
    else:
        events.append((Kind.CONFIRMATION_SENT, consented, ""))
    if subscriber.confirmed_at:
        events.append((Kind.CONFIRMED, subscriber.confirmed_at, "confirmation button pressed"))
    if subscriber.unsubscribed_at:
        events.append(
            (Kind.UNSUBSCRIBED, subscriber.unsubscribed_at, "one-click request from a mail program")
        )
    return events


def confirmation_mail(consented, failure):
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
