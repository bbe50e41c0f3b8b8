"""The programme on a 375 × 812 phone, in every language: a short header, folded filters,
every day in the day bar, and after filtering the page opens at the results.

Each test saves what it measured as a screenshot in var/screenshots/.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import LANGUAGES

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}
FILTERS = {"en": "Filters", "fr": "Filtres", "nl": "Filters"}
SHOW = {"en": "Show sessions", "fr": "Afficher les sessions", "nl": "Sessies tonen"}


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_takes_at_most_a_fifth_of_a_phone_screen(site, phone, screenshots, language):
    phone.goto(f"{site}/{language}/programme/")
    phone.screenshot(path=screenshots / f"phone-programme-{language}.png")
    height = phone.locator(".site-header").bounding_box()["height"]
    assert height <= PHONE["height"] / 5, f"{height} px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_day_bar_shows_every_day_whole_on_a_phone(site, phone, screenshots, language):
    phone.goto(f"{site}/{language}/programme/")
    bar = phone.get_by_role(
        "navigation", name={"en": "Days", "fr": "Jours", "nl": "Dagen"}[language]
    )
    bar.scroll_into_view_if_needed()
    phone.screenshot(path=screenshots / f"phone-day-bar-{language}.png")
    days = bar.get_by_role("link")
    expect(days).to_have_count(3)
    for index in range(3):
        day = days.nth(index)
        box = day.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], day.inner_text()
        # Nothing cut off: the label fits in its box.
        assert day.evaluate("a => a.scrollWidth <= a.clientWidth"), day.inner_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_fold_into_one_line_that_counts_the_active_ones(site, phone, language):
    phone.goto(f"{site}/{language}/programme/?day=2024-03-22&track=prevention")
    summary = phone.locator(".programme-filters summary")
    expect(summary).to_contain_text(FILTERS[language])
    expect(summary).to_contain_text("2")
    expect(phone.locator(".programme-filters select").first).to_be_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_filtering_the_page_opens_at_the_count_of_results(site, phone, screenshots, language):
    phone.emulate_media(reduced_motion="reduce")  # Jumps to #results, without scrolling.
    phone.goto(f"{site}/{language}/programme/")
    phone.locator(".programme-filters summary").click()
    phone.locator("#id_format").select_option("plenary")
    phone.get_by_role("button", name=SHOW[language]).click()
    count = phone.get_by_role("status")
    expect(count).to_have_text(
        {"en": "4 sessions", "fr": "4 sessions", "nl": "4 sessies"}[language]
    )
    expect(count).to_be_in_viewport()
    assert count.bounding_box()["y"] < 50  # at the top of the screen, the form above it
    phone.screenshot(path=screenshots / f"phone-filtered-{language}.png")
    # The first session card shows on the same screen.
    expect(phone.locator(".session-card").first).to_be_in_viewport()
