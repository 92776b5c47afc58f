from django.contrib import admin

from agora.posts.models import Post, Tag


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    list_display = ["pk", "author", "space", "created_at", "deleted_at", "comment_count"]
    list_filter = ["space"]
    search_fields = ["body"]
    raw_id_fields = ["author", "space", "deleted_by"]
    readonly_fields = [
        "body_html",
        "comment_count",
        "thumbs_up_count",
        "celebrate_count",
        "insightful_count",
        "helpful_count",
    ]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    search_fields = ["name"]
