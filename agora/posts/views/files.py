"""Serving attachment images, only to people who may read their post."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from agora.core.viewer import viewer_for
from agora.posts.models import Attachment, Post


def safe_file_response(name: str, content_type: str, download_name: str) -> FileResponse:
    """A stored file with headers that keep the browser from treating it as a page."""
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("The file is missing") from None
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Disposition"] = f'inline; filename="{download_name}"'
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_GET
def attachment(request: HttpRequest, attachment_id: int, variant: str = "full") -> FileResponse:
    viewer = viewer_for(request)
    item = (
        Attachment.objects.filter(pk=attachment_id, post__in=Post.objects.visible_to(viewer.user))
        .only("file", "preview", "content_type", "original_name")
        .first()
    )
    if item is None:
        raise Http404("No such file")
    if variant == "preview":
        content_type = "image/png" if item.preview.name.endswith(".png") else "image/jpeg"
        return safe_file_response(item.preview.name, content_type, f"preview-{item.pk}")
    ext = item.file.name.rsplit(".", 1)[-1]
    return safe_file_response(item.file.name, item.content_type, f"image-{item.pk}.{ext}")
