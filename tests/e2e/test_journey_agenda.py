"""A personal agenda: stars kept in the browser, listed on My agenda, exported as .ics."""

import icalendar
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

STARRED = {
    "opening-plenary": "Opening plenary: cities at the heart of tomorrow's security",
    "plenary-drugs": "Plenary: cities facing drugs and trafficking",
    "evaluating-prevention-policies": "Evaluating prevention policies",
}


def star(page, slug):
    return page.locator(f'.session-card [data-agenda-slug="{slug}"]')


def test_starred_sessions_stay_starred_and_export_to_a_calendar(site, page):
    page.goto(f"{site}/en/programme/")
    for title in STARRED.values():
        button = page.get_by_role("button", name=f"Keep “{title}” in my agenda")
        expect(button).to_have_attribute("aria-pressed", "false")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")

    page.reload()
    for slug in STARRED:
        expect(star(page, slug)).to_have_attribute("aria-pressed", "true")
    expect(page.locator('.session-card [aria-pressed="true"]')).to_have_count(len(STARRED))

    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")
    listed = page.locator(".agenda__item:visible .agenda__what a")
    expect(listed).to_have_text(list(STARRED.values()))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export my agenda to my calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as exported:
        calendar = icalendar.Calendar.from_ical(exported.read())
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert sorted(str(event["SUMMARY"]) for event in events) == sorted(STARRED.values())


def test_agenda_says_in_words_which_starred_sessions_clash(site, page):
    page.goto(f"{site}/fr/programme/agenda/")
    page.evaluate(
        "(slugs) => localStorage.setItem('efus-conf:agenda', JSON.stringify(slugs))",
        ["opening-plenary", "local-strategies-drug-violence", "ports-logistics-organised-crime"],
    )
    page.reload()
    expect(page.locator("[data-agenda-clashes]")).to_be_visible()
    drugs = page.locator('[data-agenda-item="local-strategies-drug-violence"]')
    expect(drugs.locator("[data-agenda-clash]")).to_have_text(
        "Conflit : en même temps que Ports, plateformes logistiques et criminalité organisée"
    )
    expect(page.locator('[data-agenda-item="opening-plenary"] [data-agenda-clash]')).to_be_hidden()

    drugs.get_by_role("button").click()  # unstarred: no clash left
    expect(page.locator("[data-agenda-clashes]")).to_be_hidden()
    expect(page.locator(".agenda__item--clash")).to_have_count(0)
