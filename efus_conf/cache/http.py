"""The one cache of the site, in plain HTTP: a public page is the same for every visitor.

1. A view that shows the same thing to everyone says so with `public_page` (or
   `live_page`, `public_export`): `Cache-Control: public` with its lifetimes. Every other
   answer is `private, no-store`.
2. An anonymous GET or HEAD reads the content version (one indexed query; database
   triggers raise it on any change to content, see content_version.py).
3. The answer stored under that version and the address (scheme, host, path, language) is
   sent as it is, headers and all, already compressed for the visitor's Accept-Encoding,
   before Django's request cycle (StoredAnswersFirst); a matching If-None-Match gets the
   stored 304, without loading the page.
4. Otherwise the view renders it; a public answer that sets no cookie is compressed once
   (gzip and Brotli) and stored for its s-maxage (with no cache at all, compressed for this
   visitor alone).
5. A proxy or CDN in front reads the same headers (deploy/nginx/).

A cache that cannot be reached costs nothing but speed: pages are rendered afresh, and a
warning is logged at most once a minute per process.
"""

import gzip
import hashlib
import logging
import time
from functools import wraps

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request

from efus_conf.cache.models import ContentVersion
from efus_conf.core.request_helpers import page_path

logger = logging.getLogger(__name__)

COMPRESSIBLE_TYPES = {
    "text/html",
    "text/calendar",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/json",
    "application/atom+xml",
    "application/rss+xml",
    "application/manifest+json",
}
# Below this a compressed body is hardly smaller, and sometimes larger.
MIN_COMPRESSED_LENGTH = 512
ENCODINGS = ("br", "gzip")
ALL_ENCODINGS = ("identity", *ENCODINGS)


def lifetimes(kind):
    """Cache-Control lifetimes, in seconds, of each kind of public answer.

    Shared caches (ours, a proxy, a CDN) keep a page PUBLIC_CACHE_SECONDS (s-maxage), the
    bound on how long an edit takes to show through a proxy; ours knows the content version
    and shows it at once. Browsers ask again sooner. Now & next changes with the clock;
    calendars and apps poll the exports, and revalidating them with the ETag is cheap.
    """
    shared = settings.PUBLIC_CACHE_SECONDS
    return {
        "page": {"max_age": min(60, shared), "s_maxage": shared, "stale_while_revalidate": 60},
        "live": {
            "max_age": min(30, shared),
            "s_maxage": min(30, shared),
            "stale_while_revalidate": 30,
        },
        "export": {"max_age": shared, "s_maxage": shared, "stale_while_revalidate": 3600},
    }[kind]


