from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, get_language_info

from efus_conf.conference.models import Page, Partner, UsefulLink, current_conference
from efus_conf.core.request_helpers import absolute_url, page_path


def language_alternates(path):
    """The page at `path` in every language, for the switcher and hreflang links."""
    current = get_language()
    alternates = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current and path.startswith(f"/{current}/"):
            # Not resolvable (a 404 page): swap the language prefix, keep the rest.
            url = f"/{code}/" + path.removeprefix(f"/{current}/")
        alternates.append(
            {
                "code": code,
                "name": name,
                "name_local": get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return alternates


def x_default_url(path):
    """`path` without its language prefix: LocaleMiddleware redirects it by the browser's
    language, which is what hreflang x-default means. The sitemap says the same."""
    prefix = f"/{get_language()}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else ""


def site(request):
    """What every page's head, header and footer show. The lists are querysets, run only
    by templates that show them (not by the admin's)."""
    path = page_path(request)
    return {
        "conference": current_conference(request),
        # One queryset for the header's and the footer's pages: read once, by the header.
        "linked_pages": Page.objects.linked(),
        "useful_links": UsefulLink.objects.all(),
        "partners": Partner.objects.all(),
        "language_alternates": language_alternates(path),
        "x_default_url": x_default_url(path),
        "open_graph_locale": settings.OPEN_GRAPH_LOCALES.get(get_language(), get_language()),
        # Without the query string: tracking parameters must not make a page look duplicated.
        "canonical_url": absolute_url(escape_uri_path(request.path)),
    }
