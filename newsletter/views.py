import logging

from django.db import OperationalError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from efus_conf.cache.http import public_page
from efus_conf.core.request_helpers import same_origin_forms
from newsletter import ratelimit, services
from newsletter.forms import HONEYPOT_FIELD, SubscribeForm

logger = logging.getLogger(__name__)

RATE_LIMITED = _(
    "Too many subscription requests have come from here or for this address. "
    "Please try again in an hour."
)

DATABASE_BUSY = _(
    "Your subscription could not be saved: the site is very busy right now. Your details are "
    "still here: please send the form again in a minute."
)
RETRY_AFTER_SECONDS = 30


@same_origin_forms  # The form is on public pages, the same for every visitor: no token.
@public_page
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The subscription page; the footer form posts here too."""
    if request.method == "GET":
        form = SubscribeForm(initial={"language": get_language(), "source": request.path})
        return render(request, "newsletter/subscribe.html", {"form": form})
    check_inbox = reverse("newsletter:check_inbox")
    if request.POST.get(HONEYPOT_FIELD):
        return redirect(check_inbox)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form})
    data = form.cleaned_data
    try:
        if not (ratelimit.allow_client(request) and ratelimit.allow_address(data["email"])):
            form.add_error(None, RATE_LIMITED)
            return render(request, "newsletter/subscribe.html", {"form": form}, status=429)
        services.request_subscription(
            email=data["email"],
            name=data["name"],
            organisation=data["organisation"],
            language=data["language"],
            consent_page=data["source"] or request.path,
            consent_language=get_language(),
        )
    except OperationalError:
        # The database stayed locked (or out of reach) past its timeout: nothing was stored,
        # so the visitor gets the form back as sent, and a well-behaved client a time to retry.
        logger.warning("Subscription not stored: the database is busy", exc_info=True)
        form.add_error(None, DATABASE_BUSY)
        response = render(request, "newsletter/subscribe.html", {"form": form}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return redirect(check_inbox)


@public_page
def check_inbox(request):
    """The one page shown after every valid submission, whoever the address belongs to."""
    return render(request, "newsletter/check_inbox.html")


# The signed token in the address authorises the button; like the public forms, it is refused
# when sent from another site's page.
@same_origin_forms
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation mail: GET shows one button and changes nothing (mail
    scanners open every link); the button's POST confirms."""
    if request.method == "POST":
        result = services.confirm(token=token)
    else:
        result = services.confirmation_state(token=token)
    status = (
        400 if result in {services.Confirmation.INVALID, services.Confirmation.EXPIRED} else 200
    )
    return render(request, "newsletter/confirm.html", {"result": result}, status=status)


@csrf_exempt  # Mail programs post the one-click request without a CSRF token; the signed token authorises it.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button. POST (that button, or RFC 8058 one-click): unsubscribe."""
    subscriber = services.subscriber_for_unsubscribe(token=token)
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.unsubscribe(
            subscriber=subscriber,
            one_click=request.POST.get("List-Unsubscribe") == "One-Click",
        )
        return render(request, "newsletter/unsubscribe.html", {"done": True})
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"already": subscriber.status == subscriber.Status.UNSUBSCRIBED},
    )
