from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from efus_conf.forms import ConferenceAdminForm
from efus_conf.login_throttle import ThrottledAdminAuthenticationForm
from efus_conf.models import Conference, KeyFigure, Page, Partner, UsefulLink

admin.site.site_header = _("Security, Democracy & Cities: administration")
admin.site.site_title = _("Conference administration")
admin.site.index_title = _("Conference content")
admin.site.login_form = ThrottledAdminAuthenticationForm


class KeyFigureInline(TranslationTabularInline):
    model = KeyFigure
    extra = 1
    fields = ["value", "label", "order"]


@admin.register(Conference)
class ConferenceAdmin(TabbedTranslationAdmin):
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

    def has_add_permission(self, request):
        # The site is about one conference: edit it rather than adding a second.
        return super().has_add_permission(request) and not Conference.objects.exists()


@admin.register(Partner)
class PartnerAdmin(TabbedTranslationAdmin):
    list_display = ["logo_thumbnail", "name", "role", "order"]
    list_display_links = ["logo_thumbnail", "name"]
    list_editable = ["order"]
    list_filter = ["role"]
    search_fields = ["name"]

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, partner):
        if not partner.logo:
            return "–"
        return format_html('<img src="{}" alt="" height="32">', partner.logo.url)


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "placement", "order", "published", "updated_at"]
    list_editable = ["placement", "order", "published"]
    list_filter = ["placement", "published"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(UsefulLink)
class UsefulLinkAdmin(TabbedTranslationAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url"]
