"""Structure a screen reader relies on, on every page type: landmarks and headings."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import LANGUAGES, PUBLIC_PAGES, visit

pytestmark = pytest.mark.e2e

HEADING_LEVELS = """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
  .filter((heading) => heading.getClientRects().length > 0)
  .map((heading) => Number(heading.tagName[1]))"""


def test_every_page_has_one_h1_first_and_no_skipped_heading_level(site, page):
    for name in PUBLIC_PAGES:
        visit(page, site, name, "en")
        levels = page.evaluate(HEADING_LEVELS)
        assert levels.count(1) == 1 and levels[0] == 1, (name, levels)
        for previous, level in zip(levels, levels[1:], strict=False):
            assert level <= previous + 1, (name, levels)


def test_every_page_has_banner_navigation_main_and_footer_landmarks(site, page):
    for name in PUBLIC_PAGES:
        visit(page, site, name, "en")
        expect(page.get_by_role("banner")).to_have_count(1)
        expect(page.get_by_role("main")).to_have_count(1)
        expect(page.get_by_role("contentinfo")).to_have_count(1)
        expect(page.get_by_role("navigation", name="Main navigation")).to_have_count(1)
        expect(page.get_by_role("navigation", name="Choose a language")).to_have_count(1)


def test_no_page_scrolls_sideways_on_a_320_px_screen(site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    for language in LANGUAGES:
        for name in PUBLIC_PAGES:
            url = visit(page, site, name, language)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (url, width)


def test_smooth_scrolling_respects_reduced_motion(site, page):
    behaviour = "getComputedStyle(document.documentElement).scrollBehavior"
    page.goto(f"{site}/en/")
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(behaviour) == "smooth"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(behaviour) == "auto"


def test_print_hides_navigation_and_footer_and_shows_link_addresses(site, page):
    from efus_conf.conference.models import Page

    Page.objects.filter(slug="practical-information").update(
        body_en='<p>Travel tips on <a href="https://efus.eu/">the Efus website</a>.</p>'
    )
    page.emulate_media(media="print")
    page.goto(f"{site}/en/practical-information/")
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    link = page.get_by_role("link", name="the Efus website")
    assert link.evaluate("(link) => getComputedStyle(link, '::after').content") == (
        '" (https://efus.eu/)"'
    )


def test_programme_reads_as_days_of_time_slots_each_listing_its_sessions(site, page):
    page.goto(f"{site}/en/programme/")
    day = page.get_by_role("region", name="Wednesday 20 March 2024")
    slot = day.get_by_role("region", name="11:30–12:45")
    sessions = slot.get_by_role("list").get_by_role("listitem")
    expect(sessions).to_have_count(3)
    expect(sessions.first.get_by_role("heading", level=4)).to_have_text(
        "Pitch session: innovations in prevention"
    )


def test_newsletter_errors_are_read_out_with_their_fields(site, page):
    visit(page, site, "newsletter-errors", "fr")
    email = page.get_by_role("textbox", name="Adresse e-mail")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description("Veuillez indiquer votre adresse e-mail.")
    consent = page.get_by_role("main").get_by_role("checkbox")
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(consent).to_have_accessible_description(re.compile("^Veuillez cocher la case"))
