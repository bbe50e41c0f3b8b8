from django import forms
from django.utils.translation import gettext_lazy as _

from speakers import countries, photos
from speakers.models import Speaker


class SpeakerAdminForm(forms.ModelForm):
    """The organisers' form: a new photo is checked by its field, before anything is stored."""

    class Meta:
        model = Speaker
        fields = [
            "name",
            "slug",
            "role",
            "organisation",
            "city",
            "country",
            "photo",
            "photo_credit",
            "focal_x",
            "focal_y",
            "bio",
            "quote",
            "website",
            "linkedin",
            "mastodon",
            "bluesky",
            "x",
            "published",
            "featured",
            "featured_order",
        ]
        field_classes = {"photo": photos.PhotoField}
        widgets = {
            "focal_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "focal_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }


class SpeakerFilterForm(forms.Form):
    """The directory's filters, read from the query string; a bad value is simply ignored."""

    q = forms.CharField(
        label=_("Name, role or organisation"),
        max_length=100,
        required=False,
        widget=forms.SearchInput,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, *, country_codes):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries"))] + countries.sorted_choices(
            country_codes
        )

    def filter(self, speakers):
        """`speakers` narrowed by whichever filters hold a valid value."""
        self.is_valid()
        text = self.cleaned_data.get("q", "").strip()
        if text:
            speakers = speakers.search(text)
        if country := self.cleaned_data.get("country"):
            speakers = speakers.from_country(country)
        return speakers

    @property
    def is_filtered(self):
        return bool(self.cleaned_data.get("q", "").strip() or self.cleaned_data.get("country"))
