"""The site's addresses: each app routes its own; this module only assembles them, with the
sitemap of every app's public pages."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from efus_conf.cache.http import public_page
from efus_conf.conference.sitemaps import PageSitemap, StaticViewSitemap
from programme.sitemaps import SessionSitemap
from speakers.sitemaps import SpeakerSitemap

sitemaps = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "speakers": SpeakerSitemap,
    "sessions": SessionSitemap,
}

urlpatterns = [
    # Before the admin's own addresses, which would take it for an app's.
    path("admin/translations/", include("efus_conf.translations.urls")),
    path("admin/", admin.site.urls),
    path("", include("efus_conf.ops.urls")),
    path("", include("efus_conf.conference.site_urls")),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("speakers/", include("speakers.urls")),
    path("", include("programme.urls")),
    path("newsletter/", include("newsletter.urls")),
    # Last: organisers' page slugs must not shadow the apps' addresses.
    path("", include("efus_conf.conference.urls")),
    prefix_default_language=True,
)
