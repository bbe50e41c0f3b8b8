import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command


def row_counts():
    """Rows of the content; not of its history, which records each run of loaddemo."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"efus_conf", "speakers", "programme", "newsletter"}
        and not model._meta.object_name.startswith("Historical")
    }


# On PostgreSQL too: it enforces every text's length, which SQLite does not, and locks the
# rows update_or_create changes a second time (select_for_update, a no-op on SQLite).
@pytest.mark.database
@pytest.mark.django_db
def test_loaddemo_is_idempotent():
    call_command("loaddemo", stdout=io.StringIO())
    first = row_counts()
    call_command("loaddemo", stdout=io.StringIO())
    assert row_counts() == first
    assert first["efus_conf.Conference"] == 1


@pytest.mark.django_db
def test_loaddemo_fills_every_language():
    from efus_conf.conference.models import Conference

    call_command("loaddemo", stdout=io.StringIO())
    conference = Conference.objects.current()
    assert conference.tagline_en == "Cities at the heart of tomorrow's security"
    assert conference.tagline_fr and conference.tagline_nl


@pytest.mark.django_db
def test_loaddemo_rejects_a_negative_scale():
    with pytest.raises(CommandError):
        call_command("loaddemo", "--scale", "-1", stdout=io.StringIO())
