"""A subscriber: footer form, confirmation mail over real SMTP, confirm link, unsubscribe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ADDRESS = "lea.martin@example.org"


def test_subscriber_confirms_by_mail_then_unsubscribes(site, page, smtp, mail_worker):
    from newsletter.models import Subscriber, SubscriptionEvent

    page.goto(f"{site}/fr/")
    footer = page.get_by_role("contentinfo")
    footer.get_by_label("Adresse e-mail").fill(ADDRESS)
    footer.get_by_label("Nom (facultatif)").fill("Léa Martin")
    footer.get_by_label("Langue de la lettre d'information").select_option("fr")
    footer.get_by_role("checkbox").check()
    footer.get_by_role("button", name="S'abonner").click()
    expect(page).to_have_url(f"{site}/fr/newsletter/check-your-inbox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez votre boîte de réception")

    mail_worker()
    mail = smtp.wait(1)
    assert mail["To"] == ADDRESS
    body = mail.get_body(("plain",)).get_content()
    confirm_url = re.search(r"http://\S+/fr/newsletter/confirm/\S+/", body)[0]
    assert confirm_url.startswith(site)
    unsubscribe_url = mail["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith(f"{site}/fr/newsletter/unsubscribe/")

    page.goto(confirm_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre abonnement")
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.Status.PENDING
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Merci, votre abonnement est confirmé"
    )
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.Status.CONFIRMED

    page.goto(unsubscribe_url)
    page.get_by_role("button", name="Se désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")

    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.name == "Léa Martin"
    assert subscriber.language == "fr"
    assert subscriber.consent_page == "/fr/"
    assert subscriber.consent_language == "fr"
    assert subscriber.consented_at < subscriber.confirmed_at < subscriber.unsubscribed_at
    Kind = SubscriptionEvent.Kind
    assert [event.kind for event in subscriber.events.all()] == [
        Kind.SUBSCRIBED,
        Kind.CONFIRMATION_SENT,
        Kind.CONFIRMED,
        Kind.UNSUBSCRIBED,
    ]
