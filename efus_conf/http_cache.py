"""The one cache of the site, in plain HTTP: a public page is the same for every visitor.

1. A view that shows the same thing to everyone says so with `public_page` (or
   `live_page`, `public_export`): `Cache-Control: public` with its lifetimes. Every other
   answer is `private, no-store`.
2. An anonymous GET or HEAD reads the content version (one indexed query; database
   triggers raise it on any change to content, see content_version.py).
3. The answer stored under that version, the address and the host is sent as it is, already
   compressed for the visitor's Accept-Encoding; a matching If-None-Match gets a 304.
4. Otherwise the view renders it; a public answer that sets no cookie is compressed once
   (gzip and Brotli) and stored for its s-maxage.
5. A proxy or CDN in front reads the same headers (deploy/nginx.conf).

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
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request

from efus_conf.models import ContentVersion
from efus_conf.request_helpers import page_path

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
        if not is_anonymous_read(request):
            return finish_private(request, self.get_response(request))
        version = ContentVersion.objects.current()
        key = version and cache_key(request, version)
        entry = key and cache_call(cache.get, key)
        if entry:
            return entry.respond(request, hit=True)
        response = self.get_response(request)
        if not is_shareable(response):
            return finish_private(request, response)
        entry = StoredResponse.from_response(response, version)
        if key:
            cache_call(cache.set, key, entry, shared_max_age(response))
        return entry.respond(request, hit=False)


def is_anonymous_read(request):
    """A GET or HEAD from someone who is not signed in and has no message waiting."""
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def cache_key(request, version):
    """The version, the address, and the language LocaleMiddleware will choose: the path's,
    or for an address without one (the sitemap), the visitor's."""
    language = get_language_from_request(request, check_path=True)
    address = f"{request.get_host()}{page_path(request)}"
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
        encoding = preferred_encoding(request, ENCODINGS)
        if encoding and len(response.content) >= MIN_COMPRESSED_LENGTH:
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
        # Quality 9 of 11: close to the smallest, at a fraction of the time.
        return brotli.compress(body, quality=9)
    return gzip.compress(body, compresslevel=6, mtime=0)


def preferred_encoding(request, encodings):
    """The first of `encodings` the request's Accept-Encoding allows, or None."""
    accepted = set()
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _semicolon, parameters = item.strip().partition(";")
        if parameters.replace(" ", "") not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            accepted.add(name.strip().lower())
    return next((encoding for encoding in encodings if encoding in accepted), None)


class StoredResponse:
    """A public answer as the cache keeps it: headers, ETag and the body in each encoding."""

    def __init__(self, *, headers, bodies, etag):
        self.headers = headers
        self.bodies = bodies
        self.etag = etag

    @classmethod
    def from_response(cls, response, version):
        body = response.content
        digest = hashlib.blake2b(f"{version}:".encode() + body, digest_size=12).hexdigest()
        # Weak: the same content whatever its encoding.
        etag = f'W/"{digest}"'
        bodies = {"identity": body}
        if is_text(response) and len(body) >= MIN_COMPRESSED_LENGTH:
            bodies.update({encoding: compress(body, encoding) for encoding in ENCODINGS})
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in {"content-length", "etag"}
        }
        return cls(headers=headers, bodies=bodies, etag=etag)

    def respond(self, request, *, hit):
        encoding = preferred_encoding(request, [name for name in ENCODINGS if name in self.bodies])
        response = HttpResponse(self.bodies[encoding or "identity"], headers=self.headers)
        response["ETag"] = self.etag
        if len(self.bodies) > 1:
            patch_vary_headers(response, ["Accept-Encoding"])
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = "hit" if hit else "miss"
        return get_conditional_response(request, etag=self.etag, response=response) or response


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
