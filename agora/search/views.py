"""The search page and the top bar's suggestions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from agora.core.htmx import bad_request, is_htmx, render_page
from agora.search import backends, queries
from agora.spaces.viewer import viewer_for

MAX_QUERY = 200


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    context: dict[str, object] = {"q": text, "viewer": viewer}
    if not backends.terms(text):
        context["empty"] = True
        return render(request, "search/results.html", context)
    try:
        page = queries.posts(
            viewer, text, cursor=request.GET.get("before"), size=settings.AGORA_FEED_PAGE_SIZE
        )
    except queries.BadCursor as exc:
        return bad_request(request, str(exc))
    context.update(
        page=page,
        more_url=f"{reverse('search:search')}?{urlencode({'q': text})}&before=",
    )
    if not request.GET.get("before"):
        context["people"] = list(queries.people(text))
        context["spaces"] = list(queries.spaces(viewer, text))
    return render_page(request, "search/results.html", "search/_hits.html", context)


@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """People and spaces matching what is being typed (a fragment for the top bar)."""
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    # Nothing until a word of two letters: one letter (or several one-letter words)
    # would match nearly everyone.
    if not is_htmx(request) or max(map(len, backends.terms(text)), default=0) < 2:
        return HttpResponse("")
    viewer = viewer_for(request)
    context = {
        "q": text,
        "people": list(queries.people(text, limit=4)),
        "spaces": list(queries.spaces(viewer, text, limit=4)),
    }
    return render(request, "search/_suggestions.html", context)
