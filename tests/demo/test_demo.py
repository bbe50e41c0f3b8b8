import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from efus_conf.conference.models import Conference, Page
from efus_conf.demo.factories import SpeakerFactory
from newsletter.services import PRIVACY_PAGE_SLUG


def row_counts():
    """Rows of the content; not of its history, which records each run of loaddemo."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"efus_conf", "speakers", "programme", "newsletter"}
        and not model._meta.object_name.startswith("Historical")
    }


def loaddemo(*args):
    """Runs loaddemo; returns what it said."""
    output = io.StringIO()
    call_command("loaddemo", *args, stdout=output)
    return output.getvalue()


# On PostgreSQL too: it enforces every text's length, which SQLite does not.
@pytest.mark.database
@pytest.mark.django_db
def test_loaddemo_fills_an_empty_database():
    assert "Demo conference loaded." in loaddemo()
    assert row_counts()["efus_conf.Conference"] == 1


@pytest.mark.django_db
def test_loaddemo_fills_every_language():
    loaddemo()
    conference = Conference.objects.current()
    assert conference.tagline_en == "Cities at the heart of tomorrow's security"
    assert conference.tagline_fr and conference.tagline_nl


def test_loaddemo_again_says_so_and_keeps_the_organisers_edits(demo):
    Conference.objects.update(tagline_en="Our own tagline")
    before = row_counts()
    said = loaddemo()
    assert "The demo was not loaded: the database already holds 1 conference, " in said
    assert "33 speakers" in said
    assert row_counts() == before
    assert Conference.objects.get().tagline_en == "Our own tagline"


@pytest.mark.django_db
def test_loaddemo_adds_nothing_beside_an_organisers_own_content():
    SpeakerFactory(slug="willy-demeyer", role_en="Our own words")
    said = loaddemo()
    assert "already holds 1 speaker." in said
    assert row_counts()["speakers.Speaker"] == 1
    assert not Conference.objects.exists()


@pytest.mark.django_db
def test_the_privacy_notice_the_migrations_wrote_leaves_the_database_empty_and_is_kept(
    migrated_data,
):
    Page.objects.filter(slug=PRIVACY_PAGE_SLUG).update(title_en="Our privacy notice")
    assert "Demo conference loaded." in loaddemo()
    assert Page.objects.get(slug=PRIVACY_PAGE_SLUG).title_en == "Our privacy notice"


@pytest.mark.django_db
def test_loaddemo_rejects_a_negative_scale():
    with pytest.raises(CommandError):
        loaddemo("--scale", "-1")
