"""The demo's video space: recorded talks that colleagues watch and comment on.

Each talk is a few slides drawn with Pillow and turned into a short WebM with a tone by
ffmpeg, with WebVTT captions naming each slide, and uploaded through the real upload
pipeline (so the worker that ``agora serve`` runs makes its clean copy and poster a moment
after the server starts).

Without ffmpeg a talk's post says so: its recording will follow once the server can
process video. Running ``agora demo`` again once ffmpeg is installed adds the recordings
(``add_missing_recordings``): each talk's author edits the post to the recorded wording
with the video and captions attached, as a person would.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from agora.demo.content import COMPANY, DOMAIN, SpaceSpec
from agora.media import video
from agora.media.uploads import Checked, Upload, check_uploads
from agora.people.models import User
from agora.posts.actions import do_edit_post
from agora.posts.models import Post
from agora.spaces.models import Kind, Visibility

SPACE = SpaceSpec(
    name="Tech Talks",
    kind=Kind.VIDEO,
    visibility=Visibility.OPEN,
    description="Recorded lunch talks, demos and walkthroughs. Watch, then ask below.",
    owner="ethan.brooks",
    opened=90,
    moderators=("maya",),
    members=("ada", "sam", "mei.tan", "ravi.iyer", "priyanka.shah", "aisha.rahman"),
    share=0.45,
)
SECONDS_PER_SLIDE = 3
SIZE = (960, 540)
INK, MUTED, ACCENT, PAPER = (15, 23, 42), (100, 116, 139), (37, 99, 235), (255, 255, 255)


@dataclass(frozen=True)
class Talk:
    """A recorded talk: its post (``body`` with the recording, ``pending`` while the server
    cannot process video), its slides (title, subtitle) and its first comments (which
    suit both: people were at the talk)."""

    author: str
    days_ago: float
    body: str
    pending: str
    slides: tuple[tuple[str, str], ...]
    comments: tuple[str, ...] = ()
    space: str = SPACE.name


@dataclass(frozen=True)
class Recordings:
    """What ``agora demo`` did about the talks' recordings."""

    added: int  # recordings this run attached
    missing: int  # talks still waiting for theirs (no ffmpeg)


TALKS = (
    Talk(
        "aisha.rahman",
        76.2,
        "Recording of the security lunch talk: **threat modelling in thirty minutes**, with "
        "the four questions to ask in any design review. Captions included. #security "
        "#threatmodelling",
        "Notes from the security lunch talk: **threat modelling in thirty minutes**. The four "
        "questions: what are we building, what can go wrong, what do we do about it, did we "
        "do a good job? The recording will appear here once our server can process video. "
        "#security #threatmodelling",
        (
            ("Threat modelling in 30 minutes", "Lunch talk · Aisha Rahman"),
            ("What can go wrong?", "Ask it in every design review"),
            ("Write it down", "One page, next to the design"),
        ),
        (
            "We tried the four questions in our design review today; it took ten minutes.",
            "Is there a template for the one-pager?",
        ),
    ),
    Talk(
        "mei.tan",
        47.3,
        "Recording: **error budgets in practice**, from Thursday's engineering all-hands. "
        "How we decide when to ship and when to slow down. Captions included. #slo "
        "#reliability",
        "Thursday's engineering all-hands talk: **error budgets in practice**, how we "
        "decide when to ship and when to slow down. The recording will appear here once "
        "our server can process video; the slides are in the handbook. #slo #reliability",
        (
            ("Error budgets in practice", "Engineering all-hands · Mei Lin Tan"),
            ("99.9% is 43 minutes", "of downtime a month, to spend"),
            ("Spent it? Slow down", "Reliability work comes first"),
        ),
        (
            "The 43-minutes framing finally made this click for me.",
            "Could Sales get a five-minute version of this?",
        ),
    ),
    Talk(
        "ada",
        3.2,
        "Recording of Tuesday's lunch talk: **how Atlas stays fast for its biggest "
        "tenants**. Captions included; questions welcome below. #atlas #performance",
        "Slides and notes from Tuesday's lunch talk: **how Atlas stays fast for its biggest "
        "tenants**. The recording will appear here once our server can process video; "
        "questions welcome below in the meantime. #atlas #performance",
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
        "Recording of this morning's walkthrough of the new Beacon onboarding for Sales and "
        "CS, ahead of Thursday's customer calls. Captions included. #beacon #launch",
        "This morning's walkthrough of the new Beacon onboarding for Sales and CS, ahead of "
        "Thursday's customer calls, in two steps: an invite link with no passwords, then a "
        "first report in under five minutes. The recording will follow once our server "
        "can process video. #beacon #launch",
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


def _talk_posts() -> list[tuple[Talk, Post]]:
    """The talks' posts still waiting for their recording (as their authors left them)."""
    found = []
    for talk in TALKS:
        post = Post.objects.filter(
            space__name=talk.space,
            author__email=f"{talk.author}@{DOMAIN}",
            body=talk.pending,
            deleted_at__isnull=True,
        ).first()
        if post is not None:
            found.append((talk, post))
    return found


def recordings_state() -> Recordings:
    return Recordings(added=0, missing=len(_talk_posts()))


def add_missing_recordings() -> Recordings:
    """Attach the recordings the talks lack, if ffmpeg is there now: each author edits
    their post to say the recording is up, with the video and its captions."""
    waiting = _talk_posts()
    if not waiting or not video.tools_available():
        return Recordings(added=0, missing=len(waiting))
    for talk, post in waiting:
        files = recording(post.author, talk)
        do_edit_post(post, editor=post.author, body=talk.body, attachments=files)
    return Recordings(added=len(waiting), missing=0)


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
