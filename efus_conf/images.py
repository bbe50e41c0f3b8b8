"""Uploaded images (speaker photos, the venue map): validate an upload, then clean it.

An upload is checked before it is decoded (format, file size, pixel count, so a small file that
inflates into gigabytes is refused), then re-encoded with the camera's orientation applied and
no metadata at all (EXIF, GPS, XMP, ICC comments).
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# A 12-megapixel phone photo passes with room to spare; 48 MP sensor modes too.
MAX_PIXELS = 50_000_000
# The kept original is downscaled to this: plenty for any crop, and nothing huge in MEDIA.
MASTER_MAX_SIDE = 2400


def validate_image(upload, *, min_side):
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP image of sane size."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s."),
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
    if min(image.size) < min_side:
        raise ValidationError(
            _(
                "This image is %(width)s×%(height)s pixels; it must be at least %(min)s on each side."
            ),
            code="too_small",
            params={"width": image.width, "height": image.height, "min": min_side},
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
        _("This file is not an image we can use. Please upload a JPEG, PNG or WebP image."),
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
