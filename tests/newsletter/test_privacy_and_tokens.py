"""The form reveals nothing; links are signed, expire (confirmation) and change nothing when bad."""

import re

import pytest
from django.core import signing
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from efus_conf.demo.factories import SubscriberFactory
from newsletter import tokens
from newsletter.models import Subscriber
from tests.newsletter.submissions import form_data


def without_csrf_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


# One subscriber per address: a unique index on Lower(email) and a locked get_or_create.
@pytest.mark.database
def test_addresses_differing_in_case_make_one_subscriber(client, db):
    client.post("/en/newsletter/", form_data("Ana.Silva@Example.org"))
    client.post("/en/newsletter/", form_data("  ana.silva@EXAMPLE.ORG "))
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email == "ana.silva@example.org"


@pytest.mark.database
def test_database_refuses_the_same_address_in_another_case(db):
    SubscriberFactory(email="case@example.org", status=Subscriber.Status.PENDING)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriberFactory(email="CASE@example.org", status=Subscriber.Status.PENDING)


def test_known_and_unknown_addresses_get_the_same_response(client, db):
    SubscriberFactory(email="pending@example.org", status=Subscriber.Status.PENDING)
    SubscriberFactory(email="confirmed@example.org")
    SubscriberFactory(
        email="gone@example.org",
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=timezone.now(),
    )
    responses = [
        client.post("/en/newsletter/", form_data(address))
        for address in [
            "nobody@example.org",
            "pending@example.org",
            "confirmed@example.org",
            "gone@example.org",
        ]
    ]
    assert {(r.status_code, r["Location"], r.content) for r in responses} == {
        (302, "/en/newsletter/check-your-inbox/", b"")
    }
    pages = {without_csrf_tokens(client.get(r["Location"]).content.decode()) for r in responses}
    assert len(pages) == 1


@pytest.mark.database
def test_pressing_the_confirmation_button_twice_changes_nothing(client, db):
    subscriber = SubscriberFactory(email="twice@example.org", status=Subscriber.Status.PENDING)
    url = f"/en/newsletter/confirm/{tokens.confirmation_token(subscriber)}/"
    client.post(url)
    confirmed_at = Subscriber.objects.get().confirmed_at
    response = client.post(url)
    assert response.status_code == 200
    assert "already confirmed" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at == confirmed_at
    assert subscriber.events.filter(kind="confirmed").count() == 1


def test_expired_confirmation_link_is_refused(client, db, monkeypatch):
    subscriber = SubscriberFactory(email="late@example.org", status=Subscriber.Status.PENDING)
    eight_days_ago = int(timezone.now().timestamp()) - 8 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
    )
    token = tokens.confirmation_token(subscriber)
    monkeypatch.undo()
    response = client.post(f"/fr/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t: "9" + t,
        lambda t: "garbage",
    ],
)
def test_tampered_confirmation_link_is_refused(client, db, mangle):
    subscriber = SubscriberFactory(email="tamper@example.org", status=Subscriber.Status.PENDING)
    response = client.post(
        f"/nl/newsletter/confirm/{mangle(tokens.confirmation_token(subscriber))}/"
    )
    assert response.status_code == 400
    assert "Deze link is niet geldig" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_confirmation_link_after_unsubscribing_does_not_resubscribe(client, db):
    subscriber = SubscriberFactory(email="left@example.org", status=Subscriber.Status.PENDING)
    token = tokens.confirmation_token(subscriber)
    client.post(f"/en/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/")
    response = client.post(f"/en/newsletter/confirm/{token}/")
    assert "no longer valid" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_opening_the_confirmation_link_shows_one_button_and_changes_nothing(client, db):
    subscriber = SubscriberFactory(email="scanned@example.org", status=Subscriber.Status.PENDING)
    url = f"/nl/newsletter/confirm/{tokens.confirmation_token(subscriber)}/"
    response = client.get(url)
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert f'<form method="post" action="{url}">' in main
    assert main.count("<button") == 1
    assert "Mijn abonnement bevestigen" in main
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert not subscriber.events.filter(kind="confirmed").exists()


def test_confirmation_button_works_without_cookies_or_csrf_token(db):
    subscriber = SubscriberFactory(email="nocookie@example.org", status=Subscriber.Status.PENDING)
    url = f"/en/newsletter/confirm/{tokens.confirmation_token(subscriber)}/"
    response = Client(enforce_csrf_checks=True).post(url)
    assert "your subscription is confirmed" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_confirmation_button_pressed_on_another_site_is_refused(client, db):
    subscriber = SubscriberFactory(email="elsewhere@example.org", status=Subscriber.Status.PENDING)
    url = f"/en/newsletter/confirm/{tokens.confirmation_token(subscriber)}/"
    response = client.post(
        url, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_unsubscribe_page_shows_one_button_and_changes_nothing(client, db):
    subscriber = SubscriberFactory(email="keep@example.org")
    url = f"/fr/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    page = client.get(url)
    main = page.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert f'<form method="post" action="{url}">' in main
    assert main.count("<button") == 1
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    response = client.post(url)
    assert response.status_code == 200
    assert "Vous êtes désabonné" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.events.get(kind="unsubscribed").details == "unsubscribe page"


@pytest.mark.database
def test_unsubscribing_twice_records_it_once(client, db):
    subscriber = SubscriberFactory(email="again@example.org")
    url = f"/en/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    client.post(url)
    client.post(url)
    assert "already unsubscribed" in client.get(url).content.decode()
    assert subscriber.events.filter(kind="unsubscribed").count() == 1


def test_tampered_unsubscribe_link_is_refused(client, db):
    subscriber = SubscriberFactory(email="safe@example.org")
    token = tokens.unsubscribe_token(subscriber)
    for bad in [token + "x", "1.abc:def", "%00"]:
        assert client.post(f"/en/newsletter/unsubscribe/{bad}/").status_code in {400, 404}
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_confirmation_token_does_not_unsubscribe(client, db):
    subscriber = SubscriberFactory(email="salt@example.org")
    token = tokens.confirmation_token(subscriber)
    assert client.post(f"/en/newsletter/unsubscribe/{token}/").status_code == 400
