"""Tags for what search engines and link previews read: JSON-LD and absolute addresses."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from efus_conf.conference import structured_data
from efus_conf.core.request_helpers import absolute_url

register = template.Library()

# The escapes of django.utils.html.json_script: no "</script>" or HTML can break out.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(value):
    """A dictionary as a <script type="application/ld+json"> data block, safely escaped."""
    data = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


@register.simple_tag
def absolute_static(path):
    """The full address of a static file, as link previews need (og:image)."""
    return absolute_url(static(path))


@register.filter
def absolute(path):
    """The full address of a path on this site, from SITE_URL (never the request's Host)."""
    return absolute_url(path)


@register.simple_tag
def event_jsonld(conference, performers=()):
    """The conference's schema.org Event; pass `performers=` the speakers to list."""
    return jsonld(
        structured_data.event(
            conference, performers=[structured_data.person(speaker) for speaker in performers]
        )
    )


@register.simple_tag(takes_context=True)
def session_jsonld(context, session):
    """A session's schema.org Event, with its people as performers."""
    return jsonld(structured_data.session(session, context.get("conference")))


@register.simple_tag
def person_jsonld(speaker):
    """A speaker's schema.org Person, for their own page."""
    return jsonld(structured_data.speaker_page(speaker))
