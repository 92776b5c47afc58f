"""People in the administration: accounts, departments and skills, each saved through the
people actions (an administrator editing a person is ``do_update_profile`` and
``do_update_account``, a new account ``create_user``, a password ``do_set_password``).
Accounts are deactivated rather than deleted (a person's posts, answers and credit are
the company's record); invitations are sent from the site, which emails the link."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AdminUserCreationForm,
    UserChangeForm,
)
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from agora.core.admin import ShowsRefusals
from agora.core.errors import ActionError
from agora.people import actions
from agora.people.models import Department, Invitation, Skill, User

# The profile fields the admin shows; everything else it edits is ``ACCOUNT_FIELDS``.
PROFILE_FIELDS = ("display_name", "job_title", "department", "location", "bio")


def _check_account(form: ModelForm[User], user: User) -> None:
    """The account fields the form changed, checked as ``do_update_account`` will."""
    changes = {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in actions.ACCOUNT_FIELDS and name in form.cleaned_data
    }
    try:
        actions.check_account_changes(user, changes)
    except ActionError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)


# django-stubs types these forms for Django's own User; ours extends AbstractBaseUser.
class AccountForm(UserChangeForm):  # type: ignore[type-arg]
    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        _check_account(self, self.instance)
        return data


class NewAccountForm(AdminUserCreationForm):
    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        _check_account(self, User())  # the address and handle, as ``create_user`` will
        return data


class PasswordForm(AdminPasswordChangeForm):  # type: ignore[type-arg]
    """Django's form to set someone's password, saved through ``do_set_password``."""

    def save(self, commit: bool = True) -> Any:
        usable = self.cleaned_data["set_usable_password"]
        actions.do_set_password(self.user, self.cleaned_data["password1"] if usable else None)
        return self.user


@admin.register(User)
# django-stubs types UserAdmin for AbstractUser subclasses only; ours extends AbstractBaseUser.
class UserAdmin(ShowsRefusals, BaseUserAdmin):  # type: ignore[type-arg]
    form = AccountForm
    add_form = NewAccountForm
    change_password_form = PasswordForm
    ordering = ["display_name"]
    list_display = [
        "display_name",
        "email",
        "handle",
        "department",
        "is_moderator",
        "is_official_voice",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_active", "is_staff", "is_moderator", "is_official_voice", "department"]
    search_fields = ["display_name", "email", "handle"]
    readonly_fields = ["date_joined", "last_login", "follower_count"]
    filter_horizontal = ["skills", "groups", "user_permissions"]
    fieldsets = (
        (None, {"fields": ("email", "handle", "password")}),
        ("Profile", {"fields": (*PROFILE_FIELDS, "skills")}),
        (
            "Roles",
            {
                "fields": (
                    "is_active",
                    "is_moderator",
                    "is_official_voice",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ),
                "description": "Official voices (a product owner, say) may mark their own "
                "answers official. To stop someone signing in, untick Active: accounts are "
                "not deleted, as their posts and answers stay part of the record.",
            },
        ),
        ("Dates", {"fields": ("date_joined", "last_login", "follower_count")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "handle", "display_name", "password1", "password2"),
            },
        ),
    )

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False  # deactivate instead: see the module's docstring

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        data = form.cleaned_data
        if not change:
            created = actions.create_user(
                obj.email,
                display_name=obj.display_name,
                handle=obj.handle or None,
                password_hash=obj.password,  # the form hashed it (or made it unusable)
            )
            # Django's admin goes on with ``obj`` (its history, the redirect): make it the row.
            obj.pk = created.pk
            obj.refresh_from_db()
            obj._state.adding = False
            return
        changed = set(form.changed_data)
        profile = {name: data[name] for name in PROFILE_FIELDS if name in changed}
        if profile or "skills" in changed:
            actions.do_update_profile(obj, skills=data["skills"], **profile)
        account = {name: data[name] for name in actions.ACCOUNT_FIELDS if name in changed}
        groups = data["groups"] if "groups" in changed else None
        permissions = data["user_permissions"] if "user_permissions" in changed else None
        if account or groups is not None or permissions is not None:
            actions.do_update_account(obj, groups=groups, permissions=permissions, **account)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Not ``form.save_m2m()``: skills, groups and permissions were saved by the actions.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin[Department]):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]

    def save_model(self, request: HttpRequest, obj: Department, form: Any, change: bool) -> None:
        actions.save_department(obj)

    def delete_model(self, request: HttpRequest, obj: Department) -> None:
        actions.delete_department(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Department]) -> None:
        for department in queryset:
            actions.delete_department(department)


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin[Skill]):
    list_display = ["name", "slug"]
    search_fields = ["name"]

    def save_model(self, request: HttpRequest, obj: Skill, form: Any, change: bool) -> None:
        actions.save_skill(obj)

    def delete_model(self, request: HttpRequest, obj: Skill) -> None:
        actions.delete_skill(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Skill]) -> None:
        for skill in queryset:
            actions.delete_skill(skill)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    """Read only: inviting (``do_invite``) emails the link, from the site's invitation page."""

    list_display = ["email", "invited_by", "created_at", "accepted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Invitation | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Invitation | None = None) -> bool:
        return False
