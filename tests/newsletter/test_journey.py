"""The whole journey against a real SMTP server on loopback, in each language."""

import re

import pytest
from django.test import Client

from newsletter.models import Subscriber, SubscriptionEvent
from tests.newsletter.submissions import form_data

pytestmark = pytest.mark.database

Kind = SubscriptionEvent.Kind

SUBJECTS = {
    "en": "Please confirm your subscription",
    "fr": "Veuillez confirmer votre abonnement",
    "nl": "Bevestig uw abonnement",
}
BODY = {
    "en": "Someone, hopefully you, asked to receive the newsletter",
    "fr": "Quelqu'un, sans doute vous, a demandé à recevoir",
    "nl": "Iemand, hopelijk u, heeft gevraagd de nieuwsbrief",
}
THANKS = {
    "en": "Thank you, your subscription is confirmed",
    "fr": "Merci, votre abonnement est confirmé",
    "nl": "Bedankt, uw abonnement is bevestigd",
}
CONFIRM_BUTTON = {
    "en": "Confirm my subscription",
    "fr": "Confirmer mon abonnement",
    "nl": "Mijn abonnement bevestigen",
}
UNSUBSCRIBED = {
    "en": "You are unsubscribed",
    "fr": "Vous êtes désabonné",
    "nl": "U bent uitgeschreven",
}


def path_of(url):
    return re.sub(r"^http://testserver", "", url)


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_subscribe_confirm_and_unsubscribe_in_one_click(
    client, smtp, mail_worker, privacy_page, language
):
    address = f"Visitor.{language}@Example.ORG"
    response = client.post(f"/{language}/newsletter/", form_data(address, language))
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/newsletter/check-your-inbox/"

    mail_worker()
    [message] = smtp.messages
    assert message["To"] == address.lower()
    assert SUBJECTS[language] in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(r"<(https?://\S+)>", message["List-Unsubscribe"]).group(1)
    assert f"/{language}/newsletter/unsubscribe/" in unsubscribe_url
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert BODY[language] in text
    assert BODY[language] in html.replace("&#x27;", "'")
    assert f'<html lang="{language}">' in html
    confirm_url = re.search(r"http://testserver/\S+/confirm/\S+/", text).group(0)
    assert confirm_url in html

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_language == language
    assert subscriber.privacy_notice_updated_at == privacy_page.updated_at

    assert CONFIRM_BUTTON[language] in client.get(path_of(confirm_url)).content.decode()
    response = client.post(path_of(confirm_url))
    assert response.status_code == 200
    assert THANKS[language] in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None

    # A mail program posts without cookies or CSRF token (RFC 8058).
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert UNSUBSCRIBED[language] in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert list(subscriber.events.values_list("kind", flat=True)) == [
        Kind.SUBSCRIBED,
        Kind.CONFIRMATION_SENT,
        Kind.CONFIRMED,
        Kind.UNSUBSCRIBED,
    ]
    assert "one-click" in subscriber.events.last().details


def test_footer_form_on_a_french_page_subscribes_in_french(client, smtp, mail_worker, privacy_page):
    html = client.get("/fr/").content.decode()
    assert 'action="/fr/newsletter/"' in html
    assert '<option value="fr" selected>' in html
    client.post("/fr/newsletter/", form_data("lea@example.org", "fr", source="/fr/"))
    mail_worker()
    assert SUBJECTS["fr"] in smtp.messages[0]["Subject"]
    assert Subscriber.objects.get().consent_page == "/fr/"


def test_unsubscribed_address_that_subscribes_again_must_confirm_again(
    client, db, smtp, mail_worker
):
    client.post("/en/newsletter/", form_data("back@example.org"))
    subscriber = Subscriber.objects.get()
    Subscriber.objects.filter(pk=subscriber.pk).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=subscriber.consented_at
    )
    client.post("/nl/newsletter/", form_data("back@example.org", "nl"))
    mail_worker()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "nl"
    assert len(smtp.messages) == 2
    assert SUBJECTS["nl"] in smtp.messages[1]["Subject"]


def test_pending_address_gets_the_confirmation_again(client, db, smtp, mail_worker):
    client.post("/en/newsletter/", form_data("twice@example.org"))
    client.post("/en/newsletter/", form_data("twice@example.org"))
    mail_worker()
    assert len(smtp.messages) == 2
    assert Subscriber.objects.get().events.filter(kind=Kind.REQUESTED_AGAIN).count() == 1


def test_confirmed_address_gets_at_most_one_notice_a_day(client, db, smtp, mail_worker):
    client.post("/en/newsletter/", form_data("known@example.org", name="Known"))
    mail_worker()
    subscriber = Subscriber.objects.get()
    client.post(
        path_of(
            re.search(
                r"http://\S+/confirm/\S+/", smtp.messages[0].get_body(("plain",)).get_content()
            ).group(0)
        )
    )
    client.post("/fr/newsletter/", form_data("known@example.org", "fr", name="Changed"))
    client.post("/fr/newsletter/", form_data("known@example.org", "fr", name="Changed"))
    mail_worker()
    assert len(smtp.messages) == 2
    assert "already subscribed" in smtp.messages[1]["Subject"]
    subscriber.refresh_from_db()
    assert (subscriber.name, subscriber.language) == ("Known", "en")
    assert subscriber.status == Subscriber.Status.CONFIRMED
