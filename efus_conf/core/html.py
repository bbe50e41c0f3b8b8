"""Rich text written by organisers is sanitised with nh3 before it reaches a page."""

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "em", "h2", "h3", "h4", "i", "li", "ol", "p",
    "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}


def sanitise_html(html):
    """Return organiser HTML with only safe tags and attributes left, marked safe."""
    return mark_safe(
        nh3.clean(
            html or "",
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener noreferrer",
        )
    )
