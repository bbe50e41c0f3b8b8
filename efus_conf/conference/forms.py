import hashlib

from django import forms
from django.core.files.uploadedfile import UploadedFile

from efus_conf.conference.models import Venue
from efus_conf.core import images

# A floor plan smaller than this cannot be read; larger than the second, it only weighs more.
VENUE_MAP_MIN_SIDE = 300
VENUE_MAP_MAX_SIDE = 2400


class VenueMapField(images.ImageUploadField):
    min_side = VENUE_MAP_MIN_SIDE


class VenueAdminForm(forms.ModelForm):
    """The organisers' form: a new venue map is checked, then only a clean copy is stored."""

    class Meta:
        model = Venue
        # The admin's fieldsets name the fields it shows; this form only adds the map's check.
        fields = ["map"]
        field_classes = {"map": VenueMapField}

    def clean_map(self):
        upload = self.cleaned_data.get("map")
        if not isinstance(upload, UploadedFile):
            return upload
        content = images.clean_image(upload, max_side=VENUE_MAP_MAX_SIDE)
        # Named by content: a new map gets a new address, which browsers may keep for a year.
        digest = hashlib.sha256(content.read()).hexdigest()[:10]
        content.seek(0)
        content.name = f"venue-map-{digest}.{content.name.rpartition('.')[2]}"
        return content