def public(kind):
    """View decorator: a successful GET shows every visitor the same thing, so caches may
    keep it as long as `lifetimes(kind)` says."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method in {"GET", "HEAD"} and response.status_code == 200:
                patch_cache_control(response, public=True, **lifetimes(kind))
            return response

        return wrapper

    return decorator


public_page = public("page")
live_page = public("live")
public_export = public("export")


class PublicCacheMiddleware:
    """Answers anonymous reads of public pages from the cache; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_file(request):
            response = self.get_response(request)
            # A file says how long it keeps; its errors (no such file) are private like any.
            if response.has_header("Cache-Control"):
                return response
            return finish_private(request, response)
        if not is_anonymous_read(request):
            return finish_private(request, self.get_response(request))
        version, key, stored = request.META.get(LOOKED_UP) or look_up(request)
        if stored is not None:
            return stored
        response = self.get_response(request)
        if not is_shareable(response):
            return finish_private(request, response)
        encoding = preferred_encoding(request)
        storing = bool(key) and keeps_answers()
        variants = encoded_variants(response, version, ALL_ENCODINGS if storing else [encoding])
        if storing:
            stored_variants = {f"{key}:{name}": variant for name, variant in variants.items()}
            stored_variants[f"{key}:304"] = not_modified(response)
            cache_call(cache.set_many, stored_variants, shared_max_age(response))
        answer = variants[encoding]
        answer["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=answer["ETag"], response=answer)


# The environ key under which StoredAnswersFirst leaves its look-up (WSGI's convention: a
# name of the library's own, dotted).
LOOKED_UP = "efus_conf.cache.http.look_up"


class StoredAnswersFirst:
    """WSGI application in front of Django's: sends what the cache holds for a request
    before Django's request cycle (its signals, middleware and response handling), which
    costs more than the answer itself.

    The answer is the one PublicCacheMiddleware, outside everything but the health probes,
    would send: the same look-up, on the same request. Whatever it cannot answer (a miss, a
    file, a probe, a signed-in visitor, a request Django would refuse, a database error) goes
    to Django, which answers as always.
    """

    def __init__(self, django_application, probes=()):
        """`probes`: the addresses of the health probes, which must answer without the
        database (efus_conf.ops.middleware.PROBES); left to Django at once."""
        self.django_application = django_application
        self.probes = frozenset(probes)

    def __call__(self, environ, start_response):
        answer = self.stored(environ)
        if answer is None:
            return self.django_application(environ, start_response)
        start_response(f"{answer.status_code} {answer.reason_phrase}", list(answer.items()))
        return iter(answer)

    def stored(self, environ):
        if environ.get("PATH_INFO") in self.probes:
            return None
        request = WSGIRequest(environ)
        if is_file(request) or not is_anonymous_read(request):
            return None
        try:
            # Kept for PublicCacheMiddleware, which then reads neither the version nor the
            # cache again for this request.
            environ[LOOKED_UP] = look_up(request)
        except Exception:
            # A database error, or a request Django refuses (too many fields, a bad host):
            # Django meets it again and answers as it always does, its logging included.
            return None
        finally:
            # What Django does when a request ends: a connection kept open (CONN_MAX_AGE)
            # is closed once too old or broken.
            close_old_connections()
        return environ[LOOKED_UP][2]


def keeps_answers():
    """False without a cache (CACHE_URL=dummy://): an answer is then compressed only for the
    visitor who asked."""
    return not isinstance(caches["default"], DummyCache)


def is_file(request):
    """A static or uploaded file: whitenoise or MediaMiddleware answers it, without the cache
    and without reading the version."""
    return request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def look_up(request):
    """The content version, the cache key and the answer stored under it (or None); all None,
    without reading the version, for a host Django refuses further in."""
    try:
        address = f"{request.scheme}://{request.get_host()}{page_path(request)}"
    except DisallowedHost:
        return None, None, None
    version = ContentVersion.objects.current()
    key = version and cache_key(request, version, address)
    return version, key, (stored_answer(request, key) if key else None)


def is_anonymous_read(request):
    """A GET or HEAD from someone who is not signed in and has no message waiting."""
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def cache_key(request, version, address):
    """The version, the address (scheme, host, path and the page's parameters), and the
    language LocaleMiddleware will choose: the path's, or for an address without one (the
    sitemap), the visitor's."""
    language = get_language_from_request(request, check_path=True)
    return f"public:{version}:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def is_shareable(response):
    """A public 200 that carries nothing of one visitor: no cookie, no Vary on one (the
    language is in the key)."""
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value}
    return (
        response.status_code == 200
        and not response.streaming
        and "public" in cache_control_directives(response)
        and not response.cookies
        and vary <= {"accept-encoding", "accept-language"}
    )


def cache_control_directives(response):
    return {
        directive.strip().split("=")[0].lower(): directive.strip().partition("=")[2]
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip()
    }


def shared_max_age(response):
    return int(cache_control_directives(response)["s-maxage"] or 0)


