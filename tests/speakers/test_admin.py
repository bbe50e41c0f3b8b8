import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from efus_conf.demo.factories import SpeakerFactory
from speakers import photos
from speakers.models import Speaker
from tests.support import images

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Maren Solvik",
        "slug": "maren-solvik",
        "role_en": "Head of crisis management",
        "country": "NO",
        "focal_x": "50",
        "focal_y": "30",
        "featured_order": "0",
        "published": "on",
    }
    return data | overrides


def test_the_list_shows_thumbnails_and_edits_the_homepage_order(client, signed_in_superuser):
    for speaker in SpeakerFactory.create_batch(2):
        photos.set_photo(speaker, images.jpeg())
    SpeakerFactory()  # without a photo: its initials instead
    html = client.get("/admin/speakers/speaker/").content.decode()
    assert html.count('<picture class="speaker-photo">') == 2
    assert 'name="form-0-featured_order"' in html


def test_the_list_searches_by_organisation_in_any_language(client, signed_in_superuser):
    SpeakerFactory(name="Maren Solvik", organisation_fr="Région de Fjordbakken")
    SpeakerFactory(name="Lukas Brennwald")
    html = client.get("/admin/speakers/speaker/", {"q": "Fjordbakken"}).content.decode()
    assert "Maren Solvik" in html
    assert "Lukas Brennwald" not in html


def test_the_list_filters_by_country(client, signed_in_superuser):
    SpeakerFactory(name="Maren Solvik", country="NO")
    SpeakerFactory(name="Lukas Brennwald", country="DE")
    html = client.get("/admin/speakers/speaker/", {"country": "NO"}).content.decode()
    assert "Maren Solvik" in html
    assert "Lukas Brennwald" not in html


def test_the_form_has_language_tabs_crop_preview_and_view_on_site(client, signed_in_superuser):
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg())
    html = client.get(f"/admin/speakers/speaker/{speaker.pk}/change/").content.decode()
    for language in ["en", "fr", "nl"]:
        assert f'name="quote_{language}"' in html
    assert "data-focal-source" in html
    assert "js/speaker-focal-point" in html
    assert 'class="viewsitelink"' in html


def test_an_uploaded_phone_photo_is_stored_upright_without_location(client, signed_in_superuser):
    upload = images.jpeg((1600, 1200), gps=True, orientation=6)
    response = client.post("/admin/speakers/speaker/add/", form_data(photo=upload))
    assert response.status_code == 302, response.content.decode()[:3000]
    speaker = Speaker.objects.get(slug="maren-solvik")
    with default_storage.open(speaker.photo.name, "rb") as file:
        image = Image.open(io.BytesIO(file.read()))
    assert image.size == (1200, 1600)
    assert not image.getexif()
    assert sorted(speaker.photo_renditions["webp"], key=int) == ["160", "320", "640"]
    assert default_storage.listdir("speakers/originals")[1] == [speaker.photo.name.split("/")[-1]]


def test_a_text_file_renamed_jpg_gets_a_clear_error_and_nothing_is_stored(
    client, signed_in_superuser
):
    upload = SimpleUploadedFile("photo.jpg", b"just some text\n" * 100, "image/jpeg")
    response = client.post("/admin/speakers/speaker/add/", form_data(photo=upload))
    assert response.status_code == 200
    assert "Please upload a JPEG, PNG or WebP image." in response.content.decode()
    assert not Speaker.objects.exists()


def test_an_image_with_too_many_pixels_gets_a_translated_error(client, signed_in_superuser):
    upload = images.png((8000, 8000), mode="1")
    response = client.post(
        "/admin/speakers/speaker/add/", form_data(photo=upload), headers={"accept-language": "fr"}
    )
    assert response.status_code == 200
    assert (
        "Cette image compte trop de pixels (50 mégapixels au maximum)." in response.content.decode()
    )


def test_a_focal_point_out_of_range_is_refused(client, signed_in_superuser):
    response = client.post("/admin/speakers/speaker/add/", form_data(focal_x="140"))
    assert response.status_code == 200
    assert not Speaker.objects.exists()


def test_moving_the_focal_point_recuts_the_renditions(client, signed_in_superuser):
    speaker = SpeakerFactory(name="Maren Solvik", slug="maren-solvik")
    photos.set_photo(speaker, images.jpeg((1200, 600)))
    before = photos.rendition_paths(speaker.photo_renditions)
    response = client.post(
        f"/admin/speakers/speaker/{speaker.pk}/change/", form_data(focal_x="0", focal_y="0")
    )
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert photos.rendition_paths(speaker.photo_renditions).isdisjoint(before)
