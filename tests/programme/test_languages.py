import pytest
from django.core.exceptions import ValidationError

from efus_conf.demo.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_card_names_the_interpretation_languages(client):
    SessionFactory(language="fr", interpretation=["en", "nl"])
    html = client.get("/en/programme/").content.decode()
    assert "interpreted into EN, NL" in html


def test_card_names_the_interpretation_languages_in_the_page_language(client):
    SessionFactory(language="fr", interpretation=["en", "nl"])
    html = client.get("/nl/programme/").content.decode()
    assert "getolkt naar EN, NL" in html


def test_card_without_interpretation_names_only_the_spoken_language(client):
    SessionFactory(language="fr", interpretation=[])
    html = client.get("/en/programme/").content.decode()
    assert "interpreted into" not in html


def test_session_page_names_the_interpretation_languages_in_full(client):
    session = SessionFactory(language="en", interpretation=["fr", "nl"])
    html = client.get(f"/fr/programme/{session.slug}/").content.decode()
    assert "Interprétation : Français, Néerlandais" in html


def test_spoken_language_cannot_also_be_an_interpretation_language():
    session = SessionFactory.build(language="en", interpretation=["en", "fr"])
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert list(error.value.message_dict) == ["interpretation"]


def test_demo_sessions_never_interpret_their_spoken_language(demo):
    from programme.models import Session

    for session in Session.objects.all():
        assert session.language not in session.interpretation, session.slug
