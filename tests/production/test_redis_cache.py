"""The page cache on a real Redis server, when the machine has one."""

import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.core.cache import caches

from efus_conf.models import Conference
from efus_conf.settings import cache_from_url
from tests.machine import require

REDIS_SERVER = Path("/usr/bin/redis-server")


@pytest.fixture
def redis_cache(settings, tmp_path):
    require(REDIS_SERVER, "the Redis cache tests need Debian's redis-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(50):
            with socket.socket() as client:
                if client.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{port}/0")}
        yield caches["default"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pages_are_cached_and_invalidated_in_redis(client, demo, redis_cache):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    conference = Conference.objects.current()
    conference.tagline_en = "Stored in Redis"
    conference.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Stored in Redis" in response.content.decode()
