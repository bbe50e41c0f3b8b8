"""Draw the share image and app icons once; the PNGs are committed under static/img/.

Run from the project root: `.venv/bin/python bin/make-images.py`. Needs the DejaVu fonts
(Debian's fonts-dejavu-core) only when drawing, never at run time.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
BLUE, BLUE_DARK, ACCENT, WHITE = "#00408f", "#002a5e", "#f5b700", "#ffffff"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# The Efus mark (static/img/efus-mark.svg) on its 40-unit grid: the "E" and the dot.
E_SHAPE = [(11, 12), (29, 12), (29, 16), (16, 16), (16, 19), (27, 19), (27, 23), (16, 23),
           (16, 26), (29, 26), (29, 30), (11, 30)]  # fmt: skip


def draw_mark(draw, left, top, size, *, rounded=True):
    unit = size / 40
    if rounded:
        draw.rounded_rectangle((left, top, left + size, top + size), radius=8 * unit, fill=BLUE)
    draw.polygon([(left + x * unit, top + y * unit) for x, y in E_SHAPE], fill=WHITE)
    draw.ellipse(
        (left + 28 * unit, top + 26 * unit, left + 34 * unit, top + 32 * unit), fill=ACCENT
    )


def share_image():
    image = Image.new("RGB", (1200, 630), BLUE_DARK)
    draw = ImageDraw.Draw(image)
    for row in range(630):
        # From the dark blue to the brand blue, like the site's hero.
        share = row / 629
        colour = tuple(
            round(a + (b - a) * share) for a, b in zip((0, 42, 94), (0, 64, 143), strict=True)
        )
        draw.line([(0, row), (1200, row)], fill=colour)
    draw.rectangle((0, 0, 1200, 12), fill=ACCENT)
    draw_mark(draw, 80, 90, 120)
    title = ImageFont.truetype(FONT, 76)
    draw.text((80, 260), "Security, Democracy", font=title, fill=WHITE)
    draw.text((80, 350), "& Cities", font=title, fill=WHITE)
    detail = ImageFont.truetype(FONT_REGULAR, 40)
    draw.text((80, 480), "Brussels · 20–22 March 2024", font=detail, fill=WHITE)
    draw.rectangle((80, 450, 200, 456), fill=ACCENT)
    label = ImageFont.truetype(FONT, 34)
    draw.text((230, 115), "Efus conference", font=label, fill=WHITE)
    draw.text((230, 160), "European Forum for Urban Security", font=detail, fill="#cfd8e3")
    image.save(OUT / "share.png", optimize=True)


def icon(size, *, maskable=False):
    image = Image.new("RGBA", (size, size), BLUE if maskable else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        # Keep the mark inside the central safe zone that every launcher shape shows.
        inset = size * 0.2
        draw_mark(draw, inset, inset, size - 2 * inset, rounded=False)
        image.save(OUT / f"icon-maskable-{size}.png", optimize=True)
    else:
        draw_mark(draw, 0, 0, size)
        image.save(OUT / f"icon-{size}.png", optimize=True)


if __name__ == "__main__":
    share_image()
    icon(192)
    icon(512)
    icon(512, maskable=True)
