"""The sessions' pages in the sitemap (listed by efus_conf/urls.py)."""

from efus_conf.conference.sitemaps import ConferenceSitemap
from programme.models import Session


class SessionSitemap(ConferenceSitemap):
    changefreq = "daily"

    def items(self):
        # Breaks and networking slots have no page of their own in the programme.
        return (
            Session.objects.published()
            .exclude(format__in=[Session.Format.BREAK, Session.Format.NETWORKING])
            .order_by("pk")
        )

    def lastmod(self, session):
        return session.updated_at
