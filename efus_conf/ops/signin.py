"""The admin sign-in page while django-axes pauses signing in for a username and client.

Axes counts failures per username and client address together, in the database (settings,
AXES_*), so a stranger elsewhere cannot lock an organiser out and every worker and machine sees
the same counts. When it pauses an attempt, its middleware asks `locked_out` for the answer:
the admin's own sign-in page, saying how long the pause still lasts.
"""

import math

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PausedSignInForm(AdminAuthenticationForm):
    """The admin sign-in form as shown during a pause: it never checks a password."""

    def __init__(self, request, *, minutes, **kwargs):
        super().__init__(request, **kwargs)
        self.minutes = minutes

    def clean(self):
        raise ValidationError(
            ngettext(
                "Too many failed sign-in attempts. For your security, signing in is paused: "
                "please try again in %(minutes)d minute.",
                "Too many failed sign-in attempts. For your security, signing in is paused: "
                "please try again in %(minutes)d minutes.",
                self.minutes,
            )
            % {"minutes": self.minutes},
            code="paused",
        )


def seconds_left(request, credentials):
    """How long the pause of this username from this client still lasts, in seconds."""
    last_failure = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=request.axes_ip_address,
    ).aggregate(last=Max("attempt_time"))["last"]
    if last_failure is None:
        return settings.AXES_COOLOFF_TIME.total_seconds()
    ends = last_failure + settings.AXES_COOLOFF_TIME
    return max(1, (ends - timezone.now()).total_seconds())


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page with the pause and its time left, as a 429."""
    seconds = math.ceil(seconds_left(request, credentials))
    form = PausedSignInForm(request, data=request.POST, minutes=math.ceil(seconds / 60))
    form.is_valid()
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "form": form,
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME, ""),
    }
    response = render(request, "admin/login.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
