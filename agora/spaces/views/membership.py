"""Joining, leaving, join requests and member management."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import bad_request
from agora.people.models import User
from agora.spaces import actions, queries
from agora.spaces.access import access_space, access_space_to_manage
from agora.spaces.forms import AddMemberForm, JoinRequestForm, RoleForm
from agora.spaces.models import JoinRequest, Membership
from agora.spaces.viewer import viewer_for

JOIN_MESSAGES = {
    "joined": "Welcome! You are now a member.",
    "already": "You are already a member.",
    "requested": "Your request has been sent to the space's owners.",
    "already_requested": "You have already asked to join; the owners will decide soon.",
}


def _members_url(slug: str) -> str:
    return reverse("spaces:members", args=[slug])


@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    form = JoinRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        outcome = actions.do_join(viewer.user, access.space, message=message)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    messages.success(request, JOIN_MESSAGES[outcome])
    return HttpResponseRedirect(access.space.get_absolute_url())


@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    try:
        actions.do_leave(viewer.user, access.space)
    except ActionError as exc:
        messages.error(request, exc.message)
        return HttpResponseRedirect(access.space.get_absolute_url())
    messages.success(request, f"You left {access.space.name}.")
    # After leaving a secret space its page is a 404 to you; go to the directory instead.
    return HttpResponseRedirect(reverse("spaces:directory"))


@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    if not access.can_read:
        return bad_request(
            request, f"Only members of {access.space.name} can see who belongs to it.", status=403
        )
    context: dict[str, object] = {
        "access": access,
        "space": access.space,
        "members": queries.members(access.space),
        "viewer": viewer,
    }
    if access.can_manage:
        context["requests"] = queries.pending_requests(access.space)
        context["add_form"] = AddMemberForm()
        context["role_choices"] = RoleForm.base_fields["role"].choices  # type: ignore[attr-defined]
    return render(request, "spaces/members.html", context)


def find_person(text: str) -> User | None:
    """The active person named by an @handle, an email address or an exact display name."""
    text = text.strip()
    handle = text.lstrip("@").lower()
    people = User.objects.filter(is_active=True)
    return (
        people.filter(Q(handle=handle) | Q(email__iexact=text)).first()
        or people.filter(display_name__iexact=text).first()
    )


@require_POST
def add_member(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space_to_manage(viewer.user, slug)
    form = AddMemberForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Name the person to add and their role.")
        return HttpResponseRedirect(_members_url(slug))
    person = find_person(form.cleaned_data["person"])
    if person is None:
        messages.error(request, f"Nobody called “{form.cleaned_data['person']}” works here.")
        return HttpResponseRedirect(_members_url(slug))
    try:
        if access.role != "owner" and form.cleaned_data["role"] == "owner":
            raise ActionError("Only owners can add owners.")
        added = actions.do_add_member(access.space, person, role=form.cleaned_data["role"])
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        if added:
            messages.success(request, f"{person.display_name} is now a member.")
        else:
            messages.info(request, f"{person.display_name} is already a member.")
    return HttpResponseRedirect(_members_url(slug))


def _membership(access_space_id: int, user_id: int) -> Membership | None:
    return (
        Membership.objects.filter(space_id=access_space_id, user_id=user_id)
        .select_related("user")
        .first()
    )


@require_POST
def set_role(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space_to_manage(viewer.user, slug)
    membership = _membership(access.space.pk, user_id)
    form = RoleForm(request.POST)
    if membership is None or not form.is_valid():
        return bad_request(request, "That person is not a member of this space.", status=404)
    try:
        actions.do_set_role(access.role or "", membership, form.cleaned_data["role"])
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"{membership.user.display_name} is now {membership.get_role_display()}."
        )
    return HttpResponseRedirect(_members_url(slug))


@require_POST
def remove_member(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space_to_manage(viewer.user, slug)
    membership = _membership(access.space.pk, user_id)
    if membership is None:
        return bad_request(request, "That person is not a member of this space.", status=404)
    try:
        actions.do_remove_member(access.role or "", membership)
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{membership.user.display_name} was removed.")
    return HttpResponseRedirect(_members_url(slug))


@require_POST
def decide_request(request: HttpRequest, slug: str, request_id: int, decision: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space_to_manage(viewer.user, slug)
    if decision not in ("approve", "decline"):
        return bad_request(request, "Approve or decline; nothing else.", status=404)
    join_request = (
        JoinRequest.objects.filter(pk=request_id, space=access.space).select_related("user").first()
    )
    if join_request is None:
        return bad_request(request, "That request no longer exists.", status=404)
    approve = decision == "approve"
    if not actions.do_decide_request(viewer.user, join_request, approve=approve):
        join_request.refresh_from_db(fields=["status"])
        messages.info(
            request,
            f"{join_request.user.display_name}'s request was already "
            f"{join_request.get_status_display().lower()}.",
        )
        return HttpResponseRedirect(_members_url(slug))
    verb = "approved" if approve else "declined"
    messages.success(request, f"{join_request.user.display_name}'s request was {verb}.")
    return HttpResponseRedirect(_members_url(slug))
