"""Whole-page cache for anonymous visitors, invalidated whenever organisers change content.

Every cache key carries a global "content version". Saving or deleting any object of the
content apps (settings.PAGE_CACHE_CONTENT_APPS) replaces the version, so every cached page
is stale at once: organisers see their change on the next request, and nobody has to know
which page shows which object. Pages with a CSRF form are cached with the token replaced
by a marker, and each visitor gets a fresh token in its place.

The middleware sits just inside the security headers and whitenoise: a hit is answered
before sessions, language, CSRF, authentication and messages run, since none of them has
anything to do for an anonymous visitor's cached page except CSRF, whose own code the hit
calls to give the visitor a token and its cookie. A miss goes through all of them and is
stored as they left it, so a hit carries the same headers (language, Vary, frame options).
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, get_max_age

from efus_conf.http import page_path

VERSION_KEY = "page-cache:content-version"
CSRF_MARKER = b"@@csrf-token@@"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new random version, never a reused one: an evicted key must not revive old pages.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached_content(name, load):
    """`load()`, cached under the content version: for what many pages read and only an
    organiser's change can alter (the conference, the footer's lists)."""
    return cache.get_or_set(
        f"content:{content_version()}:{name}", load, settings.CONTENT_CACHE_SECONDS
    )


def content_changed(sender, **kwargs):
    """Signal receiver for post_save, post_delete and m2m_changed of every model."""
    if sender._meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
        return
    # Now, so that nobody is served the old page any more, and again once the transaction
    # commits, because a page rendered in between may have cached the old content.
    bump_content_version()
    transaction.on_commit(bump_content_version)


def code_changed(**kwargs):
    """Signal receiver for post_migrate."""
    bump_content_version()


def page_key(request, language, version):
    address = request.build_absolute_uri(page_path(request))
    digest = hashlib.sha256(address.encode()).hexdigest()
    # "page-cache-3": entries hold the page split at the CSRF marker and the headers left by
    # the inner middleware; a new layout gets a new prefix, so that a shared cache never
    # hands a new release an entry it cannot read.
    return f"page-cache-3:{version}:{language}:{digest}"


def cacheable_language(request):
    """The language of a page the cache may answer, from its URL prefix; None otherwise."""
    if (
        settings.PAGE_CACHE_SECONDS <= 0
        or request.method != "GET"
        # A session means a signed-in organiser or pending messages; a messages cookie too.
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
    ):
        return None
    prefix, slash, _rest = request.path_info.lstrip("/").partition("/")
    if slash and prefix in dict(settings.LANGUAGES):
        return prefix
    return None


def is_cacheable_response(request, response):
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    cache_control = {
        directive.split("=")[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and content_type in settings.PAGE_CACHE_CONTENT_TYPES
        # The CSRF cookie is the visitor's own: it is not stored, and a hit sets a fresh one.
        and not set(response.cookies) - {settings.CSRF_COOKIE_NAME}
        and not cache_control & UNCACHEABLE_DIRECTIVES
        and not (session is not None and session.modified)
        and not (messages is not None and len(messages))
    )


def cache_timeout(response):
    """PAGE_CACHE_SECONDS, or less when the view asked for a shorter max-age (Now & next)."""
    max_age = get_max_age(response)
    if max_age is None:
        return settings.PAGE_CACHE_SECONDS
    return min(max_age, settings.PAGE_CACHE_SECONDS)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        language = cacheable_language(request)
        if language is None:
            return self.get_response(request)
        key = page_key(request, language, content_version())
        cached = cache.get(key)
        if cached is not None:
            return self.from_cache(request, cached)
        response = self.get_response(request)
        timeout = cache_timeout(response)
        if timeout and is_cacheable_response(request, response):
            content = CSRF_INPUT.sub(rb"\1" + CSRF_MARKER + rb"\2", response.content)
            # The length changes with nothing, but a hit sets it from what it sends.
            headers = [item for item in response.items() if item[0] != "Content-Length"]
            # Split once here, so that a hit joins the parts around a fresh token instead of
            # scanning the whole page for the marker (a quarter of a hit's time on the
            # programme's 250 kB).
            cache.set(key, (content.split(CSRF_MARKER), headers), timeout)
            response["X-Page-Cache"] = "miss"
        return response

    def from_cache(self, request, cached):
        parts, headers = cached
        response = HttpResponse(headers=dict(headers))
        if len(parts) > 1:
            # A page with a form: the visitor's token, and the cookie that goes with it, by
            # the CSRF middleware's own code, as on a page rendered for them.
            self.csrf.process_request(request)
            response.content = get_token(request).encode().join(parts)
            self.csrf.process_response(request, response)
        else:
            response.content = parts[0]
        response["Content-Length"] = len(response.content)
        response["X-Page-Cache"] = "hit"
        if response.has_header("ETag"):
            # The exports' ETag: a calendar or app polling with If-None-Match gets a 304.
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
