"""The page types the browser tests visit: one line each, the integrator adds new ones here.

PUBLIC_PAGES are checked with axe in every language and screenshotted at every width;
OFFLINE_PAGES must still open after the network is cut once a visitor has seen them.
"""

LANGUAGES = ["en", "fr", "nl"]
WIDTHS = [375, 1280]

# name -> address pattern, "{lang}" replaced by each language code.
PUBLIC_PAGES = {
    "home": "/{lang}/",
    "about": "/{lang}/about-efus/",
    "practical": "/{lang}/practical-information/",
    "not-found": "/{lang}/no-such-page/",
    "offline": "/{lang}/offline/",
}

# Pages outside the language prefix, checked once.
OTHER_PAGES = {
    "admin-login": "/admin/login/",
}

OFFLINE_PAGES = [
    "/en/",
    "/fr/about-efus/",
]
