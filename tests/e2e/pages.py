"""The page types the browser tests visit: one line each.

PUBLIC_PAGES are checked with axe in every language (and screenshotted by `make screenshots`);
OFFLINE_PAGES must still open after the network is cut once a visitor has seen them.
Open a page type with `visit(page, site, name, language)`: it fills in the address and
does what the page type needs once loaded (PREPARE).
"""

from django.conf import settings

LANGUAGES = [code for code, name in settings.LANGUAGES]
WIDTHS = [375, 1280]

# Demo content the addresses name.
SESSION = "local-strategies-drug-violence"
FIELD_VISIT = "visit-crisis-centre"
SPEAKER = "amelie-roussanne"
# Two of them at the same time, so My agenda shows a clash.
STARRED = ["opening-plenary", SESSION, "ports-logistics-organised-crime", "closing-plenary"]

# name -> address pattern: "{lang}" is each language code, other fields come from the
# database (DEMO_VALUES), since they depend on the rows the demo created.
PUBLIC_PAGES = {
    "home": "/{lang}/",
    "about": "/{lang}/about-efus/",
    "practical": "/{lang}/practical-information/",
    "getting-there": "/{lang}/getting-there/",
    "privacy": "/{lang}/privacy/",
    "not-found": "/{lang}/no-such-page/",
    "offline": "/{lang}/offline/",
    "programme": "/{lang}/programme/",
    "programme-filtered": "/{lang}/programme/?day=2024-03-22&track=prevention",
    "programme-search": "/{lang}/programme/?q=akerstam#results",
    "session": "/{lang}/programme/" + SESSION + "/",
    "field-visit": "/{lang}/programme/" + FIELD_VISIT + "/",
    "cancelled-session": "/{lang}/programme/visit-emergency-dispatch/",
    "session-materials": "/{lang}/programme/plenary-drugs/",
    "changes": "/{lang}/programme/changes/",
    "now": "/{lang}/programme/now/",
    "agenda": "/{lang}/programme/agenda/",
    "speakers": "/{lang}/speakers/",
    "speaker": "/{lang}/speakers/" + SPEAKER + "/",
    "newsletter": "/{lang}/newsletter/",
    "newsletter-errors": "/{lang}/newsletter/",
    "check-inbox": "/{lang}/newsletter/check-your-inbox/",
    "confirm": "/{lang}/newsletter/confirm/{confirmation_token}/",
    "unsubscribe": "/{lang}/newsletter/unsubscribe/{unsubscribe_token}/",
}

# Pages outside the language prefix, checked once.
OTHER_PAGES = {
    "admin-login": "/admin/login/",
}

OFFLINE_PAGES = [
    "/en/",
    "/nl/getting-there/",
    "/fr/about-efus/",
    "/fr/programme/",
    "/nl/programme/" + SESSION + "/",
]


def unsubscribe_token():
    from newsletter.models import Subscriber
    from newsletter.tokens import unsubscribe_token

    return unsubscribe_token(Subscriber.objects.confirmed().order_by("pk").first())


def confirmation_token():
    from newsletter.models import Subscriber
    from newsletter.tokens import confirmation_token

    return confirmation_token(Subscriber.objects.pending().order_by("pk").first())


DEMO_VALUES = {"unsubscribe_token": unsubscribe_token, "confirmation_token": confirmation_token}


def star_sessions(page):
    """My agenda with three sessions starred, as a visitor would have it."""
    page.evaluate(
        "(slugs) => localStorage.setItem('efus-conf:agenda', JSON.stringify(slugs))", STARRED
    )
    page.reload()


def open_the_filters(page):
    """The programme's folded filters, opened."""
    page.locator(".programme-filters summary").click()


def submit_empty_newsletter_form(page):
    """The subscription form as it comes back with an error on every required field."""
    page.locator("main form.newsletter-form button[type=submit]").click()
    page.wait_for_load_state()


# Every other page type answers 200.
STATUS = {"not-found": 404}

PREPARE = {
    "agenda": star_sessions,
    "programme-filtered": open_the_filters,
    "newsletter-errors": submit_empty_newsletter_form,
}


def address(name, language):
    pattern = PUBLIC_PAGES[name]
    values = {key: value() for key, value in DEMO_VALUES.items() if f"{{{key}}}" in pattern}
    return pattern.format(lang=language, **values)


def visit(page, site, name, language):
    """Open page type `name` in `language`, ready to be checked; returns its address."""
    url = site + address(name, language)
    response = page.goto(url)
    assert response.status == STATUS.get(name, 200), (url, response.status)
    if name in PREPARE:
        PREPARE[name](page)
    return url
