"""Spaces in the administration. Their settings and members change through the spaces
actions, so counts, roles and pending requests follow exactly as on the site; spaces are
created on the site (by the person who will own them) and no action deletes one yet, so
neither is offered here. Join requests are decided by the space's managers on the site."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from agora.core.admin import ShowsRefusals
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Membership, Role, Space


class MembershipForm(forms.ModelForm[Membership]):
    """One member and their role. Who a membership belongs to is fixed once it exists: to
    put someone else in, remove the row and add them."""

    class Meta:
        model = Membership
        fields = ["user", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["user"].disabled = True

    def clean_user(self) -> Any:
        user = self.cleaned_data.get("user")
        if self.instance.pk is None and user is not None and not user.is_active:
            # As ``do_add_member`` refuses it, said beside the row.
            raise ValidationError(f"{user.display_name}'s account is deactivated.")
        return user


class MembershipFormSet(BaseInlineFormSet[Membership, Space, forms.ModelForm[Membership]]):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if (form.instance.pk is not None or form.has_changed())
            and not form.cleaned_data.get("DELETE")
        ]
        if not any(form.cleaned_data.get("role") == Role.OWNER for form in kept):
            # The actions refuse it too (under a lock); saying it here keeps the form.
            raise ValidationError("A space needs at least one owner.")


class MembershipInline(admin.TabularInline[Membership, Space]):
    model = Membership
    form = MembershipForm
    formset = MembershipFormSet
    extra = 0
    autocomplete_fields = ["user"]


def _current(membership: Membership) -> Membership:
    """The membership as stored: the form's copy already holds the new role."""
    return Membership.objects.select_related("user").get(pk=membership.pk)


@admin.register(Space)
class SpaceAdmin(ShowsRefusals, admin.ModelAdmin[Space]):
    list_display = ["name", "kind", "visibility", "member_count", "post_count", "created_at"]
    list_filter = ["kind", "visibility"]
    search_fields = ["name", "slug"]
    fields = [
        "name",
        "description",
        "kind",
        "visibility",
        "posting",
        "slug",
        "created_by",
        "created_at",
        "member_count",
        "post_count",
        "last_post_at",
    ]
    readonly_fields = [
        "slug",
        "created_by",
        "created_at",
        "member_count",
        "post_count",
        "last_post_at",
    ]
    inlines = [MembershipInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # created on the site (/spaces/new/), with its creator as owner

    def has_delete_permission(self, request: HttpRequest, obj: Space | None = None) -> bool:
        return False  # no action deletes a space: its posts and their credit would go too

    def save_model(self, request: HttpRequest, obj: Space, form: Any, change: bool) -> None:
        actions.do_update_space(
            obj,
            name=obj.name,
            description=obj.description,
            kind=obj.kind,
            visibility=obj.visibility,
            posting=obj.posting,
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Members added, re-roled and removed through the spaces actions, administrators
        acting as the space's owners. Additions and promotions come first, so a space
        whose owner is replaced in one save always has one."""
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        space = form.instance
        formset.save(commit=False)  # sorts the rows into new, changed and deleted; writes nothing
        for membership in formset.new_objects:
            actions.do_add_member(space, membership.user, role=membership.role)
        changed = [(m, fields) for m, fields in formset.changed_objects if "role" in fields]
        changed.sort(key=lambda pair: pair[0].role != Role.OWNER)
        for membership, _ in changed:
            actions.do_set_role(Role.OWNER, _current(membership), membership.role)
        for membership in formset.deleted_objects:
            actions.do_remove_member(Role.OWNER, _current(membership))


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin[JoinRequest]):
    """Read only: deciding a request (``do_decide_request``) adds the member, on the space's
    page, by its owners and moderators."""

    list_display = ["space", "user", "status", "created_at", "decided_at"]
    list_filter = ["status"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: JoinRequest | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: JoinRequest | None = None) -> bool:
        return False
