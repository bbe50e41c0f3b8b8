"""
Settings for the Efus conference site: one module, read from environment variables.

Every variable is documented in docs/settings.md and read with django-environ. Development
defaults are safe to run locally; with DJANGO_DEBUG off the site refuses to start without
DJANGO_SECRET_KEY.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


class Env(environ.Env):
    """django-environ, taking every variable as written, with the caches CACHE_URL names."""

    CACHE_SCHEMES = {
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "rediss": "django.core.cache.backends.redis.RedisCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
    }

    def __init__(self):
        super().__init__()
        # django-environ reads a value that starts with "$" as another variable's name, and a
        # generated key or a password may start with one: each "$" is escaped here and
        # unescaped as it is read (escape_proxy). An empty variable counts as unset.
        self.ENVIRON = {
            name: value.replace("$", r"\$") for name, value in os.environ.items() if value
        }
        self.escape_proxy = True


env = Env()

RATE_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(name, value):
    """ "5/h" → (5, 3600); "off" → None. Anything else stops the site with a clear message."""
    value = value.strip().lower()
    if value == "off":
        return None
    count, _slash, period = value.partition("/")
    if not count.isdigit() or int(count) < 1 or period not in RATE_PERIODS:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a rate: write a positive number of requests per second, "
            f"minute, hour or day, such as 10/m, 5/h or 100/d, or 'off' to disable the limit."
        )
    return int(count), RATE_PERIODS[period]


def cache_from_url(url):
    """The CACHES["default"] entry for a CACHE_URL: locmem://, redis://host:port/db, dummy://."""
    parts = urlsplit(url)
    if parts.scheme not in Env.CACHE_SCHEMES:
        raise ImproperlyConfigured(
            f"CACHE_URL {url!r} is not understood: use locmem:// (the default), "
            "redis://host:port/db or dummy:// (no cache)."
        )
    config = Env.cache_url_config(url)
    if parts.scheme == "locmem":
        config["LOCATION"] = config["LOCATION"] or "efus"
        # Two entries a page (compressed and not): 10,000 pages.
        config.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20000)
    elif parts.scheme.startswith("redis"):
        if not parts.hostname:
            raise ImproperlyConfigured(
                f"CACHE_URL {url!r} has no host: use redis://host:port/db, e.g. "
                "redis://127.0.0.1:6379/0."
            )
        # A Redis that is down or unreachable must not hold pages up (efus_conf/cache/http.py).
        options = config.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
    return config


DEBUG = env.bool("DJANGO_DEBUG", default=False)

# Without a key and with debug off, SECRET_KEY stays empty: the site refuses to start
# (efus_conf.checks), while commands that never sign anything still run.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    cast=str.strip,
    default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "simple_history",
    "import_export",
    "axes",
    # For its translated country names. (django-filter needs no entry: its templates and
    # translations serve widgets and the REST framework, which the site does not use.)
    "django_countries",
    "efus_conf.cache",
    "efus_conf.conference",
    "speakers",
    "programme",
    "newsletter",
    "efus_conf.ops",
    "efus_conf.demo",
]

MIDDLEWARE = [
    # First: Docker's HEALTHCHECK probes http://127.0.0.1:8000/healthz, which host validation
    # and the HTTPS redirect would refuse.
    "efus_conf.ops.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static and uploaded files pay for nothing else.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "efus_conf.core.media.MediaMiddleware",
    # A page's 304 when If-None-Match names its ETag, stored or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # The public pages' cache (efus_conf/cache/http.py): a stored page is sent from here.
    "efus_conf.cache.http.PageCacheMiddleware",
    # Inside the cache, which keeps a page compressed and not (the key says which).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "efus_conf.ops.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware needs the session (for a stored language) and must run before
    # CommonMiddleware, so that a URL without language prefix is redirected before the
    # trailing-slash redirect is computed.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made a change (inline rows and imports included) in the content's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a paused sign-in into efus_conf.ops.signin's page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "efus_conf.urls"
WSGI_APPLICATION = "efus_conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "efus_conf.conference.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL, defaulting to an SQLite file under var/.
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'efus.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write to one SQLite file: WAL lets readers and a writer work at
    # once, IMMEDIATE transactions take the write lock up front (no deadlock on upgrade), and
    # the busy timeout makes a writer wait instead of failing with "database is locked".
    # Past the busy timeout, a form that writes answers 503 with the visitor's input kept.
    # Connections are kept (DJANGO_CONN_MAX_AGE) as on PostgreSQL: every public page reads the
    # content version, and opening a connection (with these pragmas) costs more than a
    # cached page.
    busy_timeout = env.float("DJANGO_DB_BUSY_TIMEOUT", default=20.0)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": busy_timeout,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={int(busy_timeout * 1000)};"
        ),
    }
    DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory per process by default; Redis when several app servers share one.
