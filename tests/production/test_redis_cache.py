"""The cache on a real Redis server."""

import pytest
from django.core.cache import caches

from efus_conf.settings import cache_from_url


@pytest.fixture
def redis_cache(settings, redis_url):
    settings.CACHES = {"default": cache_from_url(redis_url)}
    return caches["default"]


def test_pages_are_cached_and_invalidated_in_redis(client, conference, redis_cache):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    conference.tagline_en = "Stored in Redis"
    conference.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Stored in Redis" in response.content.decode()
