"""The offline programme: pages a visitor has seen still open when the network is cut."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import OFFLINE_PAGES

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "service_workers": "allow"}


# Polled inside the page: Playwright's wait_for_function does not await a promise (any
# promise is truthy to it), so an async predicate there would never wait.
SAVED_WITHIN = """async ([path, milliseconds]) => {
  const deadline = Date.now() + milliseconds;
  while (!(await caches.match(path))) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}"""


def wait_until_controlled_and_saved(page, *paths):
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    stylesheet = page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    for path in [*paths, stylesheet]:
        assert page.evaluate(SAVED_WITHIN, [path, 10_000]), f"{path} was not saved in 10 s"


@pytest.mark.parametrize("path", OFFLINE_PAGES)
def test_visited_page_opens_with_its_styles_without_network(site, context, page, path):
    page.goto(site + path)
    heading = page.get_by_role("heading", level=1).inner_text()
    wait_until_controlled_and_saved(page, path)
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    footer = page.eval_on_selector(".site-footer", "el => getComputedStyle(el).backgroundColor")
    assert footer == "rgb(0, 42, 94)"


def test_page_never_visited_shows_the_offline_notice_in_its_language(site, context, page):
    page.goto(f"{site}/fr/")
    wait_until_controlled_and_saved(page, "/fr/offline/")
    context.set_offline(True)
    page.goto(f"{site}/fr/practical-information/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes hors ligne")


def test_programme_is_saved_up_front_and_opens_without_network(site, context, page):
    """An attendee who only saw the homepage still has the programme at the venue."""
    page.goto(f"{site}/nl/")
    wait_until_controlled_and_saved(page, "/nl/programme/")
    context.set_offline(True)
    page.goto(f"{site}/nl/programme/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programma")
    expect(page.locator(".session-card").first).to_be_visible()


def test_admin_pages_are_never_saved(site, page):
    page.goto(f"{site}/en/")
    wait_until_controlled_and_saved(page, "/en/")
    page.goto(f"{site}/admin/login/")
    saved = page.evaluate(
        """async () => {
          const names = await caches.keys();
          const keys = [];
          for (const name of names) {
            for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
          }
          return keys;
        }"""
    )
    assert saved and not [url for url in saved if urlsplit(url).path.startswith("/admin/")], saved
