"""The sitemap registry: every public page, in every language, with hreflang alternates.

`sitemaps` maps a section name to a Sitemap class; /sitemap.xml lists them all. An app adds its
pages with one line in that dict, e.g. in the integration step:

    "speakers": import_string("speakers.sitemaps.SpeakerSitemap"),

where `speakers/sitemaps.py` defines `class SpeakerSitemap(ConferenceSitemap)` with `items()`
returning the published speakers (anything with `get_absolute_url`). The class is named by
its dotted path (`django.utils.module_loading.import_string`) because the app's module imports
`ConferenceSitemap` from here: a plain import at the top would be circular. A page with no
object behind it (a list view such as "speakers:list") needs no class: add its URL name to
`StaticViewSitemap.url_names`.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.module_loading import import_string

from efus_conf.models import Page


class ConferenceSitemap(Sitemap):
    """A section listed once per language, each entry naming its translations."""

    i18n = True
    alternates = True
    x_default = True


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


sitemaps = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "speakers": import_string("speakers.sitemaps.SpeakerSitemap"),
    "sessions": import_string("programme.sitemaps.SessionSitemap"),
}
