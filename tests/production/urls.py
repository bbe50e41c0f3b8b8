"""Views made for the cache tests: one that sets a cookie, one that marks itself public but
reads the session (a mistake the cache layer must catch)."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

from efus_conf.cache.http import public_page
from efus_conf.urls import urlpatterns as site_urlpatterns


@public_page
def cookie_page(request):
    response = HttpResponse("<p>cookie</p>")
    response.set_cookie("seen", "1")
    return response


@public_page
def session_page(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse("<p>visits</p>")


urlpatterns = [
    *i18n_patterns(path("cookie/", cookie_page), path("session/", session_page)),
    *site_urlpatterns,
]
