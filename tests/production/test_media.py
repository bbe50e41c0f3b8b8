import re

import pytest
from django.conf import settings

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def media_root(db):
    root = settings.MEDIA_ROOT
    (root / "speakers").mkdir(parents=True)
    (root / "speakers" / "ada.png").write_bytes(PNG)
    (root / "speakers" / "evil.html").write_text("<script>alert(1)</script>")
    (root / ".secret").write_text("hidden")
    return root


def test_image_is_served_inline_with_safe_long_lived_headers(client, media_root):
    response = client.get("/media/speakers/ada.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "public, max-age=31536000"
    assert response["Content-Disposition"].startswith("inline")
    assert response["ETag"] and response["Last-Modified"]


def test_media_response_sets_no_cookie(client, media_root):
    assert not client.get("/media/speakers/ada.png").cookies


def test_unchanged_image_answers_not_modified(client, media_root):
    first = client.get("/media/speakers/ada.png")
    by_etag = client.get("/media/speakers/ada.png", HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get("/media/speakers/ada.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_etag.status_code == 304
    assert by_date.status_code == 304


def test_anything_but_an_image_is_a_sandboxed_download(client, media_root):
    response = client.get("/media/speakers/evil.html")
    assert response["Content-Disposition"] == 'attachment; filename="evil.html"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../efus_conf/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/speakers/..%2F..%2Fsettings.py",
        "/media/.secret",
        "/media/speakers/",
        "/media/missing.png",
        "/media/speakers/ada.png%00.html",
    ],
)
def test_nothing_outside_media_root_or_hidden_is_served(client, media_root, path):
    assert client.get(path).status_code == 404


def test_symlink_leaving_media_root_is_not_followed(client, media_root, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    (media_root / "link.png").symlink_to(outside)
    assert client.get("/media/link.png").status_code == 404


def test_media_refuses_writes(client, media_root):
    assert client.post("/media/speakers/ada.png").status_code == 405


def test_partner_logos_on_the_homepage_load(client, small_site):
    html = client.get("/en/").content.decode()
    logos = re.findall(r'src="(/media/partners/[^"]+)"', html)
    assert logos
    for logo in logos:
        response = client.get(logo)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/")
