"""The speakers' pages in the sitemap (listed by efus_conf/urls.py)."""

from efus_conf.conference.sitemaps import ConferenceSitemap
from speakers.models import Speaker


class SpeakerSitemap(ConferenceSitemap):
    changefreq = "weekly"

    def items(self):
        return Speaker.objects.published().order_by("pk")
