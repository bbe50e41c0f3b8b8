"""A production database right after `migrate`: no conference yet, only the privacy notice."""

import pytest

from efus_conf.conference.models import Conference

PUBLIC_PAGES = [
    "",
    "speakers/",
    "programme/",
    "programme/now/",
    "programme/agenda/",
    "programme/agenda.ics",
    "programme/schedule.ics",
    "newsletter/",
    "newsletter/check-your-inbox/",
]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_privacy_notice_shows_before_any_conference_is_entered(client, migrated_data, language):
    """Its page template read the conference's tagline as a filter argument: a 500 without one."""
    assert not Conference.objects.exists()
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    assert "CNIL" in response.content.decode()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_answer_before_any_conference_is_entered(client, db, path):
    assert client.get(f"/en/{path}").status_code == 200
