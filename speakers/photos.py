"""Speaker photos: validate an upload, clean it, and cut the square renditions pages use.

An upload is checked before it is decoded (format, file size, pixel count, so a small file that
inflates into gigabytes is refused), then re-encoded with the camera's orientation applied and
no metadata at all (EXIF, GPS, XMP, ICC comments). The square crops are made once, here, when
the photo or its focal point changes; pages only link to the files.
"""

import hashlib
import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# A 12-megapixel phone photo passes with room to spare; 48 MP sensor modes too.
MAX_PIXELS = 50_000_000
MIN_SIDE = 160
# The kept original is downscaled to this: plenty for any crop, and nothing huge in MEDIA.
MASTER_MAX_SIDE = 2400
RENDITION_WIDTHS = (160, 320, 640)
RENDITION_DIR = "speakers/renditions"


def validate_photo(upload):
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP image of sane size."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size)s; photos may be at most %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    image = _open(upload)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise _invalid() from error
    finally:
        upload.seek(0)
    if min(image.size) < MIN_SIDE:
        raise ValidationError(
            _(
                "This photo is %(width)s×%(height)s pixels; it must be at least %(min)s on each side."
            ),
            code="too_small",
            params={"width": image.width, "height": image.height, "min": MIN_SIDE},
        )


def _open(upload):
    """Open `upload` without decoding it, refusing other formats and decompression bombs."""
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; treat it as the error it is.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload, formats=sorted(ALLOWED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (OSError, SyntaxError, ValueError) as error:
            raise _invalid() from error
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    return image


def _invalid():
    return ValidationError(
        _("This file is not a photo we can use. Please upload a JPEG, PNG or WebP image."),
        code="invalid_image",
    )


def _too_many_pixels():
    return ValidationError(
        _("This image has too many pixels (at most %(megapixels)s megapixels)."),
        code="too_many_pixels",
        params={"megapixels": MAX_PIXELS // 1_000_000},
    )


def clean_image(upload):
    """The upload upright and without metadata, as (ContentFile, extension)."""
    image = _open(upload)
    try:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MASTER_MAX_SIDE, MASTER_MAX_SIDE), Image.Resampling.LANCZOS)
    finally:
        upload.seek(0)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    image = _to_srgb(image, "RGBA" if has_alpha else "RGB")
    # A fresh image carries pixels only: no EXIF (GPS included), XMP or comments survive.
    clean = Image.new("RGBA" if has_alpha else "RGB", image.size)
    clean.paste(image.convert(clean.mode))
    buffer = io.BytesIO()
    if has_alpha:
        clean.save(buffer, "PNG", optimize=True)
        return ContentFile(buffer.getvalue()), "png"
    clean.save(buffer, "JPEG", quality=90, optimize=True)
    return ContentFile(buffer.getvalue()), "jpg"


def _to_srgb(image, mode):
    """Convert from the embedded colour profile (a phone's Display P3, say) to plain sRGB.

    The profile is dropped with the rest of the metadata, so without this the colours of a
    wide-gamut photo would come out washed out.
    """
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


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
    content, extension = clean_image(upload)
    digest = hashlib.sha256(content.read()).hexdigest()[:10]
    content.seek(0)
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
