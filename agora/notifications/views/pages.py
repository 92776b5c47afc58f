"""The notifications page."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
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
    NotificationKind.REPLY: "reply",
    NotificationKind.COMMENT: "message-square",
    NotificationKind.JOIN_REQUEST: "user-plus",
    NotificationKind.JOIN_APPROVED: "user-check",
    NotificationKind.JOIN_DECLINED: "user-x",
    NotificationKind.REACTIONS: "thumbs-up",
    NotificationKind.BADGE: "award",
    NotificationKind.LEVEL: "trending-up",
}


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    """The newest notifications, unread ones marked "new". Looking does not read them:
    one is read when it is opened (``open_notification``), or all at once with "Mark all
    as read" (a POST)."""
    viewer = viewer_for(request)
    chosen = request.GET.get("kind", "")
    chosen = chosen if chosen in queries.FILTERS else ""
    unread_only = request.GET.get("show") == "unread"
    kinds = queries.FILTERS[chosen][1] if chosen else None
    lines = queries.grouped(queries.recent(viewer.user, kinds=kinds, unread_only=unread_only))
    context = {
        "viewer": viewer,
        "lines": lines,
        "icons": ICONS,
        "filters": [(key, label) for key, (label, _) in queries.FILTERS.items()],
        "chosen": chosen,
        "unread_only": unread_only,
        "filtered": bool(chosen or unread_only),
    }
    return render(request, "notifications/list.html", context)


@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The top bar's bell alone, with the unread count (redrawn by live pages)."""
    return render(request, "notifications/_bell.html")


@require_GET
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Open what a notification is about, and mark it read with the others on its line
    (404 for someone else's, or one about a post its person may no longer read, exactly
    like a missing one)."""
    user = viewer_for(request).user
    notification = (
        queries.visible(user)
        .select_related("post", "answer", "user", "space")
        .filter(pk=pk)
        .first()
    )
    if notification is None:
        raise Http404("No such notification")
    line = queries.same_line(user, notification).filter(read_at__isnull=True)
    actions.mark_read(user, [notification.pk, *line.values_list("pk", flat=True)])
    return HttpResponseRedirect(queries.target_url(notification))


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = actions.mark_all_read(viewer_for(request).user)
    if count:
        messages.success(
            request, f"{count} notification{'s' if count != 1 else ''} marked as read."
        )
    return HttpResponseRedirect(reverse("notifications:list"))
