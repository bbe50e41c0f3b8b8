"""Checks that every kind of uploaded file shares."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def refuse_larger_than(upload, limit, message, code):
    """Raise ValidationError(message) when `upload` is over `limit` bytes; the message may
    name both sizes, as %(size)s and %(limit)s, which it gets readable ("5.0 MB")."""
    if upload.size > limit:
        raise ValidationError(
            message,
            code=code,
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
