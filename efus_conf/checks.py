"""The project's own system checks (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """Production needs SITE_URL: absolute links never follow the Host a request claims."""
    if settings.DEBUG:
        return []
    if not settings.SITE_URL:
        return [
            Error(
                "SITE_URL is empty.",
                hint=(
                    "Set SITE_URL to the site's public address, e.g. "
                    "https://conference.efus.eu: links in mails, canonical and alternate "
                    "links, the sitemap and the calendars start with it."
                ),
                id="efus_conf.E001",
            )
        ]
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        return [
            Error(
                f"SITE_URL {settings.SITE_URL!r} is not a site address.",
                hint="Write the scheme and host only, e.g. https://conference.efus.eu.",
                id="efus_conf.E002",
            )
        ]
    return []
