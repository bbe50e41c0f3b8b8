from django import forms

from speakers import photos
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