def finish_private(request, response):
    """Everything not shown to every visitor alike: kept by nobody but the visitor."""
    directives = cache_control_directives(response)
    if "public" in directives or not directives:
        # A public view answering someone signed in may show what only they may see.
        del response["Cache-Control"]
        patch_cache_control(response, private=True, no_store=True)
    if is_text(response) and not response.has_header("Content-Encoding"):
        patch_vary_headers(response, ["Accept-Encoding"])
        encoding = preferred_encoding(request)
        if encoding != "identity" and len(response.content) >= MIN_COMPRESSED_LENGTH:
            response.content = compress(response.content, encoding)
            response["Content-Encoding"] = encoding
            response["Content-Length"] = str(len(response.content))
    return response


def is_text(response):
    """A whole (not streamed) answer of a textual type, which compression shrinks."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return not response.streaming and content_type in COMPRESSIBLE_TYPES


def compress(body, encoding):
    if encoding == "br":
        # Every answer rendered pays for both encodings: quality 5 of 11 is within 2 % of
        # quality 9's size (the programme: 7.6 kB against 7.5 kB) in a tenth of the time.
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


def preferred_encoding(request):
    """The first of ENCODINGS the request's Accept-Encoding allows, or "identity"."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _semicolon, parameters = item.strip().partition(";")
        if parameters.replace(" ", "") not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            accepted.add(name.strip().lower())
    return next((encoding for encoding in ENCODINGS if encoding in accepted), "identity")


CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def stored_answer(request, key):
    """What the cache holds for `key`: a 304 when the visitor's copy is current (or Django's
    412 when a precondition fails), else the answer in the visitor's encoding; None when
    nothing is stored.

    A conditional request reads the stored 304 alone, so a revalidation never loads a body."""
    if any(condition in request.META for condition in CONDITIONS):
        stored_304 = cache_call(cache.get, f"{key}:304")
        if stored_304 is None:
            return None
        verdict = get_conditional_response(request, etag=stored_304["ETag"])
        if verdict is not None:
            # Django's own verdict, without the page's headers: for a 304, the stored one
            # carries them.
            return stored_304 if verdict.status_code == 304 else verdict
    return cache_call(cache.get, f"{key}:{preferred_encoding(request)}")


def encoded_variants(response, version, encodings):
    """A public answer as the cache keeps it: ready to send in each of `encodings` (the same
    bytes for an answer not worth compressing), with its ETag. Stored whole (with the 304
    that revalidates it, not_modified), a hit is sent as it is, headers and all."""
    body = response.content
    digest = hashlib.blake2b(f"{version}:".encode() + body, digest_size=12).hexdigest()
    compressible = is_text(response) and len(body) >= MIN_COMPRESSED_LENGTH
    del response["Content-Length"]
    # Weak: the same content whatever its encoding.
    response["ETag"] = f'W/"{digest}"'
    response["X-Page-Cache"] = "hit"
    if compressible:
        patch_vary_headers(response, ["Accept-Encoding"])
    variants = {}
    for encoding in encodings:
        encoded = compress(body, encoding) if compressible and encoding != "identity" else body
        variant = HttpResponse(encoded, headers=response.headers)
        if encoded is not body:
            variant["Content-Encoding"] = encoding
        variant["Content-Length"] = str(len(encoded))
        variants[encoding] = variant
    return variants


def not_modified(response):
    """The 304 Django sends a visitor whose copy of `response` is current: the headers a 304
    keeps (RFC 9110), no body."""
    revalidation = HttpRequest()
    revalidation.method = "GET"
    revalidation.META["HTTP_IF_NONE_MATCH"] = response["ETag"]
    return get_conditional_response(revalidation, etag=response["ETag"], response=response)


_last_warning = 0.0


def cache_call(method, *args):
    """`method(*args)` on the cache; None, and a warning at most once a minute, on failure."""
    global _last_warning
    try:
        return method(*args)
    except Exception:  # A cache server that is down or unreachable: render uncached.
        if time.monotonic() - _last_warning >= 60:
            _last_warning = time.monotonic()
            logger.warning(
                "The cache cannot be reached; pages are rendered uncached.", exc_info=True
            )
        return None
