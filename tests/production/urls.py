"""A public page with a CSRF form, as the footer newsletter form will be on every page."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from efus_conf.urls import urlpatterns as site_urlpatterns

FORM = engines["django"].from_string(
    '<form method="post" action="">{% csrf_token %}<button>Go</button></form>'
)


def form_page(request):
    if request.method == "POST":
        return HttpResponse("accepted")
    return HttpResponse(FORM.render(request=request))


def cookie_page(request):
    response = HttpResponse("<p>cookie</p>")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [
    *i18n_patterns(path("form/", form_page), path("cookie/", cookie_page)),
    *site_urlpatterns,
]
