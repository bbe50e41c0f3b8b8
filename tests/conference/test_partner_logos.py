"""Partner logos go through the same checks and cleaning as speaker photos."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from efus_conf.conference.models import Partner
from tests.support import images

pytestmark = pytest.mark.django_db

ADD = "/admin/efus_conf/partner/add/"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80"/></svg>'


def add_partner(client, logo, **headers):
    data = {"name_en": "City of Lindenhaven", "role": "partner", "order": "0", "logo": logo}
    return client.post(ADD, data, headers=headers)


def stored_logo():
    with default_storage.open(Partner.objects.get().logo.name, "rb") as file:
        return Image.open(io.BytesIO(file.read()))


def test_a_144_megapixel_png_bomb_is_refused_before_decoding(client, signed_in_superuser):
    bomb = images.png((12000, 12000), mode="1", name="logo.png")
    assert bomb.size < 100_000
    response = add_partner(client, bomb)
    assert "This image has too many pixels (at most 50 megapixels)." in response.content.decode()
    assert not Partner.objects.exists()


def test_a_16_5_mb_png_is_refused(client, signed_in_superuser):
    buffer = io.BytesIO()
    Image.new("RGB", (2410, 2410)).save(buffer, "PNG", compress_level=0)
    assert buffer.tell() > 16.5 * 1024 * 1024
    upload = SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")
    response = add_partner(client, upload)
    assert "images may be at most 15.0" in response.content.decode()
    assert not Partner.objects.exists()


def test_a_jpeg_with_gps_coordinates_is_stored_without_them(client, signed_in_superuser):
    response = add_partner(client, images.jpeg(gps=True, name="logo.jpg"))
    assert response.status_code == 302
    logo = stored_logo()
    assert logo.getexif().get_ifd(images.GPS_IFD) == {}
    assert not logo.getexif()


def test_a_sideways_jpeg_is_stored_upright(client, signed_in_superuser):
    add_partner(client, images.jpeg((800, 600), orientation=6, name="logo.jpg"))
    assert stored_logo().size == (600, 800)


def test_a_transparent_png_stays_a_transparent_png(client, signed_in_superuser):
    add_partner(client, images.png((400, 160), mode="RGBA", name="logo.png"))
    assert Partner.objects.get().logo.name.endswith(".png")
    assert stored_logo().mode == "RGBA"


def test_an_svg_logo_is_refused_with_the_formats_that_work(client, signed_in_superuser):
    upload = SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")
    response = add_partner(client, upload, accept_language="nl")
    assert "Upload een JPEG-, PNG- of WebP-afbeelding." in response.content.decode()
    assert not Partner.objects.exists()
