from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from programme.changes import SessionChange
from programme.models import CONFERENCE_TZ, Room, Session, SessionMaterial, SessionSpeaker, Track
from programme.schedule import conference_days


@admin.register(Room)
class RoomAdmin(TabbedTranslationAdmin):
    list_display = ["name", "location", "capacity", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_fr", "name_nl"]


@admin.register(Track)
class TrackAdmin(TabbedTranslationAdmin):
    list_display = ["swatch", "name", "slug", "order"]
    list_display_links = ["swatch", "name"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_en"]}
    search_fields = ["name_en", "name_fr", "name_nl"]

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
class SessionAdmin(TabbedTranslationAdmin):
    list_display = [
        "title", "start_display", "room", "format", "speaker_names", "availability", "published",
    ]  # fmt: skip
    list_filter = [
        DayListFilter, "room", "track", "format", "availability", "cancelled", "published",
    ]  # fmt: skip
    list_select_related = ["room", "track"]
    search_fields = ["title_en", "title_fr", "title_nl", "slug", "people__speaker__name"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SessionSpeakerInline, SessionMaterialInline]
    actions = ["duplicate_sessions"]
    readonly_fields = ["sequence", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("When and where"),
            {
                "fields": ["start", "end", "room", "meeting_point", "meeting_time"],
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
            {"fields": ["published", "cancelled", "sequence", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("people__speaker")

    @admin.display(description=_("start (Brussels time)"), ordering="start")
    def start_display(self, session):
        return date_format(timezone.localtime(session.start, CONFERENCE_TZ), "D j F, H:i")

    @admin.display(description=_("speakers"))
    def speaker_names(self, session):
        return ", ".join(person.speaker.name for person in session.people.all())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.warn_about_clashes(request, form.instance)

    def warn_about_clashes(self, request, session):
        """Clashes are warnings, not errors: organisers sometimes double-book on purpose."""
        for other in session.room_clashes():
            messages.warning(
                request,
                _("%(room)s is also booked for “%(other)s” (%(start)s–%(end)s).")
                % {
                    "room": session.room,
                    "other": other,
                    "start": date_format(other.local_start, "D j F, H:i"),
                    "end": date_format(other.local_end, "H:i"),
                },
            )
        for clash in session.speaker_clashes():
            messages.warning(
                request,
                _("%(speaker)s is also in “%(other)s” at the same time (%(start)s–%(end)s).")
                % {
                    "speaker": clash.speaker,
                    "other": clash.session,
                    "start": date_format(clash.session.local_start, "D j F, H:i"),
                    "end": date_format(clash.session.local_end, "H:i"),
                },
            )

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
    """The record of changes is written by saving sessions; here it is only read."""

    list_display = ["session", "recorded_at", "room", "start", "cancelled"]
    list_select_related = ["session", "room"]
    date_hierarchy = "recorded_at"
    search_fields = ["session__title_en", "session__title_fr", "session__title_nl"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
