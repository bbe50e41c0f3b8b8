"""The conference's addresses at the site's root, outside the language prefix."""

from django.conf import settings
from django.urls import path
from django.views.generic import RedirectView

from efus_conf.conference import views

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    path("robots.txt", views.robots_txt, name="robots"),
    # The service worker controls the pages below its own address, so it lives at the root.
    path("sw.js", views.service_worker, name="service-worker"),
]
