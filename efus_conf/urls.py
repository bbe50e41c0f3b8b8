from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from efus_conf import media, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
]

if settings.MEDIA_URL.startswith("/"):
    # Uploads stored on this server's disk; with object storage, MEDIA_URL points elsewhere.
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media")
    )

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("speakers/", include("speakers.urls")),
    path("programme/", include("programme.urls")),
    path("newsletter/", include("newsletter.urls")),
    # Organisers' pages come last: their slugs must not shadow the apps' addresses.
    path("<slug:slug>/", views.page, name="page"),
    prefix_default_language=True,
)

# Development only: in production the web server in front of gunicorn serves MEDIA_ROOT.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
