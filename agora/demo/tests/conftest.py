"""Fixtures of the seeder's tests."""

from __future__ import annotations

import pytest

from agora.demo.seed import posts as seeding_posts


@pytest.fixture
def small_chunks(monkeypatch):
    """Three chunks of posts even in a small company, so chunk boundaries are exercised."""
    monkeypatch.setattr(seeding_posts, "POSTS_PER_CHUNK", 100)
