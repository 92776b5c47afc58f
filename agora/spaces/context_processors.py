"""The viewer (the signed-in person and their spaces) for every template: the rail lists
"Your spaces" on every page, whichever app drew it. Fetched only if a template uses it,
and at most once per request (``viewer_for`` caches it on the request)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from agora.spaces.viewer import viewer_for


def viewer(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"viewer": SimpleLazyObject(lambda: viewer_for(request))}
