"""Uploaded images (speaker photos, partner logos): validated, then stored clean.

An upload is checked before it is decoded (format, file size, pixel count, so a small file that
inflates into gigabytes is refused), then re-encoded with the camera's orientation applied and
no metadata at all (EXIF, GPS, XMP, ICC comments). Every image field of the site's forms uses
`ImageUploadField`, and every view that stores one stores `clean_image`'s copy, never the
upload itself.
"""

import io
import warnings
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from efus_conf.core.validators import refuse_larger_than

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# A 12-megapixel phone photo passes with room to spare; 48 MP sensor modes too.
MAX_PIXELS = 50_000_000


def validate_image(upload, *, min_side=1):
    """Raise ValidationError unless `upload` is a JPEG, PNG or WebP image of sane size."""
    refuse_larger_than(
        upload,
        MAX_UPLOAD_BYTES,
        _("This file is %(size)s; images may be at most %(limit)s."),
        code="file_too_large",
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
    # SVG, GIF, HEIC and anything else end here: the message names what works instead.
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


class ImageUploadField(forms.ImageField):
    """An image field whose uploads pass `validate_image` before anything else reads them.

    Django's own check comes after, so its vaguer "not an image or a corrupted image" never
    shows; subclasses set `min_side` when their use needs a minimum size.
    """

    min_side = 1

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image(data, min_side=self.min_side)
        return super().to_python(data)


def clean_image(upload, *, max_side):
    """The upload upright, in sRGB, without metadata, at most `max_side` pixels on its long
    side, as a ContentFile named like the upload: PNG when it has transparency, else JPEG."""
    image = _open(upload)
    try:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
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
        extension = "png"
    else:
        clean.save(buffer, "JPEG", quality=90, optimize=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{Path(upload.name or 'image').stem}.{extension}")


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
