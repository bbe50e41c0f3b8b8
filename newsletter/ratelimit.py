"""The newsletter's rate limits: fixed-window counters in the database (RateLimitCounter),
shared by every worker and machine, keyed by HMACs so that no address is stored."""

from django.conf import settings
from django.utils.crypto import salted_hmac

from efus_conf.core.request_helpers import client_address
from newsletter.models import RateLimitCounter

# Submissions of one email address, whoever sends them: at most three confirmation mails an
# hour for a pending address, and no way to tell a known address from an unknown one.
ADDRESS_LIMIT = (3, 3600)


def _allow(scope, value, limit):
    count, period = limit
    digest = salted_hmac(f"newsletter.ratelimit.{scope}", value, algorithm="sha256").hexdigest()
    return RateLimitCounter.objects.hit(f"{scope}:{period}:{digest}", period=period) <= count


def allow_client(request):
    """False when this client has sent more subscriptions than NEWSLETTER_RATE_LIMIT allows."""
    if settings.NEWSLETTER_RATE_LIMIT is None:
        return True
    return _allow("client", client_address(request), settings.NEWSLETTER_RATE_LIMIT)


def allow_address(email):
    return _allow("address", email, ADDRESS_LIMIT)
