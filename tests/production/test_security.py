import re

import pytest
from django.conf import settings
from django.urls import reverse

PUBLIC_PAGES = [
    "/en/",
    "/fr/",
    "/nl/",
    "/en/about-efus/",
    "/fr/programme/cities-and-drugs/",
    "/nl/speakers/ada-lindqvist/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_carry_a_strict_content_security_policy(client, small_site, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(item.strip().split(" ", 1) for item in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_inline_script_or_style(client, small_site, path):
    html = client.get(path).content.decode()
    # JSON-LD is a data block, never executed, so the policy has nothing to say about it.
    assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))[^>]*>', html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_security_headers_are_set(client, small_site):
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"]:
        assert feature in permissions


def test_cookies_are_secure_and_http_only():
    assert settings.SESSION_COOKIE_SECURE and settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_SECURE and settings.CSRF_COOKIE_HTTPONLY


@pytest.mark.parametrize("probe", ["/healthz", "/readyz"])
def test_probes_answer_by_ip_address_without_redirect(client, db, settings, probe):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(probe, HTTP_HOST="172.17.0.2:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_other_addresses_still_validate_the_host(client, db):
    assert client.get("/en/", HTTP_HOST="evil.example.com").status_code == 400


class UnreachableDatabase:
    def cursor(self):
        raise OSError("connection refused")


def test_readyz_fails_and_names_an_unavailable_database(client, db, monkeypatch):
    monkeypatch.setattr("efus_conf.ops.probes.connection", UnreachableDatabase())
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "error: OSError",
        "cache": "ok",
    }


def test_healthz_stays_a_liveness_probe_while_the_database_is_unavailable(client, db, monkeypatch):
    monkeypatch.setattr("efus_conf.ops.probes.connection", UnreachableDatabase())
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
