from django import template
from django.utils.translation import get_language

from newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/form.html", takes_context=True)
def newsletter_footer_form(context):
    """The compact subscription form in the footer of every page, which records the page
    it was sent from."""
    form = SubscribeForm(
        auto_id="footer-newsletter-%s",
        initial={"language": get_language(), "source": context["request"].path},
    )
    return {"form": form, "compact": True}
