"""The newsletter's token-less forms in a real browser: refused when another site's page
sends them, accepted from the site's own pages even with cookies refused."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from newsletter.models import Subscriber
from tests.e2e.axe import axe_violations, describe

pytestmark = pytest.mark.e2e

FOREIGN_FORM = """<!DOCTYPE html><html lang="en"><title>Win a prize</title>
<form method="post" action="{action}">
<input name="email" value="victim@example.org"><input name="consent" value="on">
<input name="language" value="fr"><button>Win</button></form>"""


@pytest.fixture
def foreign_site(site):
    """Another origin (127.0.0.1 where the site is localhost) serving a form aimed at the
    site's newsletter."""
    body = FOREIGN_FORM.format(action=f"{site}/fr/newsletter/").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_a_form_on_another_site_is_refused_on_the_site_s_own_page(
    site, page, foreign_site, axe_source
):
    page.goto(foreign_site)
    page.get_by_role("button", name="Win").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Le formulaire n'a pas pu être envoyé"
    )
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert not Subscriber.objects.filter(email="victim@example.org").exists()
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)


def test_the_site_s_own_form_works_with_cookies_refused(site, browser):
    context = browser.new_context(service_workers="block")

    def without_cookies(route):
        headers = {k: v for k, v in route.request.headers.items() if k.lower() != "cookie"}
        route.continue_(headers=headers)

    context.route("**/*", without_cookies)
    page = context.new_page()
    page.goto(f"{site}/nl/programme/")
    form = page.locator("footer form.newsletter-form")
    form.get_by_label("E-mailadres").fill("reader@example.org")
    form.get_by_role("checkbox").check()
    form.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/nl/newsletter/check-your-inbox/$"))
    assert Subscriber.objects.filter(email="reader@example.org", language="nl").exists()
    assert context.cookies() == []
    context.close()
