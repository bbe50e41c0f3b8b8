"""What must hold before the site serves anything, checked where it starts (wsgi.py, asgi.py).

Not when the settings are read: commands that need no key (makemigrations, collectstatic in an
image build) run without one, as Django intends by checking SECRET_KEY only when it is used.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

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
