"""The speakers' pages in the sitemap (registered in efus_conf.sitemaps)."""

from efus_conf.sitemaps import ConferenceSitemap
from speakers.models import Speaker


class SpeakerSitemap(ConferenceSitemap):
    changefreq = "weekly"

    def items(self):
        return Speaker.objects.published().order_by("pk")
