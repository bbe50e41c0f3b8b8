"""An attendee finds a session and its speaker, with a mouse and with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import tab_until

pytestmark = pytest.mark.e2e

SESSION_PATH = "/fr/programme/evaluating-prevention-policies/"
SESSION_TITLE = "Évaluer les politiques de prévention"
SPEAKER_PATH = "/fr/speakers/lukas-brennwald/"
FILTERED = re.compile(r"/fr/programme/\?q=&day=2024-03-22&track=prevention&.*#results$")


def expect_filtered_programme(page):
    expect(page).to_have_url(FILTERED)
    titles = page.locator(".session-card__title")
    expect(titles.filter(has_text=SESSION_TITLE)).to_have_count(1)
    # Only Friday's prevention sessions are left.
    expect(page.locator(".programme-day")).to_have_count(1)
    expect(page.get_by_role("heading", level=2, name="Vendredi 22 mars 2024")).to_be_visible()
    expect(titles).to_have_count(4)


def test_attendee_finds_a_session_and_its_speaker_in_french(site, page):
    page.goto(f"{site}/en/")
    page.get_by_role("navigation", name="Choose a language").get_by_role(
        "link", name="français"
    ).click()
    expect(page).to_have_url(f"{site}/fr/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Programme"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")

    page.get_by_text("Filtres : jour, thème, format, langue").click()
    page.get_by_label("Jour", exact=True).select_option("2024-03-22")
    page.get_by_label("Thème", exact=True).select_option("prevention")
    page.get_by_role("button", name="Afficher les sessions").click()
    expect_filtered_programme(page)

    page.get_by_role("link", name=SESSION_TITLE).click()
    expect(page).to_have_url(site + SESSION_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(SESSION_TITLE)

    page.get_by_role("link", name="Lukas Brennwald").click()
    expect(page).to_have_url(site + SPEAKER_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lukas Brennwald")

    page.go_back()
    expect(page).to_have_url(site + SESSION_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(SESSION_TITLE)


def choose_with_arrows(page, value, *, limit=20):
    """Move through a focused <select> with the arrow key until `value` is chosen."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value!r} not reached with the arrow key")


def test_attendee_journey_by_keyboard_alone(site, page):
    page.goto(f"{site}/en/")
    tab_until(page, lambda stop: stop["text"] == "français")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/fr/")

    tab_until(page, lambda stop: stop["href"] == "/fr/programme/")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")

    tab_until(page, lambda stop: stop["text"].startswith("Filtres"))
    page.keyboard.press("Enter")
    tab_until(page, lambda stop: stop["id"] == "id_day")
    choose_with_arrows(page, "2024-03-22")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Thème", exact=True)).to_be_focused()
    choose_with_arrows(page, "prevention")
    tab_until(page, lambda stop: stop["text"] == "Afficher les sessions")
    page.keyboard.press("Space")
    expect_filtered_programme(page)

    tab_until(page, lambda stop: stop["href"] == SESSION_PATH, limit=80)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(SESSION_TITLE)

    tab_until(page, lambda stop: stop["href"] == SPEAKER_PATH, limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lukas Brennwald")

    # Back to the session by the speaker's own list of sessions.
    tab_until(page, lambda stop: stop["href"] == SESSION_PATH, limit=60)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + SESSION_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(SESSION_TITLE)
