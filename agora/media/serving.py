"""Serving stored files to the people allowed to see them: safe headers, and HTTP range
requests so that seeking in a video works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Types a browser may show in place: re-encoded images, probed videos, captions. Anything
# else is a download.
INLINE = {
    "image/jpeg", "image/png", "image/gif", "image/webp",
    "video/mp4", "video/webm", "video/quicktime", "text/vtt",
}  # fmt: skip


def _limited(handle: IO[bytes], length: int) -> Iterator[bytes]:
    try:
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


def serve_stored(
    request: HttpRequest,
    name: str,
    content_type: str,
    download_name: str,
    *,
    inline: bool = True,
) -> HttpResponse | StreamingHttpResponse:
    """The stored file ``name``, whole or the byte range asked for, with safe headers.

    It is shown in the browser only when the caller allows it (``inline``) and its type
    is one Agora produced itself (``INLINE``); anything else is a download.
    """
    if not name:
        raise Http404("No file")
    try:
        size = default_storage.size(name)
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing") from None
    inline = inline and content_type.split(";")[0].strip() in INLINE
    response: HttpResponse | StreamingHttpResponse
    wanted = _RANGE.match(request.headers.get("Range", "").strip())
    if wanted and (wanted.group(1) or wanted.group(2)):
        first, last = wanted.groups()
        if first:
            start, end = int(first), int(last) if last else size - 1
        else:  # "bytes=-500": the last 500 bytes
            start, end = max(0, size - int(last)), size - 1
        end = min(end, size - 1)
        if start > end or start >= size:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return _secure(response, inline=False, download_name=download_name)
        handle.seek(start)
        response = StreamingHttpResponse(
            _limited(handle, end - start + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    return _secure(response, inline=inline, download_name=download_name)


def _secure(
    response: HttpResponse | StreamingHttpResponse, *, inline: bool, download_name: str
) -> HttpResponse | StreamingHttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; media-src 'self'; sandbox"
    response["Content-Disposition"] = content_disposition_header(not inline, download_name) or ""
    response["Cache-Control"] = "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
