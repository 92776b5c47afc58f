"""The demo's charts and banners: PNG images drawn in memory with Pillow."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from agora.demo import content
from agora.demo.content import ImagePost

WIDTH, HEIGHT = 1200, 630
INK, MUTED, ACCENT, PAPER = (15, 23, 42), (100, 116, 139), (37, 99, 235), (255, 255, 255)


def draw(spec: ImagePost) -> bytes:
    """A PNG banner, bar chart or line chart for ``spec``, drawn in memory."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    canvas = ImageDraw.Draw(image)
    if spec.chart == "banner":
        canvas.rectangle((0, 0, WIDTH, HEIGHT), fill=ACCENT)
        canvas.rectangle((40, 40, WIDTH - 40, HEIGHT - 40), outline=PAPER, width=6)
        font = ImageFont.load_default(size=72)
        canvas.text((WIDTH // 2, HEIGHT // 2 - 30), spec.title, font=font, fill=PAPER, anchor="mm")
        small = ImageFont.load_default(size=32)
        canvas.text((WIDTH // 2, HEIGHT // 2 + 60), content.COMPANY, font=small, fill=PAPER,
                    anchor="mm")  # fmt: skip
    else:
        _chart(canvas, spec)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _chart(canvas: ImageDraw.ImageDraw, spec: ImagePost) -> None:
    title, label = ImageFont.load_default(size=36), ImageFont.load_default(size=20)
    canvas.text((60, 40), spec.title, font=title, fill=INK)
    left, top, right, bottom = 110, 130, WIDTH - 60, HEIGHT - 70
    # Grid lines at round numbers: the smallest 1, 2 or 5 x 10^k step that fits four.
    step = next(
        base * 10**power
        for power in range(8)
        for base in (1, 2, 5)
        if base * 10**power * 4 >= max(spec.values) * 1.1
    )
    peak = step * 4
    for i in range(5):
        y = bottom - (bottom - top) * i / 4
        canvas.line((left, y, right, y), fill=(226, 232, 240), width=2)
        canvas.text((left - 12, y), f"{step * i:,}", font=label, fill=MUTED, anchor="rm")
    slot = (right - left) / len(spec.values)
    points = []
    for i, (name, value) in enumerate(zip(spec.labels, spec.values, strict=True)):
        x = left + slot * (i + 0.5)
        y = bottom - (bottom - top) * value / peak
        points.append((x, y))
        if spec.chart == "bar":
            canvas.rectangle((x - slot * 0.32, y, x + slot * 0.32, bottom), fill=ACCENT)
            canvas.text((x, y - 8), f"{value:,}", font=label, fill=INK, anchor="mb")
        if spec.chart == "bar" or i % 5 == 0:
            canvas.text((x, bottom + 12), name, font=label, fill=MUTED, anchor="mt")
    if spec.chart == "line":
        canvas.line(points, fill=ACCENT, width=5, joint="curve")
        for x, y in points:
            canvas.ellipse((x - 5, y - 5, x + 5, y + 5), fill=ACCENT)
    canvas.line((left, bottom, right, bottom), fill=INK, width=2)
