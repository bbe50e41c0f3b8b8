from django import template
from django.utils.translation import get_language

from newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/form.html", takes_context=True)
def newsletter_footer_form(context):
    """The compact subscription form for the footer of every page."""
    request = context.get("request")
    form = SubscribeForm(
        auto_id="footer-newsletter-%s",
        initial={"language": get_language(), "source": request.path if request else ""},
    )
    # An inclusion tag gets a fresh context: the CSRF token must be handed over.
    return {"form": form, "compact": True, "csrf_token": context.get("csrf_token")}
