"""What the per-URL visibility test sends and what it expects of each answer
(``agora/core/tests/test_visibility_by_url.py``; the world is ``agora.testing.secret``).

A ``Check`` is one request to one URL pattern, about one space's content, with an
``Expect`` for each of the five viewers. The three shapes nearly every row takes:

- ``SIGN_IN``: anonymous visitors are sent to sign in, wherever they were going;
- ``HIDDEN``: 404, with the very body a missing id or slug gets (once the path and the
  slugs the request carried are taken out), and none of the secret texts;
- ``clean()``: the page answers as usual, and none of the secret texts is on it.

Each request runs in a savepoint that is rolled back, with the viewer's cookies as they
were after signing in, so every request sees the same world whatever came before it
(a deleted post, a left space, a flash message).
"""

from __future__ import annotations

import copy
import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from django.db import transaction
from django.http import HttpResponseBase
from django.test import Client

from agora.testing.pages import without_csrf
from agora.testing.secret import Targets


@dataclass(frozen=True)
class Expect:
    """What one viewer must get: ``status``; with ``like_missing``, the same status,
    redirect and body as for ids and slugs that exist nowhere; with ``clean``, none of the
    secret texts; ``shows``, texts that must be there (proof that a reader sees the
    content, so that a clean answer to the others means something); ``to``, where a
    redirect leads (the start of its address)."""

    status: int
    like_missing: bool = False
    clean: bool = False
    shows: tuple[str, ...] = ()
    to: str | None = None


SIGN_IN_URL = "/accounts/login/?next="
ADMIN_SIGN_IN_URL = "/admin/login/?next="

SIGN_IN = Expect(302, like_missing=True, clean=True, to=SIGN_IN_URL)
HIDDEN = Expect(404, like_missing=True, clean=True)
# The administration, to anyone who is not staff (none of the five viewers is).
ADMIN_ONLY = Expect(302, like_missing=True, clean=True, to=ADMIN_SIGN_IN_URL)


def clean(status: int = 200, *, to: str | None = None) -> Expect:
    """A usual answer with nothing secret in it."""
    return Expect(status, clean=True, to=to)


def like_missing(status: int = 200) -> Expect:
    """The answer a missing slug or tag gets (a page that echoes what was asked)."""
    return Expect(status, like_missing=True, clean=True)


def sees(*texts: str, status: int = 200, to: str | None = None) -> Expect:
    """A reader's answer; ``texts`` must be on the page."""
    return Expect(status, shows=texts, to=to)


Expectations = Mapping[str, Expect]


def about(member: Expect, space_moderator: Expect | None = None) -> dict[str, Expect]:
    """A URL naming something in the space: 404 like a missing one to the outsider and to
    the site moderator (who is not a member: moderation never widens visibility)."""
    return {
        "anonymous": SIGN_IN,
        "outsider": HIDDEN,
        "member": member,
        "space_moderator": space_moderator or member,
        "site_moderator": HIDDEN,
    }


def anywhere(
    member: Expect | None = None,
    space_moderator: Expect | None = None,
    *,
    status: int = 200,
    to: str | None = None,
) -> dict[str, Expect]:
    """A page about no one space (home, directories, search): it answers everyone signed
    in, and only readers find the space's content on it."""
    reader = member or Expect(status, to=to)
    return {
        "anonymous": SIGN_IN,
        "outsider": clean(status, to=to),
        "member": reader,
        "space_moderator": space_moderator or reader,
        "site_moderator": clean(status, to=to),
    }


def echoing(member: Expect | None = None) -> dict[str, Expect]:
    """A page that echoes the slug or tag it was asked about (a form's preselected space,
    a list filtered by tag): to non-readers, exactly what an unknown one gets."""
    return anywhere(member) | {"outsider": like_missing(), "site_moderator": like_missing()}


