"""Tags for pages outside the speakers app that show speakers (the homepage)."""

from django import template

from speakers.models import Speaker

register = template.Library()

FEATURED = object()


@register.simple_tag(takes_context=True)
def featured_speakers(context):
    """The speakers the homepage features, in the organisers' order: queried once per page,
    though the head's structured data and the speakers' section both ask."""
    if FEATURED not in context.render_context:
        context.render_context[FEATURED] = list(Speaker.objects.featured())
    return context.render_context[FEATURED]
