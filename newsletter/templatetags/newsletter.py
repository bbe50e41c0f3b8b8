from django import template
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from efus_conf.page_cache import cached_content
from newsletter.forms import SubscribeForm

register = template.Library()

# Stand-ins for what differs between visitors in the otherwise identical footer form.
SOURCE_MARKER = "@@newsletter-source@@"
CSRF_MARKER = "@@newsletter-csrf-token@@"
CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


def blank_footer_form():
    """The footer form of the active language, with markers for the page and the token."""
    form = SubscribeForm(
        auto_id="footer-newsletter-%s",
        initial={"language": get_language(), "source": SOURCE_MARKER},
    )
    return render_to_string(
        "newsletter/includes/form.html",
        {"form": form, "compact": True, "csrf_token": CSRF_MARKER},
    )


@register.simple_tag(takes_context=True)
def newsletter_footer_form(context):
    """The compact subscription form for the footer of every page.

    Rendering a form is a good part of a page's cost and this one is on every page, so it is
    rendered once per language and content version, then filled in with the page's address
    and the visitor's CSRF token.
    """
    request = context.get("request")
    html = cached_content(f"newsletter-footer-form:{get_language()}", blank_footer_form)
    token = context.get("csrf_token")
    # As {% csrf_token %} renders it: nothing at all without a token.
    csrf_input = format_html(CSRF_INPUT, token) if token else ""
    html = html.replace(format_html(CSRF_INPUT, CSRF_MARKER), csrf_input)
    # The template's output, with escaped values put in.
    return mark_safe(html.replace(SOURCE_MARKER, escape(request.path if request else "")))  # noqa: S308
