"""Public pages made for the cache tests: a CSRF form, a cookie, a title that depends on the
request's method."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from efus_conf.urls import urlpatterns as site_urlpatterns

FORM = engines["django"].from_string(
    '<form method="post" action="">{% csrf_token %}<button>Go</button></form>'
)


def form_page(request):
    if request.method == "POST":
        return HttpResponse("accepted")
    return HttpResponse(FORM.render(request=request))


METHOD_TITLE = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Answered {{ request.method }}{% endblock %}'
)


@csrf_exempt
def method_page(request):
    return HttpResponse(METHOD_TITLE.render(request=request))


def cookie_page(request):
    response = HttpResponse("<p>cookie</p>")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [
    *i18n_patterns(
        path("form/", form_page), path("cookie/", cookie_page), path("method/", method_page)
    ),
    *site_urlpatterns,
]
