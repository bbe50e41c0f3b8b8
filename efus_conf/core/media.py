"""Serve uploaded files (speaker photos, partner logos) from MEDIA_ROOT, safely.

The app serves its own media so that a single container, or gunicorn without a separately
configured web server, shows every photo. Uploads are untrusted: only files inside
MEDIA_ROOT are served, never as something a browser would run.
"""

import hashlib
import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotFound
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# Raster images are shown in the page; anything else (SVG included: it can carry script) is
# only ever downloaded.
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"}
# Storage never overwrites a file (a new upload with the same name gets a new name), so a
# media URL always means the same bytes and browsers may keep it for a year.
CACHE_CONTROL = "public, max-age=31536000"
MEDIA_CSP = "default-src 'none'; sandbox"


def media_file(path):
    """The file under MEDIA_ROOT that `path` names, or Http404 for anything else."""
    root = Path(settings.MEDIA_ROOT).resolve()
    if any(part.startswith(".") for part in Path(path).parts):
        raise Http404
    try:
        candidate = (root / path).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    except (OSError, ValueError):
        pass
    raise Http404


def safe_headers(response):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = MEDIA_CSP
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


@require_safe
def serve(request, path):
    """One uploaded file, with conditional GET (ETag and Last-Modified)."""
    file = media_file(path)
    stat = file.stat()
    etag = '"{}"'.format(
        hashlib.sha256(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:32]
    )
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(stat.st_mtime))
    if not_modified is not None:
        return safe_headers(not_modified)
    response = FileResponse(
        file.open("rb"), content_type=content_type, as_attachment=content_type not in INLINE_TYPES
    )
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(stat.st_mtime)
    return safe_headers(response)


class MediaMiddleware:
    """Uploaded files, answered as whitenoise answers static files: before sessions,
    language and the rest, which a file needs none of (a file is the same in every
    language, so it must not say Vary: Accept-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # With object storage, MEDIA_URL is another server's address.
        self.prefix = settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else None

    def __call__(self, request):
        if self.prefix and request.path_info.startswith(self.prefix):
            try:
                return serve(request, request.path_info.removeprefix(self.prefix))
            except Http404:
                return HttpResponseNotFound()
        return self.get_response(request)
