"""One view per URL: the same view answers the full page or, for htmx, its fragment."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def render_page(
    request: HttpRequest,
    page: str,
    fragment: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    """Render ``page`` for a normal request, or ``fragment`` (which the page includes) for htmx."""
    template = fragment if is_htmx(request) else page
    return render(request, template, context, status=status)


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` the form named, if it points inside Agora; otherwise ``fallback``."""
    target = (
        request.POST.get("next") or request.GET.get("next") or request.headers.get("Referer", "")
    )
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def redirect_back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(safe_next(request, fallback))


def toast(response: HttpResponse, message: str, *, level: str = "info") -> HttpResponse:
    """Ask the page to show a short message (read by agora.js from the HX-Trigger header)."""
    response["HX-Trigger"] = json.dumps({"agora:toast": {"message": message, "level": level}})
    return response
