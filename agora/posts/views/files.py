"""Serving attachments (the file, an image's preview, a video's poster and captions), only
to people who may read their post: 404 for everyone else, as for a file that does not
exist."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from agora.media.models import Attachment, AttachmentKind, AttachmentStatus
from agora.media.serving import serve_stored
from agora.people.models import User
from agora.spaces.visibility import visible_through

FILE, PREVIEW, POSTER, CAPTIONS = "file", "preview", "poster", "captions"
SERVED_FIELDS = ("kind", "status", "content_type", "original_name", FILE, PREVIEW, POSTER, CAPTIONS)


def _readable(request: HttpRequest, attachment_id: int) -> Attachment:
    user = request.user
    assert isinstance(user, User)
    item = (
        Attachment.objects.filter(
            # The post's visibility rule, and the comment (if any) must not be deleted.
            Q(link__comment__isnull=True) | Q(link__comment__deleted_at__isnull=True),
            visible_through(user, "link__post"),
            pk=attachment_id,
        )
        .only(*SERVED_FIELDS)
        .first()
    )
    if item is None:
        raise Http404("No such file")
    # A video is served once it has been cleaned; the upload itself never is.
    if item.kind == AttachmentKind.VIDEO and item.status != AttachmentStatus.READY:
        raise Http404("This video is not ready")
    return item


@require_safe
def attachment(
    request: HttpRequest, attachment_id: int, variant: str = FILE
) -> HttpResponse | StreamingHttpResponse:
    item = _readable(request, attachment_id)
    stem = (item.original_name or f"file-{item.pk}").rsplit(".", 1)[0]
    if variant == FILE:
        # Documents are always downloads; re-encoded images and cleaned videos may show.
        inline = item.kind != AttachmentKind.DOCUMENT
        name = item.original_name or f"file-{item.pk}"
        return serve_stored(request, item.file.name, item.content_type, name, inline=inline)
    if variant == PREVIEW and item.kind == AttachmentKind.IMAGE and item.preview:
        is_png = item.preview.name.endswith(".png")
        content_type = "image/png" if is_png else "image/jpeg"
        name = f"{stem}-preview.{'png' if is_png else 'jpg'}"
        return serve_stored(request, item.preview.name, content_type, name, inline=True)
    if variant == POSTER and item.kind == AttachmentKind.VIDEO and item.poster:
        return serve_stored(
            request, item.poster.name, "image/jpeg", f"{stem}-poster.jpg", inline=True
        )
    if variant == CAPTIONS and item.kind == AttachmentKind.VIDEO and item.captions:
        return serve_stored(
            request, item.captions.name, "text/vtt; charset=utf-8", f"{stem}.vtt", inline=True
        )
    raise Http404("No such file")
