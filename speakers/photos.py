"""Speaker photos: stored clean (efus_conf.core.images), then cut into the square renditions pages
use. The crops are made once, here, when the photo or its focal point changes; pages only link
to the files.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from efus_conf.core import images

MIN_SIDE = 160
# The kept original is downscaled to this: plenty for any crop, and nothing huge in MEDIA.
MASTER_MAX_SIDE = 2400
RENDITION_WIDTHS = (160, 320, 640)
RENDITION_DIR = "speakers/renditions"


class PhotoField(images.ImageUploadField):
    """A speaker photo: any image the site accepts, large enough for the smallest crop."""

    min_side = MIN_SIDE


def crop_box(width, height, focal_x, focal_y):
    """The largest square in a width×height image, placed like CSS `object-position: x% y%`.

    The focal point (in percent) stays inside the square at the same relative position, so a
    face at 30 % from the top of the photo is 30 % from the top of the crop; the admin's
    preview uses the same rule in CSS.
    """
    side = min(width, height)
    left = round((width - side) * focal_x / 100)
    top = round((height - side) * focal_y / 100)
    return (left, top, left + side, top + side)


def set_photo(speaker, upload):
    """Store a cleaned copy of `upload` as the speaker's photo, cut its renditions, save.

    The upload itself is never written to storage, so its metadata never reaches the disk.
    """
    content = images.clean_image(upload, max_side=MASTER_MAX_SIDE)
    digest = hashlib.sha256(content.read()).hexdigest()[:10]
    content.seek(0)
    extension = content.name.rpartition(".")[2]
    old_photo = _stored_photo_name(speaker)
    speaker.photo.save(f"{speaker.slug}-{digest}.{extension}", content, save=False)
    make_renditions(speaker)
    if old_photo and old_photo != speaker.photo.name:
        default_storage.delete(old_photo)


def remove_photo(speaker):
    """Forget the speaker's photo: the stored file and its renditions go too."""
    old_photo = _stored_photo_name(speaker)
    speaker.photo = ""
    make_renditions(speaker)
    if old_photo:
        default_storage.delete(old_photo)


def _stored_photo_name(speaker):
    if speaker.pk is None:
        return ""
    return type(speaker).objects.filter(pk=speaker.pk).values_list("photo", flat=True).first() or ""


def make_renditions(speaker):
    """Cut the square WebP and JPEG renditions around the focal point; save the speaker."""
    old_paths = rendition_paths(speaker.photo_renditions)
    renditions = {}
    if speaker.photo:
        with speaker.photo.open("rb") as file, Image.open(file) as image:
            image = _flatten(image)
            square = image.crop(crop_box(*image.size, speaker.focal_x, speaker.focal_y))
        renditions = _save_renditions(speaker, square)
    speaker.photo_renditions = renditions
    speaker.save()
    for path in old_paths - rendition_paths(renditions):
        default_storage.delete(path)


def _flatten(image):
    """An RGB copy, transparent parts on white (JPEG has no transparency, and black is ugly)."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _save_renditions(speaker, square):
    # Never upscale: a small photo gets fewer widths, the largest being its own size.
    widths = [width for width in RENDITION_WIDTHS if width <= square.width] or [square.width]
    stem = f"{speaker.slug}-{speaker.focal_x}-{speaker.focal_y}-{_photo_tag(speaker)}"
    renditions = {"webp": {}, "jpeg": {}}
    for width in widths:
        resized = square.resize((width, width), Image.Resampling.LANCZOS)
        for key, image_format, extension, options in (
            ("webp", "WEBP", "webp", {"quality": 80, "method": 4}),
            ("jpeg", "JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
        ):
            buffer = io.BytesIO()
            resized.save(buffer, image_format, **options)
            name = f"{RENDITION_DIR}/{stem}-{width}.{extension}"
            if default_storage.exists(name):
                default_storage.delete(name)
            renditions[key][str(width)] = default_storage.save(name, ContentFile(buffer.getvalue()))
    return renditions


def _photo_tag(speaker):
    return hashlib.sha256(speaker.photo.name.encode()).hexdigest()[:8]


def rendition_paths(renditions):
    return {path for by_width in (renditions or {}).values() for path in by_width.values()}
