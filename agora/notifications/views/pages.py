"""The notifications page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from agora.core.viewer import viewer_for
from agora.notifications import actions, queries


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    items = queries.recent(viewer.user)
    return render(request, "notifications/list.html", {"viewer": viewer, "notifications": items})


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    actions.mark_all_read(viewer_for(request).user)
    return HttpResponseRedirect(reverse("notifications:list"))
