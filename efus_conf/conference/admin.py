from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from efus_conf.conference.admin_base import ContentAdmin
from efus_conf.conference.forms import ConferenceAdminForm
from efus_conf.conference.models import Conference, KeyFigure, Page, Partner, UsefulLink
from efus_conf.core import images

# Logos show at most a few hundred pixels wide in the footer; this leaves room for sharp screens.
LOGO_MAX_SIDE = 1200

admin.site.site_header = _("Security, Democracy & Cities: administration")
admin.site.site_title = _("Conference administration")
admin.site.index_title = _("Conference content")
# The lists need the width (the session list shows six columns beside its filters at
# 1280 px); the index and the breadcrumbs lead everywhere the sidebar did.
admin.site.enable_nav_sidebar = False


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 1
    fields = ["value", "label", "order"]


@admin.register(Conference)
class ConferenceAdmin(ContentAdmin):
    form = ConferenceAdminForm
    inlines = [KeyFigureInline]
    list_display = ["name", "start_date", "end_date", "city"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "tagline", "speakers_heading"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "start_date",
                    "end_date",
                    "city",
                    "country",
                    "venue_name",
                    "venue_address",
                ]
            },
        ),
        (
            _("Getting there"),
            {
                "fields": [
                    "venue_latitude",
                    "venue_longitude",
                    "public_transport",
                    "venue_map",
                    "venue_map_description",
                ]
            },
        ),
        (
            _("Accessibility"),
            {
                "fields": [
                    "step_free_access",
                    "hearing_loop",
                    "interpretation_headsets",
                    "quiet_room",
                    "access_contact",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": ["registration_url", "registration_opens", "registration_closes"],
                "description": _("People register on the organisers' own registration system."),
            },
        ),
        (_("Homepage"), {"fields": ["patronage", "intro", "audience", "newsletter_pitch"]}),
        (
            _("After the event"),
            {
                "fields": ["recap"],
                "description": _(
                    "Once the last day is past, the homepage leads with this text, the key "
                    "figures below and the sessions' recordings and documents."
                ),
            },
        ),
        (
            _("Organiser and contacts"),
            {
                "fields": [
                    "organiser_name",
                    "organiser_url",
                    "organiser_blurb",
                    "contact_phone",
                    "contact_email",
                    "copyright_line",
                ]
            },
        ),
    ]

    delete_confirmation_template = "admin/efus_conf/conference/delete_confirmation.html"

    def has_add_permission(self, request):
        # The site is about one conference: edit it rather than adding a second.
        return super().has_add_permission(request) and not Conference.objects.exists()

    def has_delete_permission(self, request, obj=None):
        # Never from the list (no bulk action): only a superuser, from the conference's own
        # page, after a warning of what the site loses.
        return obj is not None and request.user.is_superuser


class PartnerAdminForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "role", "logo", "url", "order"]
        field_classes = {"logo": images.ImageUploadField}


@admin.register(Partner)
class PartnerAdmin(ContentAdmin):
    form = PartnerAdminForm
    list_display = ["logo_thumbnail", "name", "role", "order"]
    list_display_links = ["logo_thumbnail", "name"]
    list_editable = ["order"]
    list_filter = ["role"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        # What is stored is the cleaned copy (no metadata, sane size), never the upload itself.
        if isinstance(form.cleaned_data.get("logo"), UploadedFile):
            obj.logo = images.clean_image(form.cleaned_data["logo"], max_side=LOGO_MAX_SIDE)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, partner):
        if not partner.logo:
            return "–"
        return format_html('<img src="{}" alt="" height="32">', partner.logo.url)


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "slug", "placement", "order", "published", "updated_at"]
    list_editable = ["placement", "order", "published"]
    list_filter = ["placement", "published"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(UsefulLink)
class UsefulLinkAdmin(ContentAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url"]
