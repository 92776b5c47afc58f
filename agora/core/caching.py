"""The caches, by deployment shape.

``default`` holds what must be shared by every server process (allauth's rate limits):
the database by default, Redis when ``AGORA_REDIS_URL`` is set. ``fragments`` holds
drawn HTML (post cards, ``agora.posts.cards``) under keys made of versions the actions
bump, so a process can never serve a stale copy: by default each process keeps its own
in memory (on SQLite every database cache write would take the single writer lock), and
with Redis all processes and machines share one.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from agora.core.env import EnvError

logger = logging.getLogger("agora.cache")
REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

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
            "BACKEND": "agora.core.caching.ForgivingRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "agora-fragments",
            "TIMEOUT": FRAGMENT_TIMEOUT,
            # A cache that does not answer at once is a miss, not a slow page.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
    }


class ForgivingRedisCache(RedisCache):
    """The fragment cache on Redis, where Redis being down is a miss: the HTML is drawn
    again (each process, each time) and the page answers, only slower. What it holds can
    always be drawn again, so losing it loses nothing."""

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except REDIS_ERRORS:
            _down()
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except REDIS_ERRORS:
            _down()
            return {}

    def set(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().set(*args, **kwargs)
        except REDIS_ERRORS:
            _down()

    def set_many(self, *args: Any, **kwargs: Any) -> list[Any]:
        try:
            return super().set_many(*args, **kwargs)
        except REDIS_ERRORS:
            _down()
            return []

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except REDIS_ERRORS:
            _down()
            return False


def _down() -> None:
    logger.warning("the fragment cache (Redis) did not answer: drawing without it")
