"""Videos: probed with ffprobe, stripped of metadata and given a poster with ffmpeg.

Videos are not re-encoded (that would take minutes per upload); they are remuxed into a
copy without metadata (phones record the place a video was taken) and with its index at
the front so playback can start before the whole file arrives.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PROBE_TIMEOUT = 30
WORK_TIMEOUT = 600
VIDEO_CODECS = {"h264", "hevc", "vp8", "vp9", "av1", "mpeg4"}
AUDIO_CODECS = {"aac", "mp3", "opus", "vorbis", "flac"}


class VideoRejected(ValueError):
    """The file is not a video Agora accepts; the message says why, for the uploader."""


@dataclass(frozen=True)
class VideoInfo:
    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str | None


NO_TOOLS = (
    "This server cannot take videos yet: its administrator has to install ffmpeg. "
    "Images and documents still work."
)


def tools_available() -> bool:
    return shutil.which("ffprobe") is not None and shutil.which("ffmpeg") is not None


def probe(path: Path) -> VideoInfo:
    """Streams, codecs, duration and size, read by ffprobe (never trusted from the name)."""
    try:
        result = subprocess.run(
            [
                "ffprobe", "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", str(path),
            ],
            capture_output=True,
            timeout=PROBE_TIMEOUT,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise VideoRejected("This video could not be read in time.") from None
    except FileNotFoundError:
        raise VideoRejected(NO_TOOLS) from None
    if result.returncode != 0:
        raise VideoRejected("This file is not a video Agora can read.")
    try:
        data = json.loads(result.stdout or b"{}")
    except ValueError:
        raise VideoRejected("This file is not a video Agora can read.") from None
    streams = data.get("streams", [])
    # A cover picture is a "video" stream of one frame; it is not the video.
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        None,
    )
    if video is None:
        raise VideoRejected("This file has no video in it.")
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    codec = str(video.get("codec_name", ""))
    if codec not in VIDEO_CODECS:
        raise VideoRejected(f"Videos encoded as {codec or 'this'} cannot be played here.")
    sound = str(audio.get("codec_name", "")) if audio else None
    if sound is not None and sound not in AUDIO_CODECS:
        raise VideoRejected(f"Videos with {sound or 'this'} sound cannot be played here.")
    try:
        duration = float(data.get("format", {}).get("duration") or video.get("duration") or 0)
        width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    except (TypeError, ValueError):
        raise VideoRejected("This video's size or length cannot be read.") from None
    if width <= 0 or height <= 0 or duration <= 0:
        raise VideoRejected("This video's size or length cannot be read.")
    return VideoInfo(duration, width, height, codec, sound)


def clean_copy(source: Path, target: Path) -> None:
    """Copy the first video and audio streams without any metadata (no place, no device,
    no chapters, no data tracks), index first (MP4/MOV) for quick starts."""
    args = ["-movflags", "+faststart"] if target.suffix in (".mp4", ".mov") else []
    run_ffmpeg(
        [
            "-i", str(source), "-map", "0:v:0", "-map", "0:a:0?",
            "-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy",
            *args, str(target),
        ]
    )  # fmt: skip


def poster(source: Path, target: Path, duration: float) -> None:
    """A JPEG frame from a tenth of the way in (opening frames are often black)."""
    at = f"{min(max(duration * 0.1, 0), 5):.2f}"
    run_ffmpeg(
        [
            "-ss", at, "-i", str(source), "-frames:v", "1",
            "-vf", "scale='min(1280,iw)':-2", "-q:v", "4", str(target),
        ]
    )  # fmt: skip


def run_ffmpeg(arguments: list[str]) -> None:
    """ffmpeg quietly with ``arguments``; a failure raises ``VideoRejected`` with its reason."""
    try:
        result = subprocess.run(
            ["ffmpeg", "-v", "error", "-nostdin", "-y", *arguments],
            capture_output=True,
            timeout=WORK_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise VideoRejected(NO_TOOLS) from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
        raise VideoRejected(f"The video could not be processed: {message[0]}")
