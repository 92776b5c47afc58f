from django.contrib import admin

from agora.spaces.models import JoinRequest, Membership, Space


class MembershipInline(admin.TabularInline[Membership, Space]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin[Space]):
    list_display = ["name", "kind", "visibility", "member_count", "post_count", "created_at"]
    list_filter = ["kind", "visibility"]
    search_fields = ["name", "slug"]
    readonly_fields = ["member_count", "post_count", "last_post_at"]
    inlines = [MembershipInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin[JoinRequest]):
    list_display = ["space", "user", "status", "created_at", "decided_at"]
    list_filter = ["status"]
