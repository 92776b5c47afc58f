"""Question lists: all, unanswered, without an accepted answer; company-wide or per space."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from agora.core.viewer import viewer_for
from agora.qa import queries


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    show = request.GET.get("show", "open")
    if show not in queries.FILTERS:
        show = "open"
    questions = queries.questions(viewer.user, show=show)[:50]
    return render(
        request,
        "qa/list.html",
        {"viewer": viewer, "questions": questions, "show": show, "filters": queries.FILTERS},
    )
