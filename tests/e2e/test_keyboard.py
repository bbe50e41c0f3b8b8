"""A keyboard-only visitor: skip link, header navigation, language switcher."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import focused, tab_until

pytestmark = pytest.mark.e2e


def test_first_tab_shows_the_skip_link_and_enter_moves_focus_to_main(site, page):
    page.goto(f"{site}/en/about-efus/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Go to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues after the start of the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => Boolean(document.getElementById("main").compareDocumentPosition(
          document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"""
    )


def test_skip_link_is_hidden_until_focused(site, page):
    page.goto(f"{site}/en/")
    expect(page.get_by_role("link", name="Go to main content")).not_to_be_in_viewport()


def test_keyboard_reaches_the_navigation_and_switches_to_french(site, page):
    page.goto(f"{site}/en/about-efus/")
    stops = tab_until(page, lambda stop: stop["text"] == "français")
    texts = [stop["text"] for stop in stops]
    assert texts.index("Go to main content") < texts.index("Speakers")
    assert texts.index("Speakers") < texts.index("About Efus") < texts.index("English")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/about-efus/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("À propos de l'Efus")


def test_footer_links_show_their_focus_on_the_dark_background(site, page):
    page.goto(f"{site}/en/")
    tab_until(page, lambda stop: stop["href"] == "mailto:conference@efus.eu")
    colour = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert colour == "rgb(245, 183, 0)", colour
    assert focused(page)["outline"]


def test_a_refused_form_puts_the_focus_on_its_errors_and_each_leads_to_its_field(site, page):
    page.goto(f"{site}/nl/newsletter/")
    page.locator("main").get_by_role("button", name="Abonneren").press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("E-mailadres")).to_be_focused()


def test_keyboard_searches_the_programme_and_lands_on_the_results(site, page):
    page.goto(f"{site}/fr/programme/")
    tab_until(page, lambda stop: stop["id"] == "id_q")
    page.keyboard.type("securite")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=securite.*#results$"))
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d+ sessions?$"))
    titles = page.locator(".session-card__title")
    expect(titles.first).to_contain_text(re.compile("sécurité", re.IGNORECASE))


def test_keyboard_opens_the_folded_filters_and_reaches_every_one(site, page):
    page.goto(f"{site}/nl/programme/")
    tab_until(page, lambda stop: stop["text"].startswith("Filters"))
    expect(page.get_by_label("Dag", exact=True)).to_be_hidden()
    page.keyboard.press("Enter")
    stops = tab_until(page, lambda stop: stop["text"] == "Sessies tonen")
    assert [stop["id"] for stop in stops[:4]] == ["id_day", "id_track", "id_format", "id_language"]
