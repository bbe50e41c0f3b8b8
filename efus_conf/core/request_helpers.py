"""Request helpers shared by the apps."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.urls import get_callable
from django.utils.encoding import escape_uri_path
from django.views.decorators.csrf import csrf_exempt


def client_address(request):
    """The visitor's address; behind our proxy, the one the proxy appended last.

    Earlier X-Forwarded-For entries come from the client and can be forged; the last one is
    what our own proxy saw (DJANGO_BEHIND_PROXY).
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def page_path(request):
    """The address's path and the part of its query a public page reads, in a stable order.

    What a page shows depends on this alone (settings.PAGE_QUERY_PARAMETERS), so tracking
    parameters neither multiply cached copies nor follow the visitor into other links.
    """
    path = escape_uri_path(request.path)
    if not request.META.get("QUERY_STRING"):
        return path
    query = urlencode(
        [
            (name, value)
            for name in sorted(settings.PAGE_QUERY_PARAMETERS)
            for value in request.GET.getlist(name)
        ]
    )
    return f"{path}?{query}" if query else path


def absolute_url(path):
    """The public address of a path on this site: SITE_URL, never the request's Host.

    A request's Host (and port) is whatever the client sent; links that leave the page
    (mails, canonical and alternate links, sitemaps, calendars, structured data) must not
    follow it.
    """
    return settings.SITE_URL + path


def is_cross_origin(request):
    """Whether a browser sent this request from a page of another origin.

    Browsers say where a request comes from in Sec-Fetch-Site; those without it send Origin
    on a cross-origin POST. A request with neither did not come from another site's page
    (a mail program, a command-line client). As Go's http.CrossOriginProtection and the
    OWASP cheat sheet on CSRF describe it.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if fetch_site is None and origin is None:
        return False
    return origin not in trusted_origins(request)


def trusted_origins(request):
    """The origin the request was sent to, the site's public one, and any the settings add."""
    own = f"{request.scheme}://{request.get_host()}"
    return {own, settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS} - {""}


def same_origin_forms(view):
    """View decorator: forms sent from another site are refused, with no token or cookie.

    For the public forms (the newsletter), whose pages are the same for every visitor and
    so can carry no token; anything signed in keeps Django's token check.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in {"GET", "HEAD", "OPTIONS"} and is_cross_origin(request):
            refuse = get_callable(settings.CSRF_FAILURE_VIEW)
            return refuse(request, reason="The form was sent from another site.")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
