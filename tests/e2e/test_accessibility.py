"""axe-core finds no WCAG 2.2 A/AA violation on any page type, in any language, at any width.

Every language is checked on a phone's width, where long words in French and Dutch wrap and
the header folds; the wide layout, whose markup is the same in every language, in the
default language. With SCREENSHOTS=1 (`make screenshots`), the same visits save full-page
screenshots at both widths in every language to var/screenshots/, for people to look at:
the suite itself only asserts.
"""

import os

import pytest
from django.conf import settings

from tests.e2e.axe import axe_violations, describe
from tests.e2e.pages import LANGUAGES, OTHER_PAGES, PUBLIC_PAGES, WIDTHS, visit

pytestmark = pytest.mark.e2e

# A full-page screenshot should show the images below the fold too (the partners' logos).
LOAD_LAZY_IMAGES = """async () => {
  for (const image of document.images) image.loading = "eager";
  await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => null)));
}"""


TAKE_SCREENSHOTS = os.environ.get("SCREENSHOTS") == "1"


def check(page, url, name, axe_source, screenshots, axe_widths=WIDTHS):
    """Axe the open page at `axe_widths` (and screenshot it at every width, if asked);
    returns the violations, described."""
    failures = []
    if TAKE_SCREENSHOTS:
        page.evaluate(LOAD_LAZY_IMAGES)
    for width in WIDTHS if TAKE_SCREENSHOTS else axe_widths:
        page.set_viewport_size({"width": width, "height": 900})
        if TAKE_SCREENSHOTS:
            page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=True)
        violations = axe_violations(page, axe_source) if width in axe_widths else []
        if violations:
            failures.append(f"{url} at {width} px:\n{describe(violations)}")
    return failures


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations_in_any_language(
    site, page, axe_source, screenshots, name
):
    failures = []
    for language in LANGUAGES:
        url = visit(page, site, name, language)
        widths = WIDTHS if language == settings.LANGUAGE_CODE else [min(WIDTHS)]
        failures += check(page, url, f"{name}-{language}", axe_source, screenshots, widths)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_other_page_has_no_accessibility_violations(site, page, axe_source, screenshots, name):
    page.goto(site + OTHER_PAGES[name])
    failures = check(page, site + OTHER_PAGES[name], name, axe_source, screenshots)
    assert not failures, "\n".join(failures)
