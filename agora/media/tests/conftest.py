"""Videos for the media tests, made once per test session with ffmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest

from agora.testing.media import absurd_video, make_video


@pytest.fixture(scope="session")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("videos")
    return {
        "webm": make_video(folder / "test-pattern.webm"),
        "mp4": make_video(folder / "test-pattern.mp4"),
        "mov": make_video(folder / "phone.mov"),
        "absurd": absurd_video(folder / "absurd.webm"),
    }
