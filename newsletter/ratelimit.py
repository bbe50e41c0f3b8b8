"""Fixed-window counters in Django's cache, keyed by hashes so the cache holds no address."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from efus_conf.request_helpers import client_address

# Submissions of one email address, whoever sends them: at most three confirmation mails an
# hour for a pending address, and no way to tell a known address from an unknown one.
ADDRESS_LIMIT = (3, 3600)


def _allow(scope, key, limit):
    count, period = limit
    window = int(time.time() // period)
    cache_key = f"newsletter:{scope}:{key}:{window}"
    cache.add(cache_key, 0, period)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # The entry expired between add() and incr().
        cache.set(cache_key, 1, period)
        hits = 1
    return hits <= count


def allow_client(request):
    """False when this client has sent more subscriptions than NEWSLETTER_RATE_LIMIT allows."""
    if settings.NEWSLETTER_RATE_LIMIT is None:
        return True
    key = salted_hmac(
        "newsletter.ratelimit.client", client_address(request), algorithm="sha256"
    ).hexdigest()
    return _allow("client", key, settings.NEWSLETTER_RATE_LIMIT)


def allow_address(email):
    key = salted_hmac("newsletter.ratelimit.address", email, algorithm="sha256").hexdigest()
    return _allow("address", key, ADDRESS_LIMIT)
