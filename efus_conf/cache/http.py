"""Public pages in plain HTTP (`public_page`: `Cache-Control: public`, `s-maxage`, an ETag;
anything else `private, no-store`), and the site's own copy of them in Django's cache, under
the content version (models.py) so that a change shows on every worker's next request. What
runs around it: docs/architecture.md, "A request"."""

import hashlib
import logging
import re
import time
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import has_vary_header, patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_request

from efus_conf.cache.models import ContentVersion
from efus_conf.core.request_helpers import page_path

logger = logging.getLogger(__name__)


def public(view, kind="page"):
    """View decorator: a successful GET shows everyone the same thing. Shared caches keep it
    PUBLIC_CACHE_SECONDS (the most an edit takes to show through a proxy), browsers ask again
    sooner; Now & next changes with the clock; calendars poll the exports."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in {"GET", "HEAD"} or response.status_code != 200:
            return response
        s = settings.PUBLIC_CACHE_SECONDS
        lifetimes = {"page": (60, s, 60), "live": (30, 30, 30), "export": (s, s, 3600)}
        max_age, s_maxage, stale = lifetimes[kind]
        at_most = {"max_age": min(max_age, s), "s_maxage": min(s_maxage, s)}
        patch_cache_control(response, public=True, stale_while_revalidate=stale, **at_most)
        # Of the content before GZipMiddleware: one ETag for every encoding.
        set_response_etag(response.render() if hasattr(response, "render") else response)
        return response

    return wrapper


public_page = public
live_page = partial(public, kind="live")
public_export = partial(public, kind="export")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Nothing is shared with someone signed in (a session) or with a message waiting.
        personal = {"sessionid", "messages"} & request.COOKIES.keys()
        anonymous = request.method in {"GET", "HEAD"} and not personal
        key = page_key(request) if anonymous else None
        response = cache_call(cache.get, key) if key else None
        if response is not None:
            return response
        response = self.get_response(request)
        if not anonymous or not (seconds := shared_seconds(response)):
            return private(response)
        response["X-Page-Cache"] = "hit"  # What the stored copy says.
        if key:  # None before any content, or after a flush.
            cache_call(cache.set, key, response, seconds)
        response["X-Page-Cache"] = "miss"
        return response


def page_key(request):
    """The content version, the language LocaleMiddleware will choose, gzip or not, and the
    address."""
    address = f"{request.scheme}://{request.get_host()}{page_path(request)}"
    language = get_language_from_request(request, check_path=True)
    gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
    version = ContentVersion.current()
    digest = hashlib.sha256(address.encode()).hexdigest()
    return version and f"page:{version}:{language}:{gzip:d}:{digest}"


def shared_seconds(response):
    """The s-maxage of a public 200 that carries nothing of one visitor, else 0 (not stored)."""
    cache_control = response.get("Cache-Control", "")
    seconds = re.search(r"\bs-maxage=(\d+)", cache_control)
    if response.status_code != 200 or response.streaming or "public" not in cache_control:
        return 0
    personal = response.cookies or has_vary_header(response, "Cookie")
    return int(seconds[1]) if seconds and not personal else 0


def private(response):
    """Kept by the visitor alone: a public view answering an organiser, too."""
    if "public" in response.get("Cache-Control", "public"):
        del response["Cache-Control"]
        patch_cache_control(response, private=True, no_store=True)
    return response


_last_warning = 0.0


def cache_call(method, *args):
    """`method(*args)` on the cache; None, and a warning at most once a minute, on failure."""
    global _last_warning
    try:
        return method(*args)
    except Exception:  # A cache server down or unreachable: the page is rendered uncached.
        if time.monotonic() - _last_warning >= 60:
            _last_warning = time.monotonic()
            logger.warning("Cache unreachable: pages are rendered uncached", exc_info=True)
        return None
