"""WSGI entry point, used by gunicorn (see gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

from efus_conf.checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "efus_conf.settings")
require_secret_key()


def without_body_for_head(application):
    """The answer to a HEAD without its body (RFC 9110, 9.3.2). gunicorn sends whatever body
    the application returns, and a client keeping the connection open would read it as the
    start of its next answer."""

    def head_aware(environ, start_response):
        body = application(environ, start_response)
        if environ["REQUEST_METHOD"] != "HEAD":
            return body
        if hasattr(body, "close"):
            body.close()
        return []

    return head_aware


application = without_body_for_head(get_wsgi_application())
