# syntax=docker/dockerfile:1
FROM python:3.13-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# gettext for compilemessages; curl-free healthcheck uses Python itself.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home --home-dir /home/efus efus

COPY pyproject.toml README.md ./
COPY efus_conf ./efus_conf
COPY speakers ./speakers
COPY programme ./programme
COPY newsletter ./newsletter
RUN pip install .

COPY . .
# Build-time only key: collectstatic and compilemessages need settings, not secrets.
RUN DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput -v0 \
    && DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py compilemessages -v0 \
    && mkdir -p /app/var/media \
    && chown -R efus:efus /app/var

# /app/var holds the SQLite file (var/efus.sqlite3) and uploaded media (var/media):
# mount a volume there to keep them across containers.
VOLUME ["/app/var"]
USER efus
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn -c gunicorn.conf.py"]
