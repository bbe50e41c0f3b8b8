from django import forms
from django.contrib import admin, messages
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline
from modeltranslation.utils import get_translation_fields

from efus_conf.conference.admin_base import ContentAdmin
from efus_conf.conference.models import Conference
from efus_conf.core.preview import DraftPreviewMixin
from efus_conf.core.spreadsheets import SpreadsheetAdminMixin
from programme.admin_views import ScheduleImportView
from programme.forms import SessionAdminForm
from programme.models import (
    CONFERENCE_TZ,
    Room,
    Session,
    SessionChange,
    SessionMaterial,
    SessionSpeaker,
    Track,
)
from programme.resources import SessionResource
from programme.schedule import conference_days


@admin.register(Room)
class RoomAdmin(ContentAdmin):
    list_display = ["name", "location", "capacity", "order"]
    list_editable = ["order"]
    search_fields = get_translation_fields("name")

    def get_changeform_initial_data(self, request):
        # A new room is one of the current conference's venue's.
        initial = super().get_changeform_initial_data(request)
        if "venue" not in initial and (conference := Conference.objects.current()):
            initial["venue"] = conference.venue.pk
        return initial


@admin.register(Track)
class TrackAdmin(ContentAdmin):
    list_display = ["swatch", "name", "slug", "order"]
    list_display_links = ["swatch", "name"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = get_translation_fields("name")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "colour":
            kwargs["widget"] = forms.TextInput(attrs={"type": "color"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("colour"))
    def swatch(self, track):
        # An SVG fill, not a style attribute: the site's Content-Security-Policy forbids those.
        return format_html(
            '<svg width="16" height="16" aria-hidden="true"><rect width="16" height="16" '
            'rx="3" fill="{}"/></svg>',
            track.colour,
        )


SPEAKERS_LISTED = 3


class DayListFilter(admin.SimpleListFilter):
    title = _("day")
    parameter_name = "day"

    def lookups(self, request, model_admin):
        return [(day.isoformat(), date_format(day, "l j F")) for day in conference_days()]

    def queryset(self, request, queryset):
        for day in conference_days():
            if day.isoformat() == self.value():
                return queryset.for_day(day)
        return queryset


class TrackListFilter(admin.RelatedFieldListFilter):
    """Sessions by track, with "No track" rather than Django's "-" for those without one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = _("No track")


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 1
    fields = ["speaker", "role", "order"]
    # A search box, not a select of every speaker: the conference has hundreds.
    autocomplete_fields = ["speaker"]


class SessionMaterialInline(TranslationTabularInline):
    model = SessionMaterial
    extra = 0
    fields = ["title", "kind", "language", "file", "order"]


@admin.register(Session)
class SessionAdmin(DraftPreviewMixin, SpreadsheetAdminMixin, ContentAdmin):
    preview_url_name = "programme:session_preview"
    resource_classes = [SessionResource]
    form = SessionAdminForm

    class Media:
        css = {"all": ["css/admin-sessions.css"]}

    change_list_template = "admin/programme/session/change_list.html"
    list_display = ["title", "start_display", "room", "track", "speaker_names", "status"]
    list_filter = [
        DayListFilter, "room", ("track", TrackListFilter), "format", "availability", "cancelled",
        "published",
    ]  # fmt: skip
    list_select_related = ["room", "track"]
    search_fields = [*get_translation_fields("title"), "slug", "people__speaker__name"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionSpeakerInline, SessionMaterialInline]
    actions = ["duplicate_sessions"]
    readonly_fields = ["preview", "sequence", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "start",
                    "end",
                    "room",
                    "confirm_clashes",
                    "meeting_point",
                    "meeting_time",
                ],
                "description": _("Times are Brussels time."),
            },
        ),
        (
            _("Kind and language"),
            {"fields": ["format", "track", "language", "interpretation"]},
        ),
        (
            _("Places"),
            {"fields": ["capacity", "availability", "registration_url"]},
        ),
        (
            _("After the event"),
            {
                "fields": ["recording_url", "report"],
                "description": _("Documents (slides, reports) are added at the bottom."),
            },
        ),
        (
            None,
            {
                "fields": [
                    "published",
                    "cancelled",
                    "preview",
                    "sequence",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("people__speaker")

    def get_urls(self):
        view = ScheduleImportView.as_view(
            admin_site=self.admin_site, extra_context={"opts": self.model._meta}
        )
        view = self.admin_site.admin_view(view)
        return [
            path("import-schedule/", view, name="programme_session_import_schedule"),
            *super().get_urls(),
        ]

    @admin.display(description=_("start (Brussels time)"), ordering="start")
    def start_display(self, session):
        start = timezone.localtime(session.start, CONFERENCE_TZ)
        # Day and time on two short lines keep the column narrow.
        return format_html("{}<br>{}", date_format(start, "D j F"), date_format(start, "H:i"))

    @admin.display(description=_("status"), ordering="published")
    def status(self, session):
        return _("Published") if session.published else _("Draft")

    @admin.display(description=_("speakers"))
    def speaker_names(self, session):
        names = [person.speaker.name for person in session.people.all()]
        if len(names) <= SPEAKERS_LISTED:
            return ", ".join(names)
        # A plenary's dozen names would make its row a column of names.
        return ngettext(
            "%(names)s and %(count)d other",
            "%(names)s and %(count)d others",
            len(names) - SPEAKERS_LISTED,
        ) % {"names": ", ".join(names[:SPEAKERS_LISTED]), "count": len(names) - SPEAKERS_LISTED}

    @admin.action(description=_("Duplicate selected sessions"))
    def duplicate_sessions(self, request, queryset):
        copies = [session.duplicate() for session in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d session duplicated; the copy is unpublished.",
                "%(count)d sessions duplicated; the copies are unpublished.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )


@admin.register(SessionChange)
class SessionChangeAdmin(admin.ModelAdmin):
    """The record of changes is written by the database (programme/changes.py); here it is
    only read."""

    list_display = ["session", "recorded_at", "room", "start", "cancelled"]
    list_select_related = ["session", "room"]
    date_hierarchy = "recorded_at"
    search_fields = [f"session__{name}" for name in get_translation_fields("title")]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
