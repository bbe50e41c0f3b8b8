from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsletter.models import normalise_email

# Bots fill every field; people never see this one (hidden by CSS, skipped by keyboard and
# screen readers). Its name looks like a field worth filling.
HONEYPOT_FIELD = "website"


class PagePathField(forms.CharField):
    """A path on this site, or "" for anything else: never an error.

    The field is hidden, so an error on it would leave the visitor before a form that
    refuses their submission without saying why.
    """

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(required=False, max_length=300)

    def clean(self, value):
        path = self.to_python(value)
        # Only a path on this site: anything else is not a page the person saw here.
        if (
            not path.startswith("/")
            or path.startswith("//")
            or "\\" in path
            or "\x00" in path
            or len(path) > self.max_length
        ):
            return ""
        return path


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
    source = PagePathField()

    @property
    def field_errors_in_order(self):
        """(field, message) for each error of a field the visitor sees, in the form's order."""
        return [(field, error) for field in self.visible_fields() for error in field.errors]

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        # Django's validator accepts domains IDNA cannot encode (a label too long once
        # encoded) and, matching without regard to case, "ſ" or the Kelvin sign in the local
        # part. Mail goes out over plain SMTP, so the stored address must be ASCII and fit.
        if not email.isascii() or len(email) > 254:
            raise forms.ValidationError(self.fields["email"].error_messages["invalid"])
        return email
