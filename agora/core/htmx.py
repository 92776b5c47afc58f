"""One view per URL: the same view answers the full page or, for htmx, its fragment."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from agora.core.errors import ActionError


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


def bad_request(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    """A page (or, for htmx, a fragment) that says what was wrong, in the user's words."""
    return render(
        request,
        "components/_error.html" if is_htmx(request) else "error.html",
        {"message": message, "status": status},
        status=status,
    )


def refuse(request: HttpRequest, exc: ActionError) -> HttpResponse:
    """An action said no: a page with the reason, or for htmx a toast and no swap."""
    if is_htmx(request):
        response = render(
            request, "components/_error.html", {"message": exc.message}, status=exc.status
        )
        response["HX-Reswap"] = "none"
        return toast(response, exc.message, level="error")
    return bad_request(request, exc.message, status=exc.status)


def error_into(request: HttpRequest, exc: ActionError, target: str) -> HttpResponse:
    """For htmx: the reason, swapped into the form's error slot ``target`` (a selector)."""
    response = render(
        request, "components/_error.html", {"message": exc.message}, status=exc.status
    )
    response["HX-Retarget"] = target
    response["HX-Reswap"] = "innerHTML"
    return response
