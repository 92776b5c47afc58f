"""The demo's video space: recorded talks that colleagues watch and comment on.

Each talk is a few slides drawn with Pillow and turned into a short WebM with a tone by
ffmpeg, with WebVTT captions naming each slide, and uploaded through the real upload
pipeline (so the worker that ``agora serve`` runs makes its clean copy and poster a moment
after the server starts). Without ffmpeg the talks are posted without their recordings.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from agora.demo.content import COMPANY, SpaceSpec
from agora.media import video
from agora.media.uploads import Checked, Upload, check_uploads
from agora.people.models import User
from agora.spaces.models import Kind, Visibility

SPACE = SpaceSpec(
    name="Tech Talks",
    kind=Kind.VIDEO,
    visibility=Visibility.OPEN,
    description="Recorded lunch talks, demos and walkthroughs. Watch, then ask below.",
    owner="ethan.brooks",
    posts=0,
    moderators=("maya",),
    members=("ada", "sam", "mei.tan", "ravi.iyer", "priyanka.shah"),
    share=0.45,
)
SECONDS_PER_SLIDE = 3
SIZE = (960, 540)
INK, MUTED, ACCENT, PAPER = (15, 23, 42), (100, 116, 139), (37, 99, 235), (255, 255, 255)


@dataclass(frozen=True)
class Talk:
    """A recorded talk: its post, its slides (title, subtitle) and its first comments."""

    author: str
    days_ago: float
    body: str
    slides: tuple[tuple[str, str], ...]
    comments: tuple[str, ...] = ()
    space: str = SPACE.name


TALKS = (
    Talk(
        "ada",
        3.2,
        "Recording of Tuesday's lunch talk: **how Atlas stays fast for its biggest "
        "tenants**. Captions included; questions welcome below. #atlas #performance",
        (
            ("How Atlas stays fast", "Lunch talk · Ada Okafor"),
            ("1. Measure per tenant", "p95 per tenant, not per fleet"),
            ("2. Cache the hot path", "and nothing else"),
        ),
        (
            "Great talk. The per-tenant p95 is going straight into our dashboards.",
            "Could you share the query behind the second slide?",
        ),
    ),
    Talk(
        "priyanka.shah",
        9.5,
        "A short walkthrough of the new Beacon onboarding for Sales and CS, ahead of "
        "Thursday's customer calls. #beacon #launch",
        (
            ("Beacon onboarding", "What customers see first"),
            ("Step 1: invite", "One link, no passwords"),
            ("Step 2: first report", "In under five minutes"),
        ),
        (
            "Exactly what I needed for the Woodgrove call, thanks!",
            "Does the invite link work for external guests too?",
        ),
    ),
)


def recording(author: User, talk: Talk) -> list[Checked]:
    """The talk's video and captions, checked like any upload ([] without ffmpeg)."""
    if not video.tools_available():
        return []
    with tempfile.TemporaryDirectory(prefix="agora-demo-") as folder:
        clip = _record(talk, Path(folder))
        upload = SimpleUploadedFile("talk.webm", clip.read_bytes(), content_type="video/webm")
        captions = SimpleUploadedFile("talk.vtt", _captions(talk).encode(), content_type="text/vtt")
        return check_uploads(author, [Upload(upload)], captions=captions)


def _record(talk: Talk, folder: Path) -> Path:
    for number, (title, subtitle) in enumerate(talk.slides, start=1):
        _slide(title, subtitle, number, len(talk.slides)).save(folder / f"slide{number}.png")
    seconds = SECONDS_PER_SLIDE * len(talk.slides)
    out = folder / "talk.webm"
    video.run_ffmpeg(
        [
            "-framerate", f"1/{SECONDS_PER_SLIDE}", "-i", str(folder / "slide%d.png"),
            "-f", "lavfi", "-i", f"sine=frequency=262:duration={seconds}",
            "-r", "10", "-t", str(seconds),
            "-c:v", "libvpx-vp9", "-b:v", "200k", "-deadline", "realtime", "-pix_fmt", "yuv420p",
            "-c:a", "libopus", str(out),
        ]
    )  # fmt: skip
    return out


def _slide(title: str, subtitle: str, number: int, total: int) -> Image.Image:
    width, height = SIZE
    image = Image.new("RGB", SIZE, PAPER)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, width, 16), fill=ACCENT)
    canvas.text((width // 2, height // 2 - 30), title, font=ImageFont.load_default(size=56),
                fill=INK, anchor="mm")  # fmt: skip
    canvas.text((width // 2, height // 2 + 40), subtitle, font=ImageFont.load_default(size=30),
                fill=MUTED, anchor="mm")  # fmt: skip
    small = ImageFont.load_default(size=20)
    canvas.text((32, height - 32), COMPANY, font=small, fill=MUTED, anchor="ls")
    canvas.text((width - 32, height - 32), f"{number} / {total}", font=small, fill=MUTED,
                anchor="rs")  # fmt: skip
    return image


def _captions(talk: Talk) -> str:
    cues = ["WEBVTT", ""]
    for i, (title, subtitle) in enumerate(talk.slides):
        start, end = i * SECONDS_PER_SLIDE, (i + 1) * SECONDS_PER_SLIDE
        cues += [f"00:{start:02}.000 --> 00:{end:02}.000", f"{title}: {subtitle}", ""]
    return "\n".join(cues)
