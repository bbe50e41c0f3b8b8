from functools import lru_cache, partial
from operator import getitem

from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

from efus_conf.http import absolute_url, page_path
from efus_conf.models import Conference, Page, Partner, UsefulLink
from efus_conf.page_cache import cached_content, content_version


@lru_cache(maxsize=2048)
def translated_path(path, current, code, urlconf):
    """`path` (in language `current`) in language `code`: resolving and reversing cost more
    than the rest of a cached page, and a path always translates the same way (for one
    URLconf)."""
    url = translate_url(path, code)
    if url == path and code != current and path.startswith(f"/{current}/"):
        # Not resolvable (a 404 page): swap the language prefix, keep the rest.
        url = f"/{code}/" + path.removeprefix(f"/{current}/")
    return url


def language_alternates(path):
    """The page at `path` in every language, for the switcher and hreflang links."""
    current = get_language()
    alternates = []
    for code, name in settings.LANGUAGES:
        url = translated_path(path, current, code, get_urlconf() or settings.ROOT_URLCONF)
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


def header_and_footer_lists():
    """The lists every page shows around its content, in every language (modeltranslation
    picks the language when a field is read), so one cache entry serves all three."""
    return {
        "navigation_pages": list(Page.objects.in_navigation()),
        "footer_pages": list(Page.objects.in_footer()),
        "useful_links": list(UsefulLink.objects.all()),
        "partners": list(Partner.objects.all()),
    }


def site(request):
    """What every page's header and footer show.

    Cached under the content version, so any change an organiser saves shows at once. The
    lists are read only by templates that show them (not by the admin's).
    """
    version = content_version()
    path = page_path(request)
    lists = SimpleLazyObject(lambda: cached_content("lists", header_and_footer_lists))
    return {
        "conference": cached_content("conference", Conference.objects.current),
        **{
            name: SimpleLazyObject(partial(getitem, lists, name))
            for name in ("navigation_pages", "footer_pages", "useful_links", "partners")
        },
        # For {% cache %} fragments of the content (the programme grid, the speaker grid).
        "content_version": version,
        "content_cache_seconds": settings.CONTENT_CACHE_SECONDS,
        # base.html's head and header: the same for every GET of one address in one
        # language until the content changes. Other methods render them afresh (a form's
        # answer may differ from its page), under a key of their own that is never kept.
        "chrome_cache_key": (
            f"{version}:{get_language()}:{request.method}:{request.build_absolute_uri(path)}"
        ),
        "chrome_cache_seconds": (
            settings.CONTENT_CACHE_SECONDS if request.method in {"GET", "HEAD"} else 0
        ),
        # Read only inside that fragment: nothing to work out when it is cached.
        "language_alternates": SimpleLazyObject(partial(language_alternates, path)),
        "x_default_url": SimpleLazyObject(partial(x_default_url, path)),
        # Without the query string: tracking parameters must not make a page look duplicated.
        "canonical_url": absolute_url(escape_uri_path(request.path)),
    }
