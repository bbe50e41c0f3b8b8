"""The newsletter's forms are on public pages, the same for every visitor, so they carry no
token: a form sent from another site is refused by where the browser says it comes from
(Sec-Fetch-Site, then Origin), on the site's own page in the visitor's language."""

import pytest
from django.test import Client

from newsletter.models import Subscriber
from tests.newsletter.submissions import form_data

REFUSED_PAGE = {
    "en": "The form could not be sent",
    "fr": "Le formulaire n'a pas pu être envoyé",
    "nl": "Het formulier kon niet worden verzonden",
}


def post(language="en", **headers):
    return Client(enforce_csrf_checks=True).post(
        f"/{language}/newsletter/", form_data("ana@example.org", language), headers=headers
    )


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_a_form_sent_from_another_site_is_refused_on_the_site_s_page(db, smtp, language):
    response = post(language, sec_fetch_site="cross-site", origin="https://evil.example")
    assert response.status_code == 403
    html = response.content.decode()
    assert REFUSED_PAGE[language] in html
    assert 'class="site-header"' in html
    assert "private" in response["Cache-Control"]
    assert not Subscriber.objects.exists()
    assert not smtp.messages


def test_a_form_sent_from_a_sibling_subdomain_is_refused(db):
    response = post(sec_fetch_site="same-site", origin="https://other.testserver")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_a_form_sent_from_the_site_itself_needs_no_token_nor_cookie(db, smtp):
    response = post(sec_fetch_site="same-origin", origin="http://testserver")
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ana@example.org").exists()


def test_without_fetch_metadata_a_foreign_origin_is_refused(db):
    assert post(origin="https://evil.example").status_code == 403
    assert not Subscriber.objects.exists()


def test_without_fetch_metadata_the_site_s_own_origin_is_accepted(db, smtp):
    assert post(origin="http://testserver").status_code == 302


def test_a_trusted_origin_may_send_the_form(db, smtp, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.efus.eu"]
    assert post(sec_fetch_site="cross-site", origin="https://www.efus.eu").status_code == 302


def test_a_client_that_is_not_a_browser_may_send_the_form(db, smtp):
    """No Sec-Fetch-Site and no Origin: nothing another site's page could have sent."""
    assert post().status_code == 302


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_other_forms_keep_the_token_check_and_its_page(db, language):
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert REFUSED_PAGE[language] in html
    assert 'class="site-header"' in html
