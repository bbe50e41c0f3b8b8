"""What must hold for the site to run: the system checks of `manage.py check --deploy`, and
the secret key, checked where the site starts (wsgi.py, asgi.py) rather than when the settings
are read: commands that need no key (makemigrations, collectstatic in an image build) run
without one, as Django intends by checking SECRET_KEY only when it is used.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


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


MISSING_SECRET_KEY = (
    "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site will not start without a "
    "secret key: set DJANGO_SECRET_KEY to a long random value (for local development, set "
    "DJANGO_DEBUG=1 instead)."
)


def require_secret_key():
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's message names the setting, not the variable.
        key = ""
    if not key:
        raise ImproperlyConfigured(MISSING_SECRET_KEY)
