"""Admin sign-in throttle: a few failures per account and per client, then a pause.

Counters live in the default cache (shared by every app server when it is Redis) and
expire LOGIN_FAILURE_WINDOW_SECONDS after the first failure.
"""

import hashlib

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from efus_conf.request_helpers import client_address


def failure_keys(username, address):
    account = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    # Keyed by an HMAC, so that the cache holds no visitor address in clear.
    client = salted_hmac("efus_conf.login_throttle.client", address, algorithm="sha256")
    return {
        f"login-failures:account:{account}": settings.LOGIN_FAILURES_PER_ACCOUNT,
        f"login-failures:client:{client.hexdigest()}": settings.LOGIN_FAILURES_PER_CLIENT,
    }


def is_locked(username, address):
    keys = failure_keys(username, address)
    counts = cache.get_many(keys)
    return any(counts.get(key, 0) >= limit for key, limit in keys.items())


def record_failure(username, address):
    for key in failure_keys(username, address):
        if not cache.add(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:
                # Expired between add() and incr(): this failure starts a new window.
                cache.add(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS)


def forget_account_failures(username):
    cache.delete_many([key for key in failure_keys(username, "") if ":account:" in key])


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, refusing to even check a password once the limit is reached."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "throttled": _(
            "Too many failed sign-in attempts. For your security, signing in is paused: "
            "please try again in %(minutes)d minutes."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if is_locked(username, address):
            raise ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW_SECONDS // 60},
            )
        try:
            cleaned_data = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                record_failure(username, address)
            raise
        forget_account_failures(username)
        return cleaned_data
