"""gunicorn settings; every value can be overridden with GUNICORN_* environment variables."""

import multiprocessing

from gunicorn import glogging

from efus_conf.ops.json_logging import JSONFormatter

# The site's settings, read from the same environment the same way (django-environ): gunicorn's
# own lines follow DJANGO_LOG_FORMAT as the site's do.
from efus_conf.settings import LOG_FORMAT, env

bind = env.str("GUNICORN_BIND", default="0.0.0.0:8000")
workers = env.int("GUNICORN_WORKERS", default=multiprocessing.cpu_count() * 2 + 1)
threads = env.int("GUNICORN_THREADS", default=2)
timeout = env.int("GUNICORN_TIMEOUT", default=30)
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = env.str("GUNICORN_FORWARDED_ALLOW_IPS", default="127.0.0.1")
wsgi_app = "efus_conf.wsgi:application"


class JSONLogger(glogging.Logger):
    """gunicorn's own access and error lines as JSON lines, like the site's (DJANGO_LOG_FORMAT)."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JSONFormatter())


if LOG_FORMAT == "json":
    logger_class = JSONLogger
