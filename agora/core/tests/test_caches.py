"""The caches: rate limits shared by every process, drawn HTML in memory by default, and
both in one Redis when ``AGORA_REDIS_URL`` says so (a real redis-server here)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.module_loading import import_string
from redis.exceptions import ConnectionError as RedisConnectionError

from agora.core.caching import caches_for
from agora.core.env import EnvError
from agora.testing.fixtures import free_port


def build(config: dict[str, Any]) -> BaseCache:
    """A cache object as a separate server process would build it from ``CACHES``."""
    config = dict(config)
    backend = import_string(config.pop("BACKEND"))
    return backend(config.pop("LOCATION"), config)  # type: ignore[no-any-return]


def test_by_default_fragments_stay_in_memory_and_rate_limits_are_shared():
    assert isinstance(caches["fragments"], LocMemCache)
    assert not isinstance(caches["default"], LocMemCache)  # one for every process
    assert caches_for(None)["default"]["BACKEND"].endswith("db.DatabaseCache")


def test_with_redis_every_process_shares_both_caches(redis_url):
    config = caches_for(redis_url)
    one, other = build(config["fragments"]), build(config["fragments"])
    one.set("card:1", ("photo", "byline", "middle"))
    assert other.get("card:1") == ("photo", "byline", "middle")
    limits = build(config["default"])
    limits.set("card:1", "a rate limit")
    assert other.get("card:1") == ("photo", "byline", "middle")  # prefixes keep them apart
    assert build(config["default"]).get("card:1") == "a rate limit"


def test_a_url_that_is_not_redis_stops_start_up():
    with pytest.raises(EnvError, match="AGORA_REDIS_URL must start with redis://") as error:
        caches_for("http://agora:s3cret@cache.internal:6379")
    assert "s3cret" not in str(error.value)  # the message never shows a password


def test_without_redis_the_fragment_cache_is_a_miss_not_an_error():
    """Redis down: pages draw their cards again instead of answering 500."""
    nobody = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    fragments = build(caches_for(nobody)["fragments"])
    fragments.set("card:1", "html")  # nothing raised
    fragments.set_many({"card:2": "html"})
    assert fragments.get("card:1") is None
    assert fragments.get("card:1", "drawn again") == "drawn again"
    assert fragments.get_many(["card:1", "card:2"]) == {}
    assert fragments.delete("card:1") is False
    with pytest.raises(RedisConnectionError):
        build(caches_for(nobody)["default"]).get("limit")  # rate limits are not forgiven
