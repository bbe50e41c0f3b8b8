"""Request helpers shared by the apps."""

from django.conf import settings


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
