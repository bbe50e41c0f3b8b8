"""Organisers' preview of a draft page, exactly as visitors will see it once published."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control


def draft_preview(permission):
    """For staff with `permission` only; never stored by any cache or shared proxy."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return cache_control(private=True, no_store=True)(staff_member_required(checked))

    return decorator


class DraftPreviewMixin:
    """Admin of content that is drafted first: "View on site" and the preview links open a
    draft's preview (`preview_url_name`, which takes the object's pk) in each language."""

    preview_url_name = None

    def view_on_site(self, obj):
        # A draft has no public page yet.
        if obj.published:
            return obj.get_absolute_url()
        return reverse(self.preview_url_name, args=[obj.pk])

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return preview_links(self.preview_url_name, obj)


def preview_links(url_name, obj):
    """Links to the preview of `obj` in each language, for its admin form."""
    if obj is None or obj.pk is None:
        return "–"
    links = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            url = reverse(url_name, args=[obj.pk])
        # Each language by its own name, as in the site's language switcher.
        links.append((url, code, get_language_info(code)["name_local"]))
    return format_html_join(
        " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
    ) or format_html("–")
