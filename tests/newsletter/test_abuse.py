"""Honeypot, rate limits and invalid input."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from efus_conf.settings import parse_rate
from newsletter.models import Mail, Subscriber
from tests.newsletter.submissions import form_data
from tests.support.fresh_interpreter import run_django


def test_honeypot_shows_the_usual_page_and_stores_nothing(client, db):
    response = client.post("/en/newsletter/", form_data("bot@example.org", website="http://spam"))
    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/check-your-inbox/"
    assert not Subscriber.objects.exists()
    assert not Mail.objects.exists()


def test_honeypot_is_hidden_from_people(client, db):
    html = client.get("/en/newsletter/").content.decode()
    trap = html.split('class="newsletter-form__trap"', 1)[1].split("</div>", 1)[0]
    assert 'aria-hidden="true"' in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap


def test_invalid_email_gets_a_message_in_the_page_language_and_keeps_the_input(client, db):
    response = client.post(
        "/fr/newsletter/", form_data("pas-une-adresse", "fr", name="Camille Martin")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ceci ne ressemble pas à une adresse e-mail" in html
    assert 'value="pas-une-adresse"' in html
    assert 'value="Camille Martin"' in html
    assert 'aria-invalid="true"' in html
    assert not Subscriber.objects.exists()


def test_footer_form_without_consent_is_shown_again_with_the_reason(client, db):
    data = form_data("noconsent@example.org", "nl", source="/nl/speakers/")
    del data["consent"]
    html = client.post("/nl/newsletter/", data).content.decode()
    assert "Vink het vakje aan" in html
    assert 'value="noconsent@example.org"' in html
    assert 'value="/nl/speakers/"' in html


@pytest.mark.parametrize(
    ("language", "title", "heading", "consent"),
    [
        ("en", "Error: Newsletter", "Please correct the following:", "Please tick the box"),
        (
            "fr",
            "Erreur : Lettre d",
            "Veuillez corriger les points suivants :",
            "Veuillez cocher la case",
        ),
        ("nl", "Fout: Nieuwsbrief", "Verbeter het volgende:", "Vink het vakje aan"),
    ],
)
def test_errors_are_summed_up_above_the_form_with_links_to_their_fields(
    client, db, language, title, heading, consent
):
    html = client.post(f"/{language}/newsletter/", {"email": "", "language": "de"}).content
    summary = html.decode().split("data-error-summary>", 1)[1].split("</div>", 1)[0]
    assert f"<title>{title}" in html.decode()
    assert heading in summary
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [field for field, _message in links] == ["id_email", "id_language", "id_consent"]
    assert consent in links[-1][1]


def test_a_refusal_without_field_errors_is_summed_up_without_a_list(client, db, settings):
    settings.NEWSLETTER_RATE_LIMIT = parse_rate("NEWSLETTER_RATE_LIMIT", "1/m")
    client.post("/en/newsletter/", form_data("one@example.org"))
    html = client.post("/en/newsletter/", form_data("two@example.org")).content.decode()
    summary = html.split("data-error-summary>", 1)[1].split("</div>", 1)[0]
    assert "Too many subscription requests" in summary
    assert "Please correct" not in summary and "<a " not in summary


def test_foreign_source_is_not_recorded_as_the_consent_page(client, db):
    client.post("/en/newsletter/", form_data("src@example.org", source="https://evil.example/"))
    assert Subscriber.objects.get().consent_page == "/en/newsletter/"


# The limits are counted in rows written concurrently (a unique window, retried on IntegrityError).
@pytest.mark.database
def test_one_address_gets_at_most_three_mails_an_hour(client, db, settings):
    settings.NEWSLETTER_RATE_LIMIT = None
    for _attempt in range(3):
        assert client.post("/en/newsletter/", form_data("flood@example.org")).status_code == 302
    response = client.post("/en/newsletter/", form_data("FLOOD@example.org"))
    assert response.status_code == 429
    assert "Too many subscription requests" in response.content.decode()
    assert 'value="FLOOD@example.org"' in response.content.decode()
    assert Mail.objects.count() == 3


@pytest.mark.database
def test_one_client_is_limited_by_the_configured_rate(client, db, settings):
    settings.NEWSLETTER_RATE_LIMIT = parse_rate("NEWSLETTER_RATE_LIMIT", "2/m")
    assert client.post("/fr/newsletter/", form_data("one@example.org", "fr")).status_code == 302
    assert client.post("/fr/newsletter/", form_data("two@example.org", "fr")).status_code == 302
    response = client.post("/fr/newsletter/", form_data("three@example.org", "fr"))
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    other_client = client.post(
        "/fr/newsletter/", form_data("three@example.org", "fr"), REMOTE_ADDR="192.0.2.7"
    )
    assert other_client.status_code == 302
    assert Subscriber.objects.count() == 3


def test_client_limit_off_lets_everything_through(client, db, settings):
    settings.NEWSLETTER_RATE_LIMIT = parse_rate("NEWSLETTER_RATE_LIMIT", "off")
    for number in range(12):
        assert (
            client.post("/en/newsletter/", form_data(f"n{number}@example.org")).status_code == 302
        )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5/h", (5, 3600)), ("10/m", (10, 60)), ("100/d", (100, 86400)), (" OFF ", None)],
)
def test_rate_limit_setting_is_parsed(value, expected):
    assert parse_rate("NEWSLETTER_RATE_LIMIT", value) == expected


@pytest.mark.parametrize("value", ["", "5", "0/h", "-1/h", "5/week", "five/h", "5/h/2"])
def test_bad_rate_limit_setting_is_refused_clearly(value):
    with pytest.raises(ImproperlyConfigured, match="NEWSLETTER_RATE_LIMIT"):
        parse_rate("NEWSLETTER_RATE_LIMIT", value)


def test_site_refuses_to_start_with_a_bad_rate_limit():
    result = run_django({"DJANGO_DEBUG": "1", "NEWSLETTER_RATE_LIMIT": "lots"}, "check")
    assert result.returncode != 0
    assert "NEWSLETTER_RATE_LIMIT='lots' is not a rate" in result.stderr
