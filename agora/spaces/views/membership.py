"""Joining, leaving, join requests and member management.

The views read the form, call the ``check_*`` action (which resolves the space, decides
whether the person may do it and writes) and answer: a success redirects with a message
(so a reload never repeats it); a refusal answers its status, 404 as the standard page
(a secret space reads exactly like a missing one) and anything else as the members page
with the reason, or an error page for someone who may not read that page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import bad_request
from agora.spaces import actions, queries
from agora.spaces.access import SpaceAccess, access_space
from agora.spaces.forms import AddMemberForm, JoinRequestForm, RoleForm
from agora.spaces.models import Role
from agora.spaces.viewer import Viewer, viewer_for

JOIN_MESSAGES = {
    "joined": "Welcome! You are now a member.",
    "already": "You are already a member.",
    "requested": "Your request has been sent to the space's owners.",
    "already_requested": "You have already asked to join; the owners will decide soon.",
}


def _members_url(slug: str) -> str:
    return reverse("spaces:members", args=[slug])


def _members_page(
    request: HttpRequest, viewer: Viewer, access: SpaceAccess, *, status: int = 200
) -> HttpResponse:
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
    return render(request, "spaces/members.html", context, status=status)


def _refused(request: HttpRequest, viewer: Viewer, slug: str, exc: ActionError) -> HttpResponse:
    """The members page with the reason, in the refusal's status (nothing was written).

    A space the person may not know exists is the standard 404 page (``access_space``);
    a missing member or request of a space they manage is its members page, with 404.
    """
    access = access_space(viewer.user, slug)
    if not access.can_read:
        return bad_request(request, exc.message, status=exc.status)
    messages.error(request, exc.message)
    return _members_page(request, viewer, access, status=exc.status)


@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    if not access.can_read:
        return bad_request(
            request, f"Only members of {access.space.name} can see who belongs to it.", status=403
        )
    return _members_page(request, viewer, access)


@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    form = JoinRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        space, outcome = actions.check_join(viewer.user, slug, message=message)
    except ActionError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from None
        return bad_request(request, exc.message, status=exc.status)
    messages.success(request, JOIN_MESSAGES[outcome])
    return HttpResponseRedirect(space.get_absolute_url())


@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        space = actions.check_leave(viewer.user, slug)
    except ActionError as exc:
        # The only owner is shown the members page, where they can make someone else one.
        return _refused(request, viewer, slug, exc)
    messages.success(request, f"You left {space.name}.")
    # After leaving a secret space its page is a 404 to you; go to the directory instead.
    return HttpResponseRedirect(reverse("spaces:directory"))


@require_POST
def add_member(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    # The action checks who may add before it looks at what was typed.
    named, role = request.POST.get("person", ""), request.POST.get("role", Role.MEMBER)
    try:
        _, person, added = actions.check_add_member(viewer.user, slug, named, role=role)
    except ActionError as exc:
        return _refused(request, viewer, slug, exc)
    if added:
        messages.success(request, f"{person.display_name} is now a member.")
    else:
        messages.info(request, f"{person.display_name} is already a member.")
    return HttpResponseRedirect(_members_url(slug))


@require_POST
def set_role(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        # The action names an unknown role as the problem.
        membership = actions.check_set_role(
            viewer.user, slug, user_id, request.POST.get("role", "")
        )
    except ActionError as exc:
        return _refused(request, viewer, slug, exc)
    messages.success(
        request, f"{membership.user.display_name} is now {membership.get_role_display()}."
    )
    return HttpResponseRedirect(_members_url(slug))


@require_POST
def remove_member(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        membership = actions.check_remove_member(viewer.user, slug, user_id)
    except ActionError as exc:
        return _refused(request, viewer, slug, exc)
    messages.success(request, f"{membership.user.display_name} was removed.")
    return HttpResponseRedirect(_members_url(slug))


@require_POST
def decide_request(request: HttpRequest, slug: str, request_id: int, decision: str) -> HttpResponse:
    viewer = viewer_for(request)
    if decision not in ("approve", "decline"):
        raise Http404("Approve or decline; nothing else.")
    approve = decision == "approve"
    try:
        join_request, decided = actions.check_decide_request(
            viewer.user, slug, request_id, approve=approve
        )
    except ActionError as exc:
        return _refused(request, viewer, slug, exc)
    name = join_request.user.display_name
    if not decided:
        status = join_request.get_status_display().lower()
        messages.info(request, f"{name}'s request was already {status}.")
    else:
        messages.success(request, f"{name}'s request was {'approved' if approve else 'declined'}.")
    return HttpResponseRedirect(_members_url(slug))