# Either is correct: what it holds is keyed by the content version in the database.
CACHES = {"default": cache_from_url(env.str("CACHE_URL", default="locmem://"))}
# How long a shared cache (a proxy, a CDN) may keep a public page: the most an organiser's
# change takes to show through one (the site's own cache shows it at once).
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=300)
# Writing to any table of these apps raises the content version (efus_conf/cache/version.py).
CONTENT_APPS = ["efus_conf", "speakers", "programme"]
# The query parameters public pages read: the programme's and the speakers' filters, the
# agenda export's sessions. Any other (fbclid, utm_…) changes nothing on a page, so the cache
# keys on these alone and the language switcher keeps only these.
PAGE_QUERY_PARAMETERS = ["country", "day", "format", "language", "q", "s", "track"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and the fallback for untranslated content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("nl", _("Dutch")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# Open Graph names a page's locale with its territory (og:locale): the usage the text follows.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "fr": "fr_FR", "nl": "nl_BE"}

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# Slugs are filled in from the default language's title in the admin, whatever its language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = LANGUAGE_CODE
# The admin's language tabs need jQuery UI; it is served from our own static files, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Content history (efus_conf/core/history.py): seeing it and restoring from it are permissions of
# their own (view/change on the historical models), given to content editors only.
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True

# Spreadsheet import and export (efus_conf/core/spreadsheets.py) need permissions of their own,
# "import_<model>" and "export_<model>", given to content editors only.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Where `manage.py backup` writes its dated archives; copy them to another machine (README).
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(VAR_DIR / "backups")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Mail: SMTP from the environment; the console in development so `make run` shows mails.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Efus conference <conference@efus.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if DEBUG and "EMAIL_HOST" not in env:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.str("EMAIL_HOST", default="localhost"),
                "port": env.int("EMAIL_PORT", default=25),
                "username": env.str("EMAIL_HOST_USER", default=""),
                "password": env.str("EMAIL_HOST_PASSWORD", default=""),
                "use_tls": env.bool("EMAIL_USE_TLS", default=False),
                # Only the mail worker talks to the server; a hung one costs it this long.
                "timeout": env.float("EMAIL_TIMEOUT", default=10.0),
            },
        }
    }

# The site's public address ("https://conference.efus.eu"): every absolute link (mails,
# canonical and alternate links, sitemap, calendars, structured data) starts with it, never with
# the Host a request claims. In debug it is the development server's, on the PORT that
# `make run PORT=8200` serves (8000 by default); in production `check --deploy` refuses an
# empty one (efus_conf.checks).
SITE_URL = (
    env.str(
        "SITE_URL", default=f"http://127.0.0.1:{env.str('PORT', default='8000')}" if DEBUG else ""
    )
    .strip()
    .rstrip("/")
)

# Mail is queued in the database in the same transaction as the change that asks for it, and
# sent by `manage.py db_worker` (django-tasks-db): a web worker never waits for a mail server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The sender's name, in the recipient's language; the address is DEFAULT_FROM_EMAIL's.
MAIL_SENDER_NAME = _("Efus conference")

# Newsletter: subscriptions per client address (docs/settings.md); "off" disables it for load tests.
NEWSLETTER_RATE_LIMIT = parse_rate(
    "NEWSLETTER_RATE_LIMIT", env.str("NEWSLETTER_RATE_LIMIT", default="5/h")
)

# Security: strict by default in production, documented switches for local production runs.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "efus_conf.conference.views.csrf_failure"
# Behind a reverse proxy that terminates TLS, trust its X-Forwarded-Proto and, for the
# newsletter's and the admin login's per-client limits, the address it appends to
# X-Forwarded-For. Only turn this on when the app server is reachable through the proxy alone.
BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# No inline script or style anywhere (templates load static files only), so no 'unsafe-inline'.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
}

# Admin sign-in (django-axes): failures count per username and client address together, so a
# stranger elsewhere cannot lock an organiser out, in the database, so every worker and
# machine shares the count. The fifth failure pauses that pair for 15 minutes from the last
# failure; a superuser unlocks from the admin (Axes, Access attempts) or with axes_reset.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "efus_conf.core.request_helpers.client_address"
AXES_LOCKOUT_CALLABLE = "efus_conf.ops.signin.locked_out"
# Failures are kept (they are what the pause is made of); successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True

# Logs go to stdout: JSON lines in production (one object per line, for the log collector),
# plain text in development.
LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(
        f"DJANGO_LOG_FORMAT {LOG_FORMAT!r} is not understood: use json or plain."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "efus_conf.ops.json_logging.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # django-axes says INFO on every request it looks at; its warnings (failures) are enough.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
