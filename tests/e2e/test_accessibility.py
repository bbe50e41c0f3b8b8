"""axe-core finds no WCAG 2.2 A/AA violation on any page type, in any language, at any width.

The same visit saves a full-page screenshot to var/screenshots/ (kept as a CI artefact).
"""

import pytest

from tests.e2e.axe import axe_violations, describe
from tests.e2e.pages import OTHER_PAGES, PUBLIC_PAGES, WIDTHS

pytestmark = pytest.mark.e2e


def check(page, url, name, axe_source, screenshots):
    failures = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=True)
        violations = axe_violations(page, axe_source)
        if violations:
            failures.append(f"{url} at {width} px:\n{describe(violations)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations(
    site, page, axe_source, screenshots, name, language
):
    url = site + PUBLIC_PAGES[name].format(lang=language)
    check(page, url, f"{name}-{language}", axe_source, screenshots)


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_other_page_has_no_accessibility_violations(site, page, axe_source, screenshots, name):
    check(page, site + OTHER_PAGES[name], name, axe_source, screenshots)
