"""The notifications page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from agora.notifications import actions, queries
from agora.notifications.models import NotificationKind
from agora.spaces.viewer import viewer_for

# Lucide's icon for each kind (see agora.core.icons); the sentence beside it says the rest.
ICONS = {
    NotificationKind.ANSWER_INVITATION: "hand",
    NotificationKind.NEW_ANSWER: "message-circle",
    NotificationKind.ANSWER_ACCEPTED: "circle-check",
    NotificationKind.MENTION: "at-sign",
    NotificationKind.BADGE: "award",
    NotificationKind.LEVEL: "trending-up",
}


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    """The newest notifications, unread ones marked "new". Opening the page reads them:
    they are marked read once fetched, so this page still shows them as new while the
    bell (counted as the page is drawn) shows only what is left."""
    viewer = viewer_for(request)
    items = queries.recent(viewer.user)
    unread = [n.pk for n in items if n.read_at is None]
    if unread:
        actions.mark_read(viewer.user, unread)
    context = {"viewer": viewer, "notifications": items, "icons": ICONS}
    return render(request, "notifications/list.html", context)


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = actions.mark_all_read(viewer_for(request).user)
    if count:
        messages.success(
            request, f"{count} notification{'s' if count != 1 else ''} marked as read."
        )
    return HttpResponseRedirect(reverse("notifications:list"))
