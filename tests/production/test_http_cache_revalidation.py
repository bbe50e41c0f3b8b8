"""Revalidating a stored page: the cache keeps its 304 apart from its bodies, so a 304
never loads a body, and every other condition still gets the answer HTTP asks for."""

from django.core.cache import cache
from django.test import Client


def stored_keys_read(monkeypatch):
    """The suffixes of the cache keys read from now on (":304", ":br", ...)."""
    read = []
    get = cache.get

    def spy(key, *args, **kwargs):
        read.append(key.rsplit(":", 1)[1])
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", spy)
    return read


def test_a_304_reads_the_stored_304_and_no_body(conference, monkeypatch):
    etag = Client().get("/en/")["ETag"]
    read = stored_keys_read(monkeypatch)
    response = Client().get("/en/", headers={"if-none-match": etag, "accept-encoding": "br"})
    assert response.status_code == 304
    assert read == ["304"]


def test_an_etag_the_page_never_had_gets_the_stored_page(conference, monkeypatch):
    Client().get("/en/")
    read = stored_keys_read(monkeypatch)
    response = Client().get("/en/", headers={"if-none-match": 'W/"not-this-page"'})
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert read == ["304", "identity"]


def test_a_failed_if_match_gets_412_from_a_stored_page(conference):
    Client().get("/en/")
    response = Client().get("/en/", headers={"if-match": 'W/"not-this-page"'})
    assert response.status_code == 412


def test_a_hit_in_another_encoding_keeps_the_etag_and_the_policies(conference):
    identity = Client().get("/en/")
    gzipped = Client().get("/en/", headers={"accept-encoding": "gzip"})
    assert gzipped["X-Page-Cache"] == "hit"
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzipped["ETag"] == identity["ETag"]
    for header in ("Content-Security-Policy", "Permissions-Policy", "Cache-Control", "Vary"):
        assert gzipped[header] == identity[header]
