from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from agora.people.models import Department, Invitation, Skill, User


@admin.register(User)
# django-stubs types UserAdmin for AbstractUser subclasses only; ours extends AbstractBaseUser.
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    ordering = ["display_name"]
    list_display = [
        "display_name",
        "email",
        "handle",
        "department",
        "is_moderator",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_active", "is_staff", "is_moderator", "department"]
    search_fields = ["display_name", "email", "handle"]
    readonly_fields = ["date_joined", "last_login", "follower_count"]
    filter_horizontal = ["skills", "groups", "user_permissions"]
    fieldsets = (
        (None, {"fields": ("email", "handle", "password")}),
        (
            "Profile",
            {"fields": ("display_name", "job_title", "department", "location", "bio", "skills")},
        ),
        (
            "Roles",
            {
                "fields": (
                    "is_active",
                    "is_moderator",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
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


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin[Department]):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin[Skill]):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "invited_by", "created_at", "accepted_at"]
    readonly_fields = ["token", "created_at", "accepted_at", "accepted_user"]
