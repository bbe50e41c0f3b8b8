import pytest

pytestmark = pytest.mark.e2e


def test_homepage_loads_with_its_stylesheet(site, page):
    page.goto(f"{site}/en/")
    assert page.locator("h1").count() == 1
    background = page.eval_on_selector(".site-footer", "el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(0, 42, 94)"
