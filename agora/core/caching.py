"""The caches, by deployment shape.

``default`` holds what must be shared by every server process (allauth's rate limits):
the database by default, Redis when ``AGORA_REDIS_URL`` is set. ``fragments`` holds
drawn HTML (post cards, ``agora.posts.cards``) under keys made of versions the actions
bump, so a process can never serve a stale copy: by default each process keeps its own
in memory (on SQLite every database cache write would take the single writer lock), and
with Redis all processes and machines share one.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from agora.core.env import EnvError

# Part of every fragment key: a new release sharing a Redis cache with the previous one
# must not serve the HTML the old templates drew.
try:
    RELEASE = version("agora")
except PackageNotFoundError:  # pragma: no cover - a tree that was never installed
    RELEASE = "dev"

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
FRAGMENT_TIMEOUT = 24 * 3600  # seconds; keys are versioned, this only frees memory


def caches_for(redis_url: str | None) -> dict[str, dict[str, Any]]:
    """Django's ``CACHES`` for a deployment with or without Redis."""
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "agora_cache",
            },
            "fragments": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "agora-fragments",
                "TIMEOUT": FRAGMENT_TIMEOUT,
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            },
        }
    if not redis_url.startswith(REDIS_SCHEMES):
        scheme = redis_url.split(":", 1)[0][:20]  # never the rest: it may hold a password
        raise EnvError(
            "AGORA_REDIS_URL must start with redis://, rediss:// or unix:// "
            f"(got a value starting {scheme!r})"
        )
    redis = "django.core.cache.backends.redis.RedisCache"
    return {
        "default": {"BACKEND": redis, "LOCATION": redis_url, "KEY_PREFIX": "agora"},
        "fragments": {
            "BACKEND": redis,
            "LOCATION": redis_url,
            "KEY_PREFIX": "agora-fragments",
            "TIMEOUT": FRAGMENT_TIMEOUT,
        },
    }
