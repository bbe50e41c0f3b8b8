from itertools import chain

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from efus_conf.conference.admin_base import ConferenceMonthDates, ContentAdmin
from efus_conf.conference.forms import VenueAdminForm
from efus_conf.conference.models import (
    Conference,
    HomepageCopy,
    KeyFigure,
    Page,
    Partner,
    Registration,
    UsefulLink,
    Venue,
)
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


class ConferencePartInline:
    """A part of the conference (Conference.PARTS), edited on the conference's page: exactly
    one, never deleted there. A mixin, before the inline class."""

    min_num = 1
    max_num = 1
    can_delete = False


class VenueInline(ConferencePartInline, TranslationStackedInline):
    model = Venue
    form = VenueAdminForm
    fieldsets = [
        (None, {"fields": ["name", "address"]}),
        (
            _("Getting there"),
            {
                "fields": [
                    "latitude",
                    "longitude",
                    "public_transport",
                    "map",
                    "map_description",
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
    ]


class RegistrationInline(ConferencePartInline, ConferenceMonthDates, admin.StackedInline):
    model = Registration
    fieldsets = [
        (
            None,
            {
                "fields": ["url", "opens", "closes"],
                "description": _("People register on the organisers' own registration system."),
            },
        ),
    ]


class HomepageCopyInline(ConferencePartInline, TranslationStackedInline):
    model = HomepageCopy
    fieldsets = [
        (
            None,
            {"fields": ["speakers_heading", "patronage", "intro", "audience", "newsletter_pitch"]},
        ),
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
    ]


@admin.register(Conference)
class ConferenceAdmin(ContentAdmin):
    inlines = [VenueInline, RegistrationInline, HomepageCopyInline, KeyFigureInline]
    list_display = ["name", "start_date", "end_date", "city"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "tagline"]}),
        (_("When and where"), {"fields": ["start_date", "end_date", "city", "country"]}),
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

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        """The conference's versions and its parts', newest first: its History page lists
        what changed in the venue, the registration and the homepage texts with the rest."""
        records = [super().get_history_queryset(request, history_manager, pk_name, object_id)]
        if not Conference.objects.filter(pk=object_id).exists():
            return records[0]  # Deleted: the History page reads its last version from its own.
        for part in Conference.PARTS:
            history = Conference._meta.get_field(part).related_model.history
            records.append(super().get_history_queryset(request, history, "conference", object_id))
        return sorted(
            chain(*records),
            key=lambda record: (record.history_date, record.history_id),
            reverse=True,
        )

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        # Each version is compared with the one before it of the same model. A part's version
        # is named by its part and opens on its part's revert page (the conference's would
        # open another version, of the same number).
        for model in {record.instance_type for record in historical_records}:
            records = [record for record in historical_records if record.instance_type is model]
            super().set_history_delta_changes(request, records, **kwargs)
            if model is not Conference:
                for record in records:
                    record.part_name = model._meta.verbose_name
                    record.revert_url = reverse(
                        f"admin:efus_conf_{model._meta.model_name}_simple_history",
                        args=[record.id, record.history_id],
                    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A registration left blank on a new conference is not saved by its inline: every
        # conference still gets its row, so that pages can read it.
        Registration.objects.get_or_create(conference=form.instance)

    def has_add_permission(self, request):
        # The site is about one conference: edit it rather than adding a second.
        return super().has_add_permission(request) and not Conference.objects.exists()

    def has_delete_permission(self, request, obj=None):
        # Never from the list (no bulk action): only a superuser, from the conference's own
        # page, after a warning of what the site loses.
        return obj is not None and request.user.is_superuser


class ConferencePartAdmin:
    """A part's own admin, for the revert page of each of its versions, which the conference's
    History page links. The part is edited on the conference's page: the part's list, page
    and History lead there, and the admin index does not show it. A mixin, first."""

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleted only with its conference (whose delete page asks this of every part), never
        # on its own: its delete page is the conference's.
        return obj is not None and request.user.is_superuser

    def delete_view(self, request, object_id, extra_context=None):
        return redirect("admin:efus_conf_conference_delete", self.conference_id(object_id))

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:efus_conf_conference_changelist")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:efus_conf_conference_change", self.conference_id(object_id))

    def history_view(self, request, object_id, extra_context=None):
        return redirect("admin:efus_conf_conference_history", self.conference_id(object_id))

    def conference_id(self, object_id):
        return get_object_or_404(self.model, pk=unquote(object_id)).conference_id

    def response_change(self, request, obj):
        # A version restored: its message, and back to the conference's History, which lists it.
        super().response_change(request, obj)
        return redirect("admin:efus_conf_conference_history", obj.conference_id)


@admin.register(Venue)
class VenueAdmin(ConferencePartAdmin, ContentAdmin):
    form = VenueInline.form
    fieldsets = VenueInline.fieldsets


@admin.register(Registration)
class RegistrationAdmin(ConferencePartAdmin, ConferenceMonthDates, SimpleHistoryAdmin):
    fieldsets = RegistrationInline.fieldsets


@admin.register(HomepageCopy)
class HomepageCopyAdmin(ConferencePartAdmin, ContentAdmin):
    fieldsets = HomepageCopyInline.fieldsets


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
