"""The site's own wordmark, favicon and default share image, drawn from one set of shapes.

`manage.py make_identity` writes them into static/ (committed, so a fresh checkout needs no
build step); a test keeps the committed files equal to what the shapes draw. The wordmark is
VALOA in plain strokes with the O as a rising sun: light, "valo", is what the name says."""

import io
import math

from PIL import Image, ImageDraw

BRAND = "#1f5f4a"
BRAND_DARK = "#143f31"
ACCENT = "#f4c430"
WHITE = "#ffffff"

# Letters as polylines in a 182 by 48 box, stroked 6 units wide: V, A, L and the last A.
LETTERS = [
    [(3, 5), (16, 43), (29, 5)],
    [(36, 43), (50, 5), (64, 43)],
    [(41, 30), (59, 30)],
    [(74, 5), (74, 43), (96, 43)],
    [(150, 43), (164, 5), (178, 43)],
    [(155, 30), (173, 30)],
]
SUN = (123, 26, 10)  # centre x, centre y, radius: the O
RAYS = 8
RAY_FROM, RAY_TO = 14, 20
STROKE = 6
WIDTH, HEIGHT = 182, 48


def _rays(cx: float, cy: float) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    rays = []
    for number in range(RAYS):
        angle = math.pi * 2 * number / RAYS
        dx, dy = math.cos(angle), math.sin(angle)
        rays.append(
            ((cx + dx * RAY_FROM, cy + dy * RAY_FROM), (cx + dx * RAY_TO, cy + dy * RAY_TO))
        )
    return rays


def _points(points) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def _svg_sun(cx: float, cy: float, r: float) -> str:
    rays = "".join(
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}"/>'
        for a, b in _rays(cx, cy)
    )
    return (
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{ACCENT}"/>'
        f'<g stroke="{ACCENT}" stroke-width="4" stroke-linecap="round">{rays}</g>'
    )


def wordmark_svg(color: str = WHITE) -> str:
    """VALOA for the header: letters in `color`, the sun in the accent colour."""
    letters = "".join(f'<polyline points="{_points(line)}"/>' for line in LETTERS)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {WIDTH + 4} {HEIGHT + 4}" '
        f'width="{WIDTH + 4}" height="{HEIGHT + 4}">'
        f'<g fill="none" stroke="{color}" stroke-width="{STROKE}" stroke-linejoin="round" '
        f'stroke-linecap="round">{letters}</g>{_svg_sun(*SUN)}</svg>\n'
    )


def favicon_svg() -> str:
    """The sun on the brand colour, legible at 16 px."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
        f'<rect width="48" height="48" rx="10" fill="{BRAND}"/>{_svg_sun(24, 24, 10)}</svg>\n'
    )


def share_image() -> bytes:
    """The 1200 by 630 PNG link previews show when a page has no image of its own. No text
    beside the wordmark: the preview shows the page's title and description anyway, and no
    font need be installed to draw it."""
    image = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 630), fill=BRAND_DARK)
    scale, left, top = 4.0, (1200 - WIDTH * 4) / 2, 185

    def at(x: float, y: float) -> tuple[float, float]:
        return left + x * scale, top + y * scale

    for line in LETTERS:
        points = [at(x, y) for x, y in line]
        draw.line(points, fill=WHITE, width=int(STROKE * scale), joint="curve")
        for x, y in points:  # round ends, as the SVG's stroke-linecap
            radius = STROKE * scale / 2
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)
    cx, cy, r = SUN
    (sx, sy), sr = at(cx, cy), r * scale
    draw.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=ACCENT)
    for a, b in _rays(cx, cy):
        draw.line([at(*a), at(*b)], fill=ACCENT, width=int(4 * scale))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
