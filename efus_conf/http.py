"""Request helpers shared by the apps."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils.encoding import escape_uri_path


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
    query = urlencode(
        [
            (name, value)
            for name in sorted(settings.PAGE_QUERY_PARAMETERS)
            for value in request.GET.getlist(name)
        ]
    )
    path = escape_uri_path(request.path)
    return f"{path}?{query}" if query else path


def absolute_url(path):
    """The public address of a path on this site: SITE_URL, never the request's Host.

    A request's Host (and port) is whatever the client sent; links that leave the page
    (mails, canonical and alternate links, sitemaps, calendars, structured data) must not
    follow it.
    """
    return settings.SITE_URL + path
