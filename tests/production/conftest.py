import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.machine import require

REDIS_SERVER = Path("/usr/bin/redis-server")


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis server on loopback; yields its CACHE_URL."""
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
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
