"""The leaderboard."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from agora.core.viewer import viewer_for
from agora.reputation import queries


@require_GET
def leaderboard(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    period = request.GET.get("period", "month")
    if period not in queries.PERIODS:
        period = "month"
    rows = queries.leaderboard(viewer.user, period=period)
    return render(
        request,
        "reputation/leaderboard.html",
        {"viewer": viewer, "rows": rows, "period": period, "periods": queries.PERIODS},
    )
