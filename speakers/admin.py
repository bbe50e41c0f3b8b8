from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from efus_conf.conference.admin_base import ContentAdmin
from efus_conf.core.preview import DraftPreviewMixin
from efus_conf.core.spreadsheets import SpreadsheetAdminMixin
from speakers import photos
from speakers.forms import SpeakerAdminForm
from speakers.models import Speaker
from speakers.resources import SpeakerResource


@admin.register(Speaker)
class SpeakerAdmin(DraftPreviewMixin, SpreadsheetAdminMixin, ContentAdmin):
    preview_url_name = "speakers:preview"
    resource_classes = [SpeakerResource]
    form = SpeakerAdminForm
    list_display = [
        "thumbnail",
        "name",
        "role",
        "organisation",
        "country",
        "featured",
        "featured_order",
        "published",
    ]
    list_display_links = ["thumbnail", "name"]
    list_editable = ["featured_order"]
    # Featured speakers first, in homepage order, so their order is edited in one place.
    ordering = ["-featured", "featured_order", "name"]
    list_filter = ["featured", "published", "country"]
    search_fields = ["name", *get_translation_fields("organisation")]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["crop_preview", "preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "organisation", "city", "country"]}),
        (
            _("Photo"),
            {
                "fields": ["photo", "photo_credit", "focal_x", "focal_y", "crop_preview"],
                "description": _(
                    "Pages show a square crop of the photo. Move the focal point so the face "
                    "stays in the square: click the face on the photo below, or type the "
                    "percentages, then save."
                ),
            },
        ),
        (_("Texts"), {"fields": ["bio", "quote"]}),
        (_("Links"), {"fields": ["website", "linkedin", "mastodon", "bluesky", "x"]}),
        (_("Publication"), {"fields": ["published", "preview", "featured", "featured_order"]}),
    ]

    class Media:
        css = {"all": ["css/speakers-admin.css"]}
        js = ["js/speaker-focal-point.js"]

    @admin.display(description=_("photo"))
    def thumbnail(self, speaker):
        return render_to_string(
            "speakers/includes/photo.html",
            {"speaker": speaker, "sizes": "48px", "lazy": True, "px": 48},
        )

    @admin.display(description=_("crop preview"))
    def crop_preview(self, speaker):
        return render_to_string("speakers/admin/crop_preview.html", {"speaker": speaker})

    def save_model(self, request, obj, form, change):
        # The photo goes through photos.py rather than the upload being saved as it came.
        if "photo" in form.changed_data:
            if isinstance(form.cleaned_data["photo"], UploadedFile):
                photos.set_photo(obj, form.cleaned_data["photo"])
            else:
                photos.remove_photo(obj)
            return
        super().save_model(request, obj, form, change)
        if {"focal_x", "focal_y", "slug"} & set(form.changed_data):
            photos.make_renditions(obj)
