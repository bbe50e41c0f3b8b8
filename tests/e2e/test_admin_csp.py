"""The admin, its language tabs and the public pages work under the strict CSP in Chromium."""

import contextlib

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@contextlib.contextmanager
def recording_page(browser, **context_args):
    """A page in the session's Chromium that records failed requests and CSP reports, for
    an organiser abroad (the admin's notes about time zones show)."""
    with browser.new_context(timezone_id="America/New_York", **context_args) as context:
        page = context.new_page()
        failures = []
        # Lazy images still loading when the test moves on are aborted: not a failure.
        page.on(
            "requestfailed",
            lambda request: (
                failures.append(request.url) if "ERR_ABORTED" not in request.failure else None
            ),
        )
        page.on(
            "response",
            lambda response: failures.append(response.url) if response.status >= 400 else None,
        )
        page.failures = failures
        violations = []
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.violations = violations
        yield page


@pytest.fixture
def browser_page(browser):
    with recording_page(browser) as page:
        yield page


@pytest.fixture(scope="module")
def organiser_session(production_site, browser):
    """The cookies of the demo's organiser, signed in once for the module: a sign-in hashes
    the password, which takes the production hasher most of a second."""
    with recording_page(browser) as page:
        page.goto(f"{production_site}/admin/login/?next=/admin/")
        page.fill("#id_username", "organiser")
        page.fill("#id_password", "pw-123456!")
        page.click("input[type=submit]")
        page.wait_for_url(f"{production_site}/admin/")
        return page.context.storage_state()


@pytest.fixture
def admin_page(browser, organiser_session):
    """A recording page in a context of its own, signed in to the admin as the organiser."""
    with recording_page(browser, storage_state=organiser_session) as page:
        yield page


def test_admin_and_its_language_tabs_work_without_csp_violations(production_site, admin_page):
    page = admin_page
    page.goto(f"{production_site}/admin/efus_conf/conference/")
    page.click("#result_list tbody a")
    page.wait_for_selector(".ui-tabs-nav")
    page.click("a[href='#tab_id_tagline_fr']")
    assert page.locator("#id_tagline_fr").is_visible()
    assert not page.locator("#id_tagline_en").is_visible()
    assert page.violations == []
    assert page.failures == []


def test_session_speaker_search_works_without_csp_violations(production_site, admin_page):
    page = admin_page
    page.goto(f"{production_site}/admin/programme/session/")
    page.click("#result_list tbody th a")
    page.locator(".dynamic-people .select2").last.click()
    page.locator(".select2-search__field").fill("a")
    expect(page.locator(".select2-results__option").first).to_contain_text("a")
    assert page.violations == []
    assert page.failures == []


def test_date_pickers_open_on_the_conference_month_and_the_time_zone_is_said_once(
    production_site, admin_page
):
    page = admin_page
    page.goto(f"{production_site}/admin/programme/session/add/")
    expect(page.locator(".timezonewarning")).to_have_count(1)
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0 caption")).to_have_text("March 2024")
    page.goto(f"{production_site}/admin/efus_conf/conference/")
    page.click("#result_list tbody a")
    page.wait_for_selector("#id_start_date")
    # Date-only fields have no time to convert: no note beside them; the registration's
    # opening and closing times get it, once.
    expect(page.locator("[class*='field-start_date'] .timezonewarning")).to_have_count(0)
    expect(page.locator("[class*='field-end_date'] .timezonewarning")).to_have_count(0)
    expect(page.locator(".timezonewarning")).to_have_count(1)
    assert page.violations == []
    assert page.failures == []


@pytest.mark.parametrize(
    "path",
    [
        "/admin/translations/?language=nl",
        "/admin/programme/session/import-schedule/",
        "/admin/programme/session/import/",
        "/admin/programme/session/1/history/",
        "/nl/programme/preview/1/",
    ],
)
def test_organiser_tools_work_without_csp_violations(production_site, admin_page, path):
    response = admin_page.goto(production_site + path)
    assert response.status == 200
    assert admin_page.violations == []
    assert admin_page.failures == []


def test_public_pages_render_without_csp_violations(production_site, browser_page):
    for path in ["/en/", "/fr/about-efus/", "/nl/speakers/"]:
        browser_page.goto(production_site + path)
    assert browser_page.violations == []
    assert browser_page.failures == []


def test_the_policy_blocks_an_injected_inline_script(production_site, browser_page):
    browser_page.goto(production_site + "/en/")
    browser_page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.pwned=1\">')"
    )
    browser_page.wait_for_timeout(300)
    assert browser_page.evaluate("window.pwned") is None
    assert browser_page.violations
