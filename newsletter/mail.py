"""The newsletter's own mails, rendered in the subscriber's language."""

import email.policy
from email.utils import formataddr, make_msgid, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from efus_conf.conference.models import Conference
from efus_conf.core.request_helpers import absolute_url
from newsletter import tokens
from newsletter.models import Mail


class ListMessage(EmailMultiAlternatives):
    """A mail whose list headers are written literally, however long the address.

    Python's mail policy encodes a header line longer than 78 characters (RFC 2047), which
    turns `<https://…>` into `=?utf-8?q?=3Chttps…?=`; RFC 2369 and RFC 8058 want the angle
    brackets and the address as they are, and mailbox providers look for exactly that. A URL
    has no space to fold at, so the line stays long (well within SMTP's 998 characters).
    """

    def __init__(self, *args, literal_headers, **kwargs):
        super().__init__(*args, **kwargs)
        self.literal_headers = literal_headers

    def message(self, *, policy=email.policy.default):
        message = super().message(policy=policy.clone(refold_source="none"))
        for name, value in self.literal_headers.items():
            # set_raw keeps the value as given; a CR or LF would start another header.
            if "\r" in value or "\n" in value:
                raise ValueError(f"{name} must be one line")
            del message[name]
            message.set_raw(name, value)
        return message


def sender():
    """DEFAULT_FROM_EMAIL's address with MAIL_SENDER_NAME in the active language."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((str(settings.MAIL_SENDER_NAME), address))


def message_id():
    """A Message-ID on the site's own domain rather than the machine's host name."""
    # Without SITE_URL (only in debug), the machine's name, looked up once by Django.
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or str(DNS_NAME))


def build_message(mail):
    """A plain-text mail with an HTML alternative and RFC 8058 one-click unsubscribe headers.

    A confirmation goes to an address nobody has confirmed yet, so it holds nothing the
    requester typed (name, organisation): the form cannot be used to mail a stranger words.
    """
    subscriber = mail.subscriber
    with translation.override(subscriber.language):
        unsubscribe_url = absolute_url(
            reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
        )
        context = {
            "name": subscriber.name if mail.kind == Mail.Kind.NOTICE else "",
            "conference": Conference.objects.current(),
            "unsubscribe_url": unsubscribe_url,
            "privacy_url": absolute_url(reverse("page", kwargs={"slug": "privacy"})),
            "site_url": absolute_url(reverse("home")),
            "max_age_days": tokens.CONFIRMATION_MAX_AGE.days,
        }
        if mail.kind == Mail.Kind.CONFIRMATION:
            context["confirm_url"] = absolute_url(
                reverse("newsletter:confirm", args=[tokens.confirmation_token(subscriber)])
            )
        subject = " ".join(
            render_to_string(f"newsletter/email/{mail.kind}_subject.txt", context).split()
        )
        context["subject"] = subject
        text = render_to_string(f"newsletter/email/{mail.kind}.txt", context)
        html = render_to_string(f"newsletter/email/{mail.kind}.html", context)
        from_email = sender()
    message = ListMessage(
        subject,
        text,
        from_email=from_email,
        to=[subscriber.email],
        headers={"Message-ID": message_id()},
        literal_headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
