"""ASGI entry points.

``django_asgi``: Django's own ASGI handler for everything (simple, but every sync view
hops threads; several times the CPU of WSGI per request, see docs/performance.md).

``application``: the dispatcher. Live-event paths (``LIVE_PREFIXES``) go to Django's ASGI
handler, so a streaming view can hold thousands of connections cheaply, and every other
request goes to Django's WSGI handler on a thread pool (a2wsgi), which is as fast as
plain WSGI. One process serves both.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agora.settings")

from a2wsgi import WSGIMiddleware
from django.core.asgi import get_asgi_application

from agora.core.env import env_int

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LIVE_PREFIXES = ("/events/",)

django_asgi: ASGIApp = get_asgi_application()


def dispatcher(wsgi_app: Any, asgi_app: ASGIApp, *, threads: int) -> ASGIApp:
    """An ASGI app sending live paths to ``asgi_app`` and the rest to ``wsgi_app``."""
    pooled: ASGIApp = WSGIMiddleware(wsgi_app, workers=threads)  # type: ignore[assignment]

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(LIVE_PREFIXES):
            # a2wsgi hands ``receive()`` to run_coroutine_threadsafe, which accepts only
            # coroutines; granian's receive returns a native awaitable. Wrap it.
            async def receive_coroutine() -> Mapping[str, Any]:
                return await receive()

            await pooled(scope, receive_coroutine, send)
        else:
            await asgi_app(scope, receive, send)

    return app


def _build() -> ASGIApp:
    from agora.wsgi import application as wsgi_application

    return dispatcher(wsgi_application, django_asgi, threads=env_int("AGORA_THREADS", 8, minimum=1))


application = _build()
