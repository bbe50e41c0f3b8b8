from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from efus_conf import admin_views, probes, views
from efus_conf.http_cache import public_page
from efus_conf.sitemaps import PageSitemap, StaticViewSitemap
from programme import views as programme_views
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
    path(
        "admin/translations/",
        admin.site.admin_view(admin_views.translations),
        name="admin-translations",
    ),
    path("admin/", admin.site.urls),
    path("healthz", probes.healthz, name="healthz"),
    path("readyz", probes.readyz, name="readyz"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    # The service worker controls the pages below its own address, so it lives at the root.
    path("sw.js", views.service_worker, name="service-worker"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("speakers/", include("speakers.urls")),
    path("programme/", include("programme.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("getting-there/", programme_views.getting_there, name="getting_there"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.web_manifest, name="manifest"),
    # Organisers' pages come last: their slugs must not shadow the apps' addresses.
    path("<slug:slug>/", views.page, name="page"),
    prefix_default_language=True,
)
