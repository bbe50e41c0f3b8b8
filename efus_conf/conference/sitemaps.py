"""The site's own sections of the sitemap, and the base class every app's section extends.

/sitemap.xml lists the sections that the URL conf (efus_conf/urls.py) names, each page in every
language with hreflang alternates. An app lists its pages with a `ConferenceSitemap` subclass in
its own `sitemaps.py` (anything with `get_absolute_url` from `items()`); a page with no object
behind it (a list view such as "speakers:list") needs no class: add its URL name to
`StaticViewSitemap.url_names`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from efus_conf.conference.models import Page


class ConferenceSitemap(Sitemap):
    """A section listed once per language, each entry naming its translations.

    Addresses start with SITE_URL: without django.contrib.sites, Django would take the
    request's Host.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticViewSitemap(ConferenceSitemap):
    """Pages addressed by URL name alone."""

    url_names = [
        "home",
        "programme:list",
        "speakers:list",
        "getting_there",
        "programme:changes",
        "newsletter:subscribe",
    ]
    priority = 1.0
    changefreq = "weekly"

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


class PageSitemap(ConferenceSitemap):
    """The organisers' pages (About Efus, practical information, …)."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("pk")

    def lastmod(self, page):
        return page.updated_at
