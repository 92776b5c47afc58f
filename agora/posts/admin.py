"""Posts (questions and answers too) and tags in the administration: read only.

An edit here would skip what the posts actions do (render the body, keep the revision,
update the search index), so content changes only on the site, through its authors and
moderators (moderation gets its own screens). Deleting a post here is the site's own soft
delete (``do_delete_post``): hidden everywhere, a question's answers with it, its credit
taken back, the row kept for the moderation record.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from agora.core.admin import acting_admin
from agora.people.models import User
from agora.posts import actions
from agora.posts.models import Post, Tag


def _deleter(request: HttpRequest) -> User:
    user = acting_admin(request)
    assert isinstance(user, User)
    return user


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    list_display = ["pk", "kind", "author", "space", "created_at", "deleted_at", "comment_count"]
    list_filter = ["kind", "space"]
    search_fields = ["body"]
    list_select_related = ["author", "space"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # posts are written on the site, by their authors

    def has_change_permission(self, request: HttpRequest, obj: Post | None = None) -> bool:
        return False  # read only: see the module's docstring

    def has_delete_permission(self, request: HttpRequest, obj: Post | None = None) -> bool:
        if obj is not None and obj.deleted_at is not None:
            return False  # deleted already; the row stays for the record
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[str], dict[str, int], set[str], list[str]]:
        # A soft delete cascades to nothing: the confirmation lists only the posts (Django's
        # would list every comment and reaction as if it were about to go).
        posts = [p for p in objs if p.deleted_at is None]
        shown = [f"{p} (hidden everywhere; a question's answers with it)" for p in posts]
        return shown, {str(Post._meta.verbose_name_plural): len(posts)}, set(), []

    def delete_model(self, request: HttpRequest, obj: Post) -> None:
        actions.do_delete_post(obj, deleted_by=_deleter(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Post]) -> None:
        deleter = _deleter(request)
        for post in queryset.filter(deleted_at__isnull=True).select_related("author"):
            actions.do_delete_post(post, deleted_by=deleter)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    """Read only: a tag is made by the posts that name it, and the ledger's credit per tag
    points at it, so renaming or deleting one here would rewrite history."""

    search_fields = ["name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Tag | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Tag | None = None) -> bool:
        return False
