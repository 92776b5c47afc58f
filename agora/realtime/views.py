"""``GET /events/``: the signed-in person's server-sent-event stream.

Served by Django's ASGI handler (``agora serve`` in its default ``dispatch`` mode sends
``/events/`` there and every other request to the WSGI handler), so a stream costs a
coroutine, not a thread. Under a plain WSGI server it answers 204, which tells the
browser's EventSource to stop reconnecting: pages still work, without live updates.

Each event has an ``id``. A browser reconnecting with ``Last-Event-ID`` is sent what it
missed first, in order and once, then the new events; one that was away longer than
the log keeps (or missed too many) is sent ``refresh``. Keep-alive comments go every
``AGORA_LIVE_KEEPALIVE_SECONDS``; a stream ends after ``AGORA_LIVE_MAX_SECONDS`` (the
browser reconnects and resumes), when its person is deactivated, or when it stops
reading (its queue is bounded).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.views.decorators.http import require_GET

from agora.core.actions import PRUNED
from agora.core.models import Event, EventCursor
from agora.realtime.audience import hearers
from agora.realtime.hub import Message, Stream, hub, sse

REFRESH = 'data: {"type": "refresh"}\n\n'


def _last_event_id(request: HttpRequest) -> int | None:
    raw = request.headers.get("Last-Event-ID") or request.GET.get("last") or ""
    return int(raw) if raw.isdigit() and len(raw) < 19 else None


def replay(user_id: int, after: int, until: int) -> list[Message] | None:
    """What ``user_id`` may hear of the events in (``after``, ``until``], oldest first;
    None when some of them are gone (pruned) or there are too many: refresh instead."""
    if until <= after:
        return []
    limit = settings.AGORA_LIVE_REPLAY_MAX
    events = list(Event.objects.filter(id__gt=after, id__lte=until).order_by("id")[: limit + 1])
    if len(events) > limit:
        return None
    pruned = EventCursor.objects.filter(name=PRUNED).values_list("last_id", flat=True).first()
    if pruned is not None and after < pruned:
        return None  # the log no longer holds everything after ``after``
    heard = hearers(events, {user_id})
    return [(e.pk, sse(e)) for e in events if user_id in heard[e.pk]]


@require_GET
def stream(request: HttpRequest) -> HttpResponseBase:
    """A plain view (so the test client and WSGI servers call it like any other) whose
    body is asynchronous: under ASGI, Django streams it on the event loop."""
    if not isinstance(request, ASGIRequest):
        return HttpResponse(status=204)  # no streams under WSGI: the browser stops asking
    user_id = request.user.pk
    if user_id is None:  # LoginRequiredMiddleware sends visitors to sign in first
        return HttpResponse(status=401)
    response = StreamingHttpResponse(
        _events(user_id, _last_event_id(request)), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # proxies must not hold events back
    return response


async def _events(user_id: int, last: int | None) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    connection = Stream(user_id, loop, asyncio.Queue(settings.AGORA_LIVE_QUEUE))
    start = await sync_to_async(hub.attach)(connection)
    try:
        missed = await sync_to_async(replay)(user_id, last, start) if last is not None else []
        yield f"retry: {settings.AGORA_LIVE_RETRY_MS}\n\n"
        if missed is None:
            yield REFRESH
            return
        sent = start if last is None else last
        for event_id, text in missed:
            sent = event_id
            yield text
        sent = max(sent, start)
        ends = loop.time() + settings.AGORA_LIVE_MAX_SECONDS
        while (left := ends - loop.time()) > 0:
            wait = min(float(settings.AGORA_LIVE_KEEPALIVE_SECONDS), left)
            try:
                message = await asyncio.wait_for(connection.queue.get(), wait)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            if message is None:
                return
            event_id, text = message
            if event_id > sent:
                sent = event_id
                yield text
    finally:
        hub.detach(connection)
