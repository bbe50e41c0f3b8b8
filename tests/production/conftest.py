import subprocess
from pathlib import Path

import pytest

from tests.support.gunicorn_site import free_port, wait_for_port
from tests.support.machine import require

REDIS_SERVER = Path("/usr/bin/redis-server")


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis server on loopback; yields its CACHE_URL."""
    require(REDIS_SERVER, "the Redis cache tests need Debian's redis-server")
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
