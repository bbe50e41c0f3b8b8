"""Content history: who changed what, language by language, and restoring an earlier version."""

import pytest

from efus_conf.demo.factories import SessionFactory
from programme.models import Session, SessionChange
from tests.support.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    return SessionFactory(title_en="Cities and drugs", title_fr="Villes et drogues")


def edit(client, session, **values):
    url = f"/admin/programme/session/{session.pk}/change/"
    data = change_form_data(client.get(url).content.decode(), "session", **values)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_change_records_who_and_which_language_changed(client, editor, session):
    client.force_login(editor)
    edit(client, session, title_fr="Les villes face aux drogues")
    latest = session.history.latest()
    assert latest.history_user == editor
    delta = latest.diff_against(latest.prev_record, included_fields=["title_en", "title_fr"])
    assert [(change.field, change.old, change.new) for change in delta.changes] == [
        ("title_fr", "Villes et drogues", "Les villes face aux drogues")
    ]


def test_history_page_shows_the_field_and_language_that_changed(client, editor, session):
    client.force_login(editor)
    edit(client, session, title_fr="Les villes face aux drogues")
    html = client.get(f"/admin/programme/session/{session.pk}/history/").content.decode()
    changes = html[html.index("<ul>", html.index('id="change-history"')) :]
    changes = changes[: changes.index("</ul>")]
    assert "Title [fr]:" in changes
    assert "Villes et drogues" in changes and "Les villes face aux drogues" in changes
    # Texts the factory left empty (NULL) and the form saved as "" are not a change.
    assert "[nl]" not in changes


def test_restoring_a_version_brings_back_every_language(client, editor, session):
    client.force_login(editor)
    first = session.history.earliest()
    edit(client, session, title_en="Wrong title", title_fr="Mauvais titre")
    url = f"/admin/programme/session/{session.pk}/history/{first.history_id}/"
    data = change_form_data(client.get(url).content.decode(), "historicalsession")
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert (session.title_en, session.title_fr) == ("Cities and drugs", "Villes et drogues")
    assert session.history.latest().history_user == editor


def test_communications_cannot_see_or_restore_content_history(client, communications, session):
    client.force_login(communications)
    first = session.history.earliest()
    base = f"/admin/programme/session/{session.pk}/history/"
    assert client.get(base).status_code == 403
    assert client.post(f"{base}{first.history_id}/", {"title_en": "x"}).status_code == 403


def test_subscribers_are_not_in_the_content_history():
    from simple_history.models import registered_models

    assert {model._meta.app_label for model in registered_models.values()} == {
        "efus_conf",
        "speakers",
        "programme",
    }


def test_every_content_model_is_in_the_history(client, superuser):
    from django.contrib import admin

    client.force_login(superuser)
    for model in admin.site._registry:
        # Programme changes are themselves a record of changes, read-only in the admin.
        if model._meta.app_label in {"efus_conf", "speakers", "programme"} and (
            model is not SessionChange
        ):
            assert hasattr(model, "history"), model
    assert Session.history.model.__name__ == "HistoricalSession"
