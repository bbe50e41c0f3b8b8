"""A form refused by the CSRF check (a page left open too long, cookies refused): a clear
message in the visitor's language on the site's own page, and nothing typed is lost."""

import pytest
from django.test import Client
from django.utils.html import escape

from newsletter.models import Subscriber
from tests.newsletter.conftest import form_data

EXPIRED = {
    "en": "Your subscription was not sent",
    "fr": "Votre inscription n'a pas été envoyée",
    "nl": "Uw inschrijving is niet verzonden",
}
REFUSED_PAGE = {
    "en": "The form could not be sent",
    "fr": "Le formulaire n'a pas pu être envoyé",
    "nl": "Het formulier kon niet worden verzonden",
}


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_subscription_without_a_valid_token_comes_back_filled_in(db, language):
    visitor = Client(enforce_csrf_checks=True)
    data = {**form_data("ana@example.org", language), "name": "Ana Fictional"}
    response = visitor.post(f"/{language}/newsletter/", data)
    html = response.content.decode()
    assert response.status_code == 403
    assert escape(EXPIRED[language]) in html
    assert 'value="ana@example.org"' in html
    assert 'value="Ana Fictional"' in html
    assert not Subscriber.objects.exists()


def test_the_form_that_comes_back_can_be_sent_as_it_is(db):
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.post("/en/newsletter/", form_data("ana@example.org")).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = visitor.post(
        "/en/newsletter/", {**form_data("ana@example.org"), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="ana@example.org").exists()


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_other_forms_refused_by_the_check_get_the_site_s_page(db, language):
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert REFUSED_PAGE[language] in html
    assert 'class="site-header"' in html
