"""The service worker, the web app manifest and the offline notice they rely on."""

import pytest

from efus_conf.demo.factories import PageFactory

LANGUAGES = ["en", "fr", "nl"]


def test_service_worker_is_served_from_the_root_and_never_cached(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert b'addEventListener("fetch"' in response.content


@pytest.mark.parametrize("language", LANGUAGES)
def test_manifest_starts_at_the_homepage_of_its_language(client, conference, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["lang"] == language
    assert manifest["theme_color"] == "#00408f"
    assert manifest["name"] and manifest["short_name"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_manifest_icons_exist(client, conference):
    from django.contrib.staticfiles import finders
    from PIL import Image

    for icon in client.get("/en/manifest.webmanifest").json()["icons"]:
        name = icon["src"].removeprefix("/static/")
        original = name.rsplit(".", 2)[0] + ".png"
        with Image.open(finders.find(original)) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_manifest_without_a_conference_still_answers(client, db):
    assert client.get("/en/manifest.webmanifest").json()["name"] == "Efus"


def test_every_page_links_the_manifest_and_the_enhancement_script(client, conference):
    PageFactory(slug="about-efus")
    html = client.get("/nl/about-efus/").content.decode()
    assert '<link rel="manifest" href="/nl/manifest.webmanifest">' in html
    assert 'data-service-worker="/sw.js"' in html
    assert 'data-offline-pages="/nl/ /nl/programme/ /nl/getting-there/ /nl/offline/"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "You are offline"), ("fr", "Vous êtes hors ligne"), ("nl", "U bent offline")],
)
def test_offline_notice_is_translated_and_not_indexed(client, conference, language, text):
    html = client.get(f"/{language}/offline/").content.decode()
    assert f"<h1>{text}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
