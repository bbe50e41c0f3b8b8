from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsletter.models import normalise_email

# Bots fill every field; people never see this one (hidden by CSS, skipped by keyboard and
# screen readers). Its name looks like a field worth filling.
HONEYPOT_FIELD = "website"


class SubscribeForm(forms.Form):
    """The subscription form, full on the newsletter page and compact in the footer."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _(
                "This does not look like an email address. Please check it, e.g. name@example.org."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    language = forms.ChoiceField(label=_("Newsletter language"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Please tick the box to agree, otherwise we cannot send you the newsletter."
            )
        },
    )
    # The path of the page the form was shown on, for the consent record.
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_source(self):
        source = self.cleaned_data["source"]
        # Only a path on this site: anything else is not a page the person saw here.
        if not source.startswith("/") or source.startswith("//") or "\\" in source:
            return ""
        return source
