# syntax=docker/dockerfile:1
# The site in one container: gunicorn serves the pages, whitenoise the static files (hashed,
# gzip and brotli) and the app itself the uploaded media, so nothing else is needed in front
# of it except a TLS-terminating reverse proxy (see README, "Running in production").
FROM python:3.13-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

RUN useradd --system --uid 10001 --create-home --home-dir /home/efus efus

COPY pyproject.toml README.md ./
COPY efus_conf ./efus_conf
COPY speakers ./speakers
COPY programme ./programme
COPY newsletter ./newsletter
RUN pip install .

COPY . .
# Build-time only key: collectstatic and the catalogues need settings, not secrets.
# Translations are compiled with Babel, so the image needs no gettext.
RUN DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput -v0 \
    && python -m babel.messages.frontend compile -d locale -D "django djangojs" \
    && mkdir -p /app/var/media \
    && chown -R 10001:10001 /app/var

# Volumes: /app/var holds the SQLite file (var/efus.sqlite3, unless DATABASE_URL points to
# PostgreSQL) and the uploaded photos and logos (var/media, MEDIA_ROOT). Mount a named volume
# there (-v efus-var:/app/var) to keep them across containers; with several containers, use
# PostgreSQL and shared or object storage for media instead.
VOLUME ["/app/var"]
USER 10001
EXPOSE 8000
# /healthz is answered before host validation and the HTTPS redirect, and checks the database.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
# The web server. The mail worker is the same image run as a process of its own, with the same
# environment and volume: `docker run … efus-conf python manage.py db_worker` (README, "Mail
# worker"). Without it, mail waits in the database queue; nothing is lost.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn -c gunicorn.conf.py"]
