"""WSGI entry point, used by gunicorn (see gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

from efus_conf.startup_checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "efus_conf.settings")
require_secret_key()

django_application = get_wsgi_application()

# After Django's set-up, which the cache's models need.
from efus_conf.http_cache import StoredAnswersFirst  # noqa: E402

application = StoredAnswersFirst(django_application)
