"""Spaces in the administration: settings and members change through the spaces actions,
so the member count, roles and join requests follow exactly as on the site."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from agora.core.errors import ActionError
from agora.people import actions as people
from agora.people.models import User
from agora.posts.models import Post
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Membership, Role, Space

pytestmark = pytest.mark.django_db

PREFIX = "memberships"  # the inline's formset, named after Space.memberships


def _save(
    client: Client,
    space: Space,
    *,
    roles: Mapping[User, str] | None = None,
    remove: Iterable[User] = (),
    add: Mapping[User, str] | None = None,
    **fields: str,
) -> Any:
    """Post the space's admin page as an administrator would fill it in."""
    roles, removed, add = roles or {}, {u.pk for u in remove}, add or {}
    rows = list(Membership.objects.filter(space=space).order_by("pk"))
    data: dict[str, Any] = {
        "name": space.name,
        "description": space.description,
        "kind": space.kind,
        "visibility": space.visibility,
        "posting": space.posting,
        **fields,
        f"{PREFIX}-TOTAL_FORMS": len(rows) + len(add),
        f"{PREFIX}-INITIAL_FORMS": len(rows),
        f"{PREFIX}-MIN_NUM_FORMS": 0,
        f"{PREFIX}-MAX_NUM_FORMS": 1000,
    }
    by_pk = {u.pk: role for u, role in roles.items()}
    for i, row in enumerate(rows):
        data |= {
            f"{PREFIX}-{i}-id": row.pk,
            f"{PREFIX}-{i}-space": space.pk,
            f"{PREFIX}-{i}-user": row.user_id,
            f"{PREFIX}-{i}-role": by_pk.get(row.user_id, row.role),
        }
        if row.user_id in removed:
            data[f"{PREFIX}-{i}-DELETE"] = "on"
    for i, (user, role) in enumerate(add.items(), start=len(rows)):
        data |= {f"{PREFIX}-{i}-space": space.pk, f"{PREFIX}-{i}-user": user.pk}
        data[f"{PREFIX}-{i}-role"] = role
    return client.post(reverse("admin:spaces_space_change", args=[space.pk]), data)


def _roles(space: Space) -> dict[int, str]:
    return dict(Membership.objects.filter(space=space).values_list("user_id", "role"))


def _count(space: Space) -> int:
    space.refresh_from_db()
    return space.member_count


def test_adding_a_member_counts_them_and_settles_their_request(cast, admin_client):
    space = cast.private_space
    assert actions.do_join(cast.outsider, space, message="Please") == "requested"
    before = _count(space)
    response = _save(admin_client, space, add={cast.outsider: Role.MEMBER})
    assert response.status_code == 302
    assert _roles(space)[cast.outsider.pk] == Role.MEMBER
    assert _count(space) == before + 1 == Membership.objects.filter(space=space).count()
    request = JoinRequest.objects.get(space=space, user=cast.outsider)
    assert request.status == JoinRequest.Status.APPROVED
    assert Post.objects.visible_to(cast.outsider).filter(pk=cast.private_post.pk).exists()


def test_removing_a_member_counts_them_out(cast, admin_client):
    space = cast.private_space
    before = _count(space)
    response = _save(admin_client, space, remove=[cast.salesperson])
    assert response.status_code == 302
    assert cast.salesperson.pk not in _roles(space)
    assert _count(space) == before - 1 == Membership.objects.filter(space=space).count()
    assert not Post.objects.visible_to(cast.salesperson).filter(pk=cast.private_post.pk).exists()


def test_an_owner_can_be_replaced_in_one_save(cast, admin_client):
    space = cast.open_space
    before = _count(space)
    response = _save(
        admin_client, space, roles={cast.salesperson: Role.OWNER}, remove=[cast.engineer]
    )
    assert response.status_code == 302
    assert _roles(space) == {cast.salesperson.pk: Role.OWNER, cast.moderator.pk: Role.MODERATOR}
    assert _count(space) == before - 1


def test_it_refuses_to_leave_a_space_without_an_owner(cast, admin_client):
    space = cast.open_space
    before, roles = _count(space), _roles(space)
    for change in ({"remove": [cast.engineer]}, {"roles": {cast.engineer: Role.MEMBER}}):
        response = _save(admin_client, space, **change)
        assert response.status_code == 200
        assert "A space needs at least one owner." in response.content.decode()
        assert (_count(space), _roles(space)) == (before, roles)


def test_it_refuses_to_add_a_deactivated_account(cast, admin_client):
    people.do_update_account(cast.outsider, is_active=False)
    space = cast.open_space
    before = _count(space)
    response = _save(admin_client, space, add={cast.outsider: Role.MEMBER})
    assert response.status_code == 200
    assert "Olly Outsider&#x27;s account is deactivated." in response.content.decode()
    assert cast.outsider.pk not in _roles(space)
    assert _count(space) == before


def test_it_edits_a_space_through_its_action(cast, admin_client):
    space = cast.open_space
    before = _count(space)
    response = _save(
        admin_client,
        space,
        name="  Open Forum ",
        visibility="private",
        posting="managers",
        slug="hijacked",
    )
    assert response.status_code == 302
    space.refresh_from_db()
    assert (space.name, space.visibility, space.slug) == ("Open Forum", "private", "open-space")
    assert space.posting == "managers"  # only owners and moderators start posts now
    assert space.member_count == before
    assert not Post.objects.visible_to(cast.outsider).filter(pk=cast.open_post.pk).exists()


def test_spaces_are_neither_created_nor_deleted_and_requests_not_decided_here(cast, admin_client):
    assert admin_client.get(reverse("admin:spaces_space_add")).status_code == 403
    delete = reverse("admin:spaces_space_delete", args=[cast.secret_space.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Space.objects.filter(pk=cast.secret_space.pk).exists()
    actions.do_join(cast.outsider, cast.private_space)
    request = JoinRequest.objects.get(user=cast.outsider)
    decide = reverse("admin:spaces_joinrequest_change", args=[request.pk])
    assert admin_client.post(decide, {"status": "approved"}).status_code == 403
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING
    assert cast.outsider.pk not in _roles(cast.private_space)


def test_a_refusal_while_saving_rolls_the_whole_save_back(cast, admin_client, monkeypatch):
    """Another administrator may change the space between the form's checks and the
    save; the action's refusal then undoes everything the save had done."""
    space = cast.open_space
    before, roles = _count(space), _roles(space)

    def refuse(actor_role: str, membership: Membership) -> None:
        raise ActionError("A space needs at least one owner.")

    monkeypatch.setattr(actions, "do_remove_member", refuse)
    response = _save(
        admin_client, space, add={cast.outsider: Role.MEMBER}, remove=[cast.salesperson]
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:spaces_space_change", args=[space.pk])
    page = admin_client.get(response["Location"]).content.decode()
    assert "A space needs at least one owner." in page
    assert (_count(space), _roles(space)) == (before, roles)
