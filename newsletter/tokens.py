"""Signed links in the newsletter's mails: confirmation (expiring) and unsubscribe (lasting).

A token carries the subscriber's id and a keyed digest of their address, so a link stops
working if the row is deleted and its id is ever reused for someone else.
"""

import datetime

from django.core.signing import BadSignature, SignatureExpired, Signer, TimestampSigner
from django.utils.crypto import constant_time_compare, salted_hmac

from newsletter.models import Subscriber

CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)


# Signers are made when used, not at import: they read SECRET_KEY (and its fallbacks) then.
def _confirm_signer():
    return TimestampSigner(salt="newsletter.confirm")


def _unsubscribe_signer():
    # Unsubscribe links never expire: a mail read years later must still let people leave.
    return Signer(salt="newsletter.unsubscribe")


def _address_digest(email):
    return salted_hmac("newsletter.token.address", email, algorithm="sha256").hexdigest()[:20]


def _payload(subscriber):
    return f"{subscriber.pk}.{_address_digest(subscriber.email)}"


def _subscriber(payload):
    pk, _dot, digest = payload.partition(".")
    if not pk.isdigit():
        raise BadSignature("Malformed newsletter token.")
    subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    if subscriber is None or not constant_time_compare(digest, _address_digest(subscriber.email)):
        raise BadSignature("No subscriber for this newsletter token.")
    return subscriber


def confirmation_token(subscriber):
    return _confirm_signer().sign(_payload(subscriber))


def unsubscribe_token(subscriber):
    return _unsubscribe_signer().sign(_payload(subscriber))


def subscriber_to_confirm(token):
    """The subscriber a confirmation link is for.

    Raises SignatureExpired (with the subscriber as `subscriber` attribute, so a late click
    by someone already confirmed can be told so) or BadSignature.
    """
    signer = _confirm_signer()
    try:
        return _subscriber(signer.unsign(token, max_age=CONFIRMATION_MAX_AGE))
    except SignatureExpired as expired:
        expired.subscriber = _subscriber(signer.unsign(token))
        raise


def subscriber_to_unsubscribe(token):
    """The subscriber an unsubscribe link is for; raises BadSignature."""
    return _subscriber(_unsubscribe_signer().unsign(token))
