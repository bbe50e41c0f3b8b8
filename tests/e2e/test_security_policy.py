"""Every page works under a strict Content-Security-Policy: no inline script or style."""

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import PUBLIC_PAGES, visit

pytestmark = pytest.mark.e2e

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def strict_page(browser):
    """A page whose documents arrive with POLICY, and which records what the policy blocks."""
    # Routed requests bypass a service worker; blocking it keeps every request routed.
    context = browser.new_context(service_workers="block")
    context.add_init_script(RECORD_VIOLATIONS)

    def add_policy(route):
        if route.request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(
            response=response,
            headers={**response.headers, "content-security-policy": POLICY},
        )

    context.route("**/*", add_policy)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_no_page_breaks_a_rule_of_a_strict_policy(site, strict_page):
    for name in PUBLIC_PAGES:
        visit(strict_page, site, name, "fr")
        strict_page.wait_for_load_state("load")
        assert strict_page.evaluate("window.cspViolations") == [], name
    assert [error for error in strict_page.console_errors if "Content Security" in error] == []


def test_json_ld_data_block_is_readable_under_the_policy(site, strict_page):
    """JSON-LD is data, never executed: script-src 'self' does not block it."""
    strict_page.goto(f"{site}/en/")
    block = strict_page.locator('script[type="application/ld+json"]')
    expect(block).to_have_count(1)
    assert (
        strict_page.evaluate(
            "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)['@type']"
        )
        == "Event"
    )
    assert strict_page.evaluate("window.cspViolations") == []
