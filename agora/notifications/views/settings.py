"""What a person hears and how (``/notifications/settings/``), and the one-click
unsubscribe every email links to."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from agora.notifications import actions, mail, preferences
from agora.notifications.forms import SettingsForm
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.spaces.models import Space
from agora.spaces.viewer import viewer_for


@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    user = viewer.user
    spaces = list(Space.objects.filter(memberships__user=user).order_by("name"))
    form = SettingsForm(
        request.POST if request.method == "POST" else None,
        kinds=preferences.kind_choices(user),
        schedule=preferences.schedule_of(user),
        spaces=spaces,
        levels=preferences.space_levels(user),
    )
    if request.method == "POST":
        if form.is_valid():
            actions.save_settings(
                user,
                deliveries=form.deliveries(),
                levels=form.space_levels(),
                frequency=form.cleaned_data["frequency"],
                hour=form.cleaned_data["hour"],
                weekday=form.cleaned_data["weekday"] or 0,
                time_zone=form.cleaned_data["time_zone"],
            )
            messages.success(request, "Your notification settings are saved.")
            return HttpResponseRedirect(reverse("notifications:settings"))
        return render(
            request, "notifications/settings.html", {"viewer": viewer, "form": form}, status=400
        )
    return render(request, "notifications/settings.html", {"viewer": viewer, "form": form})


def _kind_label(kind: str) -> str:
    if kind == actions.DIGEST:
        return "the digest"
    try:
        return f"“{NotificationKind(kind).label}” emails"
    except ValueError:
        return "these emails"


@login_not_required
@csrf_exempt  # RFC 8058: a mail client posts the one-click unsubscribe without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link scanner opening it changes nothing); POST stops that kind of
    email for the person the link was sent to, signed in or not."""
    found = mail.read_unsubscribe_token(token)
    person = User.objects.filter(pk=found[0], is_active=True).first() if found else None
    if found is None or person is None or not _known(found[1]):
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    context = {"what": _kind_label(found[1]), "token": token}
    if request.method == "POST":
        actions.unsubscribe(person, found[1])
        return render(request, "notifications/unsubscribe.html", {**context, "done": True})
    return render(request, "notifications/unsubscribe.html", context)


def _known(kind: str) -> bool:
    return kind == actions.DIGEST or kind in NotificationKind.values