def everyone(
    status: int, *, anonymous: int | None = None, to: str | None = None
) -> dict[str, Expect]:
    """A page that is the same for everyone (accounts, the administration's doors)."""
    first = clean(anonymous if anonymous is not None else status, to=to)
    return {"anonymous": first} | {
        v: clean(status, to=to) for v in ("outsider", "member", "space_moderator", "site_moderator")
    }


Args = Callable[[Targets], dict[str, Any]]


def no_args(targets: Targets) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Check:
    """One request to one URL pattern and what each viewer must get.

    ``args`` fill the route (and ``query`` its query string, ``data`` a POST's form) from
    the targets of ``on`` (``"secret"``, ``"private"`` or ``"open"``; ``missing`` is
    filled the same way for ``like_missing``). ``htmx`` sends it as htmx does;
    ``follow`` follows redirects (what a flash message says shows on the next page);
    ``reveals`` adds secret texts for this page (a badge's name, a person on a board).
    """

    expect: Expectations
    args: Args = no_args
    method: str = "GET"
    query: Args = no_args
    data: Args = no_args
    htmx: bool = False
    follow: bool = False
    on: str = "secret"
    reveals: tuple[str, ...] = ()


@dataclass
class Reply:
    """An answer, with the path it was asked at and the texts the request carried."""

    path: str
    status: int
    location: str
    body: str
    carried: list[str] = field(default_factory=list)

    def normalised(self) -> tuple[int, str, str]:
        """Status, redirect and body with the path and the carried slugs taken out."""
        return self.status, _strip(self.location, self), _strip(self.body, self)


def _strip(text: str, reply: Reply) -> str:
    forms = {reply.path, quote(reply.path, safe=""), quote(reply.path), html.escape(reply.path)}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "<path>")
    for value in reply.carried:
        text = text.replace(value, "<value>")
    return text


class Viewer:
    """A test client for one viewer whose every request is undone afterwards."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.cookies = copy.deepcopy(client.cookies)

    def ask(self, check: Check, path: str, targets: Targets) -> Reply:
        query = {k: str(v) for k, v in check.query(targets).items()}
        data = {k: str(v) for k, v in check.data(targets).items()}
        url = f"{path}?{urlencode(query)}" if query else path
        headers = {"HX-Request": "true"} if check.htmx else {}
        self.client.cookies = copy.deepcopy(self.cookies)
        with transaction.atomic():
            if check.method == "GET":
                response = self.client.get(url, headers=headers, follow=check.follow)
            else:
                response = self.client.post(url, data, headers=headers, follow=check.follow)
            body = _content(response)
            transaction.set_rollback(True)
        status, location = response.status_code, response.get("Location", "")
        if check.follow and response.redirect_chain:
            # The first answer, and the body of the page it led to.
            location, status = response.redirect_chain[0]
        sent = [url, *data.values()]
        return Reply(
            path=url,
            status=status,
            location=location,
            body=body,
            carried=[t for t in targets.texts() if any(t in s for s in sent)],
        )


def _content(response: HttpResponseBase) -> str:
    raw = (
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if response.streaming
        else response.content  # type: ignore[attr-defined]
    )
    return without_csrf(raw).decode("utf-8", "replace")


def problems(
    expect: Expect, reply: Reply, missing: Reply | None, secrets: Iterable[str]
) -> list[str]:
    """What is wrong with ``reply`` (empty when it is what ``expect`` says)."""
    found = []
    if reply.status != expect.status:
        found.append(f"answered {reply.status}, not {expect.status}")
    if expect.to is not None and not reply.location.startswith(expect.to):
        found.append(f"went to {reply.location or 'nowhere'}, not {expect.to}…")
    if expect.clean:
        body = _strip(reply.body, reply)
        location = _strip(reply.location, reply)
        leaked = [s for s in secrets if s in body or s in location]
        if leaked:
            found.append(f"shows {leaked}")
    for text in expect.shows:
        if text not in reply.body:
            found.append(f"does not show {text!r}")
    if expect.like_missing and missing is not None and reply.normalised() != missing.normalised():
        found.append(
            f"differs from the answer for a missing one ({missing.status} at {missing.path})"
        )
    return found
