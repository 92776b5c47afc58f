"""NUL characters (U+0000) are refused wherever text comes in.

PostgreSQL cannot store text containing NUL, nor even compare with it: psycopg raises
``DataError``, which would be a 500 for a search box. SQLite stores it as sent, so the same
request would leave a different row on each database. Django's form ``CharField`` already
refuses NUL (``ProhibitNullCharactersValidator``); this module gives every other way in
the same answer:

- ``RefuseNulMiddleware`` answers 400 for a request whose path, query string or form
  fields (names and values; not uploaded files, whose names ``media.uploads.clean_name``
  cleans) contain NUL, before any view runs, so a new page is covered without thinking
  about it.
- ``refuse_nul`` lets an action refuse it too, so callers that are not requests (the
  demo seeder, commands, the API to come) can never write it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.deprecation import MiddlewareMixin

from agora.core.errors import ActionError
from agora.core.htmx import refuse

NUL = "\x00"
NUL_MESSAGE = "Text may not contain NUL characters."


def refuse_nul(*texts: str | None, field: str | None = None) -> None:
    """Raise the ``ActionError`` every NUL refusal uses if any of ``texts`` holds one."""
    if any(NUL in text for text in texts if text):
        raise ActionError(NUL_MESSAGE, field=field)


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class RefuseNulMiddleware(MiddlewareMixin):
    """400 "Text may not contain NUL characters." (a page, or for htmx a toast) for a
    request that carries NUL in its path, query string or form fields.

    It acts in ``process_view``, after the middleware before it: a signed-out visitor is
    still sent to the sign-in page and a forged form still fails its CSRF check, but no
    view runs with such text.
    """

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        # request.POST is parsed only for POST (the only method Agora's forms use) and
        # holds the form's text fields; uploaded files are in request.FILES.
        if (
            NUL in request.path_info
            or _has_nul(request.GET)
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            return refuse(request, ActionError(NUL_MESSAGE))
        return None
