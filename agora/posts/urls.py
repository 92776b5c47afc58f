from django.urls import path

from agora.posts.views import comments, detail, feed, files, reactions

app_name = "posts"
urlpatterns = [
    path("posts/new/", feed.compose, name="compose"),
    path("posts/create/", feed.create, name="create"),
    path("posts/<id:post_id>/", detail.detail, name="detail"),
    path("posts/<id:post_id>/edit/", detail.edit, name="edit"),
    path("posts/<id:post_id>/history/", detail.history, name="history"),
    path("posts/<id:post_id>/delete/", detail.delete, name="delete"),
    path("posts/<id:post_id>/pin/", detail.pin, name="pin"),
    path("posts/<id:post_id>/comments/", comments.comments, name="comments"),
    path("posts/<id:post_id>/reactions/", reactions.react_to_post, name="react"),
    path("comments/<id:comment_id>/", comments.comment, name="comment"),
    path("comments/<id:comment_id>/delete/", comments.delete_comment, name="delete_comment"),
    path("comments/<id:comment_id>/reactions/", reactions.react_to_comment, name="react_comment"),
    path("files/<id:attachment_id>/", files.attachment, name="attachment"),
    path(
        "files/<id:attachment_id>/preview/",
        files.attachment,
        {"variant": files.PREVIEW},
        name="attachment_preview",
    ),
    path(
        "files/<id:attachment_id>/poster/",
        files.attachment,
        {"variant": files.POSTER},
        name="attachment_poster",
    ),
    path(
        "files/<id:attachment_id>/captions/",
        files.attachment,
        {"variant": files.CAPTIONS},
        name="attachment_captions",
    ),
    path("tags/<slug:name>/", feed.tag, name="tag"),
    # A space's page is its feed, so it is drawn here (the spaces app has no page there).
    path("spaces/<slug:slug>/", feed.space, name="space"),
]
