"""Agora's own settings and middleware, with a URL map holding one "hello world" view."""

from agora.settings import *  # noqa: F403 - the same configuration, on purpose

ROOT_URLCONF = "bench.hello_urls"
