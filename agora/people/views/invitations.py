"""Administrators invite people; the invited accept with a name and a password."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from agora.core.errors import ActionError
from agora.core.htmx import bad_request
from agora.people import actions
from agora.people.access import signed_in
from agora.people.forms import AcceptInvitationForm, InviteForm
from agora.people.models import Invitation, User


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    me = signed_in(request)
    if not me.is_staff:
        return bad_request(request, "Only administrators can invite people.", status=403)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            sent, again, problems = [], [], []
            for address in form.addresses():
                try:
                    email = actions.check_invite(me, address)
                    invited = actions.do_invite(me, email)
                except ActionError as exc:
                    problems.append(exc.message)
                    continue
                if invited.again:
                    again.append(sent_again(invited.invitation, me))
                else:
                    sent.append(email)
            if sent:
                messages.success(request, f"Invitation sent to {', '.join(sent)}.")
            for notice in again:
                messages.info(request, notice)
            for problem in problems:
                messages.error(request, problem)
            if not problems:
                return HttpResponseRedirect(reverse("people:invite"))
        status = 400
    recent = Invitation.objects.select_related("invited_by", "accepted_user")[:20]
    return render(
        request,
        "people/invite.html",
        {"form": form, "invitations": recent},
        status=status,
    )


def sent_again(invitation: Invitation, admin: User) -> str:
    """The notice for an address invited before, such as "nina@example.com was already
    invited on 3 May by Priya Admin; the invitation was sent again." (with the year when
    it was another year)."""
    day = timezone.localdate(invitation.created_at)
    when = date_format(day, "j F" if day.year == timezone.localdate().year else "j F Y")
    who = "you" if invitation.invited_by_id == admin.pk else invitation.invited_by.display_name
    return (
        f"{invitation.email} was already invited on {when} by {who}; the invitation was sent again."
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = actions.open_invitation(token)
    except ActionError as exc:
        return render(
            request, "people/invitation_invalid.html", {"message": exc.message}, status=404
        )
    form = AcceptInvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                user = actions.do_accept_invitation(
                    token,
                    display_name=form.cleaned_data["display_name"],
                    password=form.cleaned_data["password"],
                )
            except ActionError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, "Welcome to Agora! Tell colleagues who you are.")
                return HttpResponseRedirect(reverse("people:edit"))
        status = 400
    return render(
        request,
        "people/accept_invitation.html",
        {"form": form, "invitation": invitation},
        status=status,
    )
