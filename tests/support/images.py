"""Small images built in memory for the upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg(size=(800, 600), *, gps=False, orientation=None, name="photo.jpg"):
    """A JPEG upload, optionally with GPS coordinates and an EXIF orientation."""
    image = Image.new("RGB", size, (200, 40, 40))
    # The left half is blue, so a test can see where the picture went after rotation.
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 50.0, 0.0), 3: "E", 4: (4.0, 21.0, 0.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def png(size, *, mode="RGB", name="photo.png"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def gif(size=(400, 400), name="photo.gif"):
    buffer = io.BytesIO()
    Image.new("RGB", size).save(buffer, "GIF")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/gif")
