"""Tags for pages outside the speakers app that show speakers (the homepage)."""

from django import template

from speakers.models import Speaker

register = template.Library()


@register.simple_tag
def featured_speakers():
    """The speakers the homepage features, in the organisers' order."""
    return Speaker.objects.featured()
