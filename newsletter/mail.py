"""The newsletter's own mails, rendered in the subscriber's language."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from efus_conf.models import Conference
from newsletter import tokens

CONFIRMATION = "confirmation"
NOTICE = "notice"


def build_message(*, subscriber, kind, site_url):
    """A plain-text mail with an HTML alternative and RFC 8058 one-click unsubscribe headers."""
    with translation.override(subscriber.language):
        unsubscribe_url = site_url + reverse(
            "newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)]
        )
        context = {
            "subscriber": subscriber,
            "conference": Conference.objects.current(),
            "unsubscribe_url": unsubscribe_url,
            "privacy_url": site_url + reverse("page", kwargs={"slug": "privacy"}),
            "site_url": site_url + reverse("home"),
            "max_age_days": tokens.CONFIRMATION_MAX_AGE.days,
        }
        if kind == CONFIRMATION:
            context["confirm_url"] = site_url + reverse(
                "newsletter:confirm", args=[tokens.confirmation_token(subscriber)]
            )
        subject = " ".join(
            render_to_string(f"newsletter/email/{kind}_subject.txt", context).split()
        )
        context["subject"] = subject
        text = render_to_string(f"newsletter/email/{kind}.txt", context)
        html = render_to_string(f"newsletter/email/{kind}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
