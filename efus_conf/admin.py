from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from efus_conf.admin_base import ContentAdmin
from efus_conf.login_throttle import ThrottledAdminAuthenticationForm
from efus_conf.models import Conference, Page, Partner, UsefulLink

admin.site.site_header = _("Security, Democracy & Cities: administration")
admin.site.site_title = _("Conference administration")
admin.site.index_title = _("Conference content")
admin.site.login_form = ThrottledAdminAuthenticationForm
# The lists need the width (the session list shows six columns beside its filters at
# 1280 px); the index and the breadcrumbs lead everywhere the sidebar did.
admin.site.enable_nav_sidebar = False


@admin.register(Conference)
class ConferenceAdmin(ContentAdmin):
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
        (_("Homepage"), {"fields": ["patronage", "intro", "audience", "newsletter_pitch"]}),
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


@admin.register(Partner)
class PartnerAdmin(ContentAdmin):
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
