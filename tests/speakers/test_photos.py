import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from efus_conf.core import images as images_module
from efus_conf.demo.factories import SpeakerFactory
from speakers import photos
from tests.support import images


def stored_image(name):
    with default_storage.open(name, "rb") as file:
        data = file.read()
    return data, Image.open(io.BytesIO(data))


def error_code(upload):
    with pytest.raises(ValidationError) as caught:
        photos.PhotoField().clean(upload)
    return caught.value.code


def test_a_text_file_renamed_jpg_is_rejected():
    upload = SimpleUploadedFile("photo.jpg", b"Not a photo at all\n" * 50, "image/jpeg")
    assert error_code(upload) == "invalid_image"


def test_a_truncated_jpeg_is_rejected():
    data = images.jpeg().read()
    assert error_code(SimpleUploadedFile("photo.jpg", data[:400], "image/jpeg")) == "invalid_image"


def test_a_gif_is_rejected_even_though_pillow_reads_it():
    assert error_code(images.gif()) == "invalid_image"


def test_a_photo_over_the_file_size_limit_is_rejected(monkeypatch):
    monkeypatch.setattr(images_module, "MAX_UPLOAD_BYTES", 1000)
    assert error_code(images.jpeg()) == "file_too_large"


def test_an_image_with_too_many_pixels_is_rejected_before_decoding():
    # 8000×8000 one-bit pixels compress to a few kilobytes but would decode to 192 MB of RGB.
    upload = images.png((8000, 8000), mode="1")
    assert upload.size < 100_000
    assert error_code(upload) == "too_many_pixels"


def test_a_decompression_bomb_warning_from_pillow_is_a_rejection(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 300 * 300)
    assert error_code(images.png((400, 400))) == "too_many_pixels"


def test_a_tiny_image_is_rejected():
    assert error_code(images.png((100, 80))) == "too_small"


@pytest.mark.parametrize("upload", [images.jpeg(), images.png((500, 500))], ids=["jpeg", "png"])
def test_jpeg_png_and_webp_photos_are_accepted(upload):
    photos.PhotoField().clean(upload)


def test_webp_photos_are_accepted():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400)).save(buffer, "WEBP")
    photos.PhotoField().clean(SimpleUploadedFile("photo.webp", buffer.getvalue(), "image/webp"))


@pytest.mark.django_db
def test_gps_and_all_exif_are_stripped_from_the_stored_photo_and_renditions():
    speaker = SpeakerFactory()
    upload = images.jpeg(gps=True)
    assert Image.open(upload).getexif().get_ifd(images.GPS_IFD)
    photos.set_photo(speaker, upload)
    for name in [speaker.photo.name, *photos.rendition_paths(speaker.photo_renditions)]:
        data, image = stored_image(name)
        assert not image.getexif(), name
        assert b"Phonemaker" not in data


@pytest.mark.django_db
def test_the_exif_orientation_is_applied():
    speaker = SpeakerFactory()
    # Orientation 6: the camera was turned; the 800×600 sensor image is shown 600×800.
    photos.set_photo(speaker, images.jpeg((800, 600), orientation=6))
    _data, image = stored_image(speaker.photo.name)
    assert image.size == (600, 800)
    # The blue left half of the sensor image is now the top half.
    assert image.convert("RGB").getpixel((300, 50))[2] > 150
    assert image.convert("RGB").getpixel((300, 750))[0] > 150


@pytest.mark.django_db
def test_square_webp_and_jpeg_renditions_are_made_once_in_three_widths():
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg((1200, 900)))
    speaker.refresh_from_db()
    for key, image_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
        assert sorted(speaker.photo_renditions[key], key=int) == ["160", "320", "640"]
        for width, name in speaker.photo_renditions[key].items():
            _data, image = stored_image(name)
            assert image.format == image_format
            assert image.size == (int(width), int(width))


@pytest.mark.django_db
def test_a_small_photo_is_not_upscaled():
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg((400, 300)))
    assert sorted(speaker.photo_renditions["webp"], key=int) == ["160"]


@pytest.mark.parametrize(
    ("focal", "box"),
    [((50, 50), (200, 0, 800, 600)), ((0, 0), (0, 0, 600, 600)), ((100, 30), (400, 0, 1000, 600))],
)
def test_the_crop_is_the_largest_square_placed_by_the_focal_point(focal, box):
    assert photos.crop_box(1000, 600, *focal) == box


def test_a_portrait_photo_is_cropped_around_a_face_near_the_top():
    assert photos.crop_box(600, 1000, 50, 30) == (0, 120, 600, 720)


@pytest.mark.django_db
def test_changing_the_focal_point_replaces_the_renditions():
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg((1200, 600)))
    old = photos.rendition_paths(speaker.photo_renditions)
    speaker.focal_x = 0
    photos.make_renditions(speaker)
    new = photos.rendition_paths(speaker.photo_renditions)
    assert old.isdisjoint(new)
    assert not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in new)
    # The blue left half of the photo fills the new crop.
    _data, image = stored_image(speaker.photo_renditions["jpeg"]["320"])
    assert image.getpixel((300, 160))[2] > 150


@pytest.mark.django_db
def test_removing_the_photo_deletes_its_files():
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg())
    names = [speaker.photo.name, *photos.rendition_paths(speaker.photo_renditions)]
    photos.remove_photo(speaker)
    speaker.refresh_from_db()
    assert not speaker.photo
    assert speaker.photo_renditions == {}
    assert not any(default_storage.exists(name) for name in names)


@pytest.mark.django_db
def test_a_transparent_png_is_kept_as_png_and_cropped_on_white():
    speaker = SpeakerFactory()
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 400), (0, 0, 0, 0)).save(buffer, "PNG")
    photos.set_photo(speaker, SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png"))
    assert speaker.photo.name.endswith(".png")
    _data, image = stored_image(speaker.photo_renditions["jpeg"]["160"])
    assert image.getpixel((80, 80)) == (255, 255, 255)
