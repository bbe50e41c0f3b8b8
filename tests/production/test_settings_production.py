import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.test import RequestFactory

from efus_conf.ops.json_logging import JSONFormatter
from efus_conf.settings import Env, cache_from_url

ROOT = Path(__file__).resolve().parent.parent.parent


def test_a_value_starting_with_a_dollar_is_taken_as_written(monkeypatch):
    # django-environ alone would read it as the name of another variable.
    monkeypatch.setenv("EMAIL_HOST_PASSWORD", r"$ecret\$HOME")
    assert Env().str("EMAIL_HOST_PASSWORD") == r"$ecret\$HOME"


def test_an_empty_variable_keeps_the_default(monkeypatch):
    monkeypatch.setenv("DJANGO_SECURE_SSL_REDIRECT", "")
    assert Env().bool("DJANGO_SECURE_SSL_REDIRECT", default=True) is True


def test_cache_url_defaults_to_local_memory():
    assert cache_from_url("locmem://")["BACKEND"].endswith("LocMemCache")


def test_cache_url_selects_django_redis_backend():
    config = cache_from_url("redis://cache.internal:6379/1")
    assert config == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def test_cache_url_dummy_turns_caching_off():
    assert cache_from_url("dummy://")["BACKEND"].endswith("DummyCache")


@pytest.mark.parametrize("url", ["memcached://x:11211", "redis:///0", "127.0.0.1:6379", ""])
def test_cache_url_refuses_what_it_does_not_understand(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_from_url(url)


def test_bad_cache_url_stops_the_site_with_a_clear_message():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update({"DJANGO_DEBUG": "1", "CACHE_URL": "memcached://x"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "CACHE_URL 'memcached://x' is not understood" in result.stderr


def test_production_logs_are_json_lines_on_stdout(settings):
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["formatter"] == "json"
    assert handler["stream"] == "ext://sys.stdout"


def test_json_log_line_carries_message_level_extra_and_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("efus").makeRecord(
            "efus",
            logging.ERROR,
            __file__,
            1,
            "Saved %s",
            ("page",),
            sys.exc_info(),
            extra={"status_code": 500, "request": RequestFactory().post("/en/newsletter/")},
        )
    line = JSONFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["message"] == "Saved page"
    assert entry["level"] == "ERROR"
    assert entry["status_code"] == 500
    assert (entry["method"], entry["path"]) == ("POST", "/en/newsletter/")
    assert "ValueError: boom" in entry["exception"]


def test_static_files_are_brotli_compressed_with_far_future_cache(client):
    url = static("css/site.css")
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
