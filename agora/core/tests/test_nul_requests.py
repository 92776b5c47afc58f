"""NUL characters in what a request carries: every page answers 400 with the reason, never
a 500 (PostgreSQL refuses NUL in text with ``DataError``), and nothing is written.

The URL map is walked with Django's resolver, so a page added without a line in ``PAGES``
fails here until someone says which text it reads. Runs on SQLite and, in the PostgreSQL
tier, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils.http import int_to_base36

from agora.core.nul import NUL_MESSAGE
from agora.media.models import Attachment
from agora.notifications.mail import unsubscribe_token
from agora.notifications.models import Notification, NotificationKind
from agora.people import actions as people
from agora.people.models import User
from agora.posts import actions as posts
from agora.posts.models import Comment, Post
from agora.qa import actions as qa
from agora.qa.models import Answer, Question
from agora.spaces import actions as spaces
from agora.spaces.models import JoinRequest
from agora.testing.database import changes, snapshot
from agora.testing.events import deliver
from agora.testing.personas import PASSWORD, Cast
from agora.testing.urlmap import (
    CATCH_ALL,
    Route,
    admin_model_route,
    all_routes,
    check_resolves,
    some_pk,
)

pytestmark = pytest.mark.django_db

NUL = "with\x00nul"
# Sent to a view that reads no text at all: any parameter with NUL is refused the same way.
STRAY = "ref"


@dataclass
class World:
    """Real rows for every kind of id and slug the URL map takes."""

    cast: Cast
    admin: User
    question: Question
    answer: Answer
    comment: Comment
    attachment: Attachment
    join_request: JoinRequest
    invitation_token: str
    notification: Notification


@pytest.fixture
def world(cast: Cast) -> World:
    admin_user = people.create_user(
        "alex.admin@example.com",
        display_name="Alex Admin",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
    question = qa.check_ask(
        cast.engineer,
        space=cast.open_space,
        title="How do I rotate the staging database password?",
        body="The runbook link is broken.",
        tags="vault",
    )
    answer = qa.check_answer(cast.salesperson, question.pk, "Use the vault CLI.")
    comment = posts.check_add_comment(cast.salesperson, cast.open_post.pk, "Nice news!")
    spaces.do_join(cast.outsider, cast.private_space, message="May I?")
    attachment = cast.open_post.files.first()
    assert attachment is not None
    return World(
        cast=cast,
        admin=admin_user,
        question=question,
        answer=answer,
        comment=comment,
        attachment=attachment,
        join_request=JoinRequest.objects.get(user=cast.outsider),
        invitation_token=people.do_invite(admin_user, "nina@example.com").invitation.token,
        notification=_answered(cast.engineer),
    )


def _answered(user: User) -> Notification:
    deliver()
    return Notification.objects.get(user=user, kind=NotificationKind.NEW_ANSWER)


Args = Callable[[World], dict[str, Any]]


def no_args(world: World) -> dict[str, Any]:
    return {}


def post_id(world: World) -> dict[str, Any]:
    return {"post_id": world.cast.open_post.pk}


def question_id(world: World) -> dict[str, Any]:
    return {"post_id": world.question.pk}


def answer_id(world: World) -> dict[str, Any]:
    return {"answer_id": world.answer.pk}


def comment_id(world: World) -> dict[str, Any]:
    return {"comment_id": world.comment.pk}


def attachment_id(world: World) -> dict[str, Any]:
    return {"attachment_id": world.attachment.pk}


def handle(world: World) -> dict[str, Any]:
    return {"handle": world.cast.salesperson.handle}


def slug(world: World) -> dict[str, Any]:
    return {"slug": world.cast.open_space.slug}


def member(world: World) -> dict[str, Any]:
    return {"slug": world.cast.open_space.slug, "user_id": world.cast.salesperson.pk}


@dataclass(frozen=True)
class Page:
    """How to request one URL pattern, and the text its view reads.

    ``get``: the query parameters (None: the view answers GET with 405 anyway);
    ``post``: the form fields of a view that takes POST (None: it does not);
    ``path_text``: ``str`` arguments of the route, which can hold NUL too.
    """

    args: Args = no_args
    get: tuple[str, ...] | None = ()
    post: tuple[str, ...] | None = None
    path_text: tuple[str, ...] = ()
    who: str = "engineer"


def action(*fields: str, args: Args = no_args, **options: Any) -> Page:
    """A view that only takes a form POST."""
    return Page(args=args, get=None, post=fields, **options)


REACT = ("set", "kind", "on", "next")
SPACE_FORM = ("name", "description", "kind", "visibility", "posting")

PAGES: dict[str, Page] = {
    "home": Page(get=("tab", "before")),
    "healthz": Page(who="anonymous"),
    "manifest": Page(who="anonymous"),
    "service_worker": Page(who="anonymous"),
    "offline": Page(who="anonymous"),
    "app_icon": Page(args=lambda w: {"kind": "any", "size": 192}, who="anonymous"),
    # allauth: the public pages as the signed-out visitors who use them.
    "account_login": Page(
        get=("next",), post=("login", "password", "remember", "next"), who="anonymous"
    ),
    "account_logout": Page(get=(), post=("next",)),
    "account_inactive": Page(who="anonymous"),
    "account_signup": Page(
        get=("next",),
        post=("email", "password1", "password2", "display_name", "next"),
        who="anonymous",
    ),
    "account_reauthenticate": Page(get=("next",), post=("password", "next")),
    "account_request_reauthentication_code": Page(post=("next",)),
    "account_confirm_reauthentication_code": Page(post=("code", "next")),
    "account_email": Page(post=("email", "action_add", "action_primary", "action_remove")),
    "account_email_verification_sent": Page(who="anonymous"),
    "account_change_password": Page(post=("oldpassword", "password1", "password2")),
    "account_set_password": Page(post=("password1", "password2")),
    "account_reset_password": Page(post=("email",), who="anonymous"),
    "account_confirm_login_code": Page(post=("code",), who="anonymous"),
    "account_confirm_email": Page(args=lambda w: {"key": "abc:def"}, post=(), who="anonymous"),
    "account_reset_password_from_key_done": Page(who="anonymous"),
    "account_reset_password_from_key": Page(
        args=lambda w: {"uidb36": int_to_base36(w.cast.engineer.pk), "key": "set-password"},
        post=("password1", "password2"),
        path_text=("key",),
        who="anonymous",
    ),
    "account_reset_password_done": Page(who="anonymous"),
    "accept_invitation": Page(
        args=lambda w: {"token": w.invitation_token},
        post=("display_name", "password", "password_again"),
        path_text=("token",),
        who="anonymous",
    ),
    # people
    "people:directory": Page(get=("q", "department", "location", "skill", "page")),
    "people:edit": Page(
        post=("display_name", "job_title", "department", "location", "skills", "bio")
    ),
    "people:invite": Page(post=("emails",), who="admin"),
    "people:suggest": Page(get=("person", "q")),
    "people:mentions": Page(get=("q",)),
    "reputation:profile": Page(args=handle, get=("before",)),
    "people:follow": action("on", args=handle),
    "people:avatar": Page(args=handle),
    # spaces
    "spaces:directory": Page(get=("kind", "q", "mine", "page")),
    "spaces:create": Page(post=SPACE_FORM),
    "posts:space": Page(args=slug, get=("before",)),
    "spaces:edit": Page(args=slug, post=SPACE_FORM),
    "spaces:join": action("message", args=lambda w: {"slug": w.cast.private_space.slug}),
    "spaces:leave": action(args=slug),
    "spaces:members": Page(args=slug),
    "spaces:add_member": action("person", "role", args=slug),
    "spaces:set_role": action("role", args=member),
    "spaces:remove": action(args=member),
    "spaces:decide_request": action(
        args=lambda w: {
            "slug": w.cast.private_space.slug,
            "request_id": w.join_request.pk,
            "decision": "approve",
        },
        path_text=("decision",),
    ),
    # search
    "search:search": Page(get=("q", "before")),
    "search:suggest": Page(get=("q",)),
    # questions and answers
    "qa:list": Page(get=("show", "tag", "space", "before")),
    "qa:ask": Page(get=("space",), post=("title", "body", "tags", "space", "alt_text")),
    "qa:question": Page(args=question_id),
    "qa:suggested": Page(),
    "qa:answer": action("body", args=question_id),
    "qa:shown_answer": Page(
        args=lambda w: {"post_id": w.question.pk, "answer_post_id": w.answer.pk}
    ),
    "qa:retag": action("tags", args=question_id),
    "qa:duplicate": action("original", args=question_id),
    "qa:accept": action("on", args=answer_id),
    "qa:official": action("on", args=answer_id),
    "qa:edit_answer": Page(args=answer_id, post=("body",)),
    "qa:delete_answer": action(args=answer_id),
    "qa:answer_comments": Page(args=answer_id, post=("body",)),
    # reputation
    "reputation:leaderboard": Page(get=("period", "space", "tag", "department")),
    "reputation:experts": Page(args=lambda w: {"tag": "vault"}, path_text=("tag",)),
    # notifications
    "notifications:list": Page(get=("kind", "show")),
    "notifications:open": Page(args=lambda w: {"pk": w.notification.pk}),
    "realtime:stream": Page(get=("last",)),
    "notifications:bell": Page(),
    "notifications:settings": Page(
        post=("frequency", "weekday", "hour", "time_zone", "kind_mention", "kind_reply")
    ),
    "notifications:unsubscribe": Page(
        args=lambda w: {"token": unsubscribe_token(w.cast.engineer, "mention")},
        post=(),
        path_text=("token",),
        who="anonymous",
    ),
    "notifications:mark_all_read": action(),
    # posts
    "posts:compose": Page(get=("space",)),
    "posts:create": action("body", "space", "alt_text", "alt_text_0", "next"),
    "posts:detail": Page(args=post_id),
    "posts:edit": Page(args=post_id, post=("title", "body")),
    "posts:history": Page(args=post_id),
    "posts:delete": action(args=post_id),
    "posts:pin": action("on", "next", args=post_id),
    "posts:comments": Page(args=post_id, post=("body", "parent", "alt_text", "next")),
    "posts:react": Page(args=post_id, get=(), post=REACT),
    "posts:comment": Page(args=lambda w: {"comment_id": w.comment.pk}),
    "posts:delete_comment": action(args=comment_id),
    "posts:react_comment": Page(args=comment_id, get=(), post=REACT),
    "posts:attachment": Page(args=attachment_id),
    "posts:attachment_preview": Page(args=attachment_id),
    "posts:attachment_poster": Page(args=attachment_id),
    "posts:attachment_captions": Page(args=attachment_id),
    "posts:tag": Page(args=lambda w: {"name": "opennews"}, get=("before",)),
    # Django's admin: its own pages; every registered model's pages are filled below.
    "admin:index": Page(who="admin"),
    "admin:login": Page(get=("next",), post=("username", "password", "next"), who="admin"),
    "admin:logout": Page(post=(), who="admin"),
    "admin:password_change": Page(
        post=("old_password", "new_password1", "new_password2"), who="admin"
    ),
    "admin:password_change_done": Page(who="admin"),
    "admin:autocomplete": Page(get=("term", "app_label", "model_name", "field_name"), who="admin"),
    "admin:jsi18n": Page(who="admin"),
    "admin:view_on_site": Page(
        args=lambda w: {
            "content_type_id": ContentType.objects.get_for_model(Post).pk,
            "object_id": w.cast.open_post.pk,
        },
        who="admin",
    ),
    "admin:app_list": Page(args=lambda w: {"app_label": "people"}, who="admin"),
    "admin:auth_user_password_change": Page(
        args=lambda w: {"id": w.admin.pk}, post=("password1", "password2"), who="admin"
    ),
}

# What each of the admin's per-model pages reads; POSTs send the model's text fields.
ADMIN_MODEL_PAGES = {
    "changelist": Page(
        get=("q", "o", "p"), post=("action", "_selected_action", "index"), who="admin"
    ),
    "add": Page(get=("_changelist_filters", "_popup"), post=(), who="admin"),
    "change": Page(get=("_changelist_filters", "_popup"), post=(), who="admin"),
    "delete": Page(get=("_changelist_filters",), post=("post",), who="admin"),
    "history": Page(who="admin"),
}


def text_fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
    )


@dataclass(frozen=True)
class Planned:
    """A request that must be refused; ``data`` is its query string (GET) or form (POST)."""

    route: str
    who: str
    method: str
    path: str
    data: dict[str, str]


def plan(route: Route, world: World) -> list[Planned] | None:
    """The requests that send NUL to ``route``, or None if this test cannot fill it."""
    model_page = _admin_model_page(route)
    if model_page is not None:
        page, path, model = model_page
        return _requests(
            route, page, path, post=text_fields(model) if page.post == () else page.post
        )
    if route.name is None or route.name not in PAGES:
        return None
    page = PAGES[route.name]
    kwargs = page.args(world)
    path = reverse(route.name, kwargs=kwargs)
    check_resolves(route, path)
    planned = _requests(route, page, path, post=page.post)
    for key in page.path_text:  # the same request, with NUL in the route's text instead
        bad_path = reverse(route.name, kwargs={**kwargs, key: NUL})
        method = "GET" if page.get is not None else "POST"
        planned.append(Planned(route.route, page.who, method, bad_path, {}))
    return planned


def _admin_model_page(route: Route) -> tuple[Page, str, type[models.Model]] | None:
    """Django's admin pages for one registered model, and the path that reaches it."""
    found = admin_model_route(route)
    if found is None:
        return None
    if found.view == "redirect":
        meta = found.model._meta
        path = f"/admin/{meta.app_label}/{meta.model_name}/{some_pk(found.model)}/"
        check_resolves(route, path)
        return Page(who="admin"), path, found.model
    if found.view not in ADMIN_MODEL_PAGES:
        return None
    assert route.name is not None
    kwargs = {"object_id": some_pk(found.model)} if found.takes_object else {}
    path = reverse(route.name, kwargs=kwargs)
    check_resolves(route, path)
    return ADMIN_MODEL_PAGES[found.view], path, found.model


def _requests(
    route: Route, page: Page, path: str, *, post: tuple[str, ...] | None
) -> list[Planned]:
    planned = []
    if page.get is not None:
        params = dict.fromkeys(page.get or (STRAY,), NUL)
        planned.append(Planned(route.route, page.who, "GET", path, params))
    if post is not None:
        data = dict.fromkeys(post or (STRAY,), NUL)
        planned.append(Planned(route.route, page.who, "POST", path, data))
    return planned


def test_it_knows_how_to_fill_every_url_pattern(world) -> None:
    routes = all_routes()
    unknown = [
        f"{r.route} ({r.name or 'unnamed'})"
        for r in routes
        if r.route != CATCH_ALL and plan(r, world) is None
    ]
    assert not unknown, (
        "These URL patterns are not in PAGES (agora/core/tests/test_nul_requests.py): add "
        "their arguments and the text their views read, so NUL is sent to them too: "
        + ", ".join(unknown)
    )
    named = {r.name for r in routes}
    stale = sorted(set(PAGES) - named)
    assert not stale, f"PAGES names URL patterns that no longer exist: {stale}"


def test_it_refuses_nul_in_every_text_parameter_of_every_page_and_writes_nothing(
    world, client_for
) -> None:
    clients = {
        "engineer": client_for("engineer"),
        "admin": client_for(world.admin),
        "anonymous": Client(),
    }
    planned = [p for r in all_routes() if r.route != CATCH_ALL for p in plan(r, world) or []]
    planned.append(Planned(CATCH_ALL, "admin", "GET", "/admin/nowhere/", {STRAY: NUL}))
    # Signing out last: should one be let through, it must not sign out the requests after.
    planned.sort(key=lambda p: "logout" in p.path)
    before = snapshot()
    wrong = []
    for request in planned:
        client = clients[request.who]
        if request.method == "GET":
            response = client.get(request.path, request.data)
        else:
            response = client.post(request.path, request.data)
        if response.status_code != 400 or NUL_MESSAGE not in response.content.decode():
            wrong.append(f"{request.method} {request.path} {request.data}: {response.status_code}")
        elif request.method == "POST" and (changed := changes(before, snapshot())):
            wrong.append(f"POST {request.path} wrote to {changed}")
    assert not wrong, "\n".join(wrong)
    assert not changes(before, snapshot())
    # Every route, every persona: nothing was skipped by accident.
    assert {p.route for p in planned} == {r.route for r in all_routes()}
    assert {p.who for p in planned} == set(clients)


def test_it_answers_htmx_with_a_toast_and_no_swap(client_for) -> None:
    response = client_for("engineer").get(
        reverse("search:suggest"), {"q": NUL}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert response["HX-Reswap"] == "none"
    assert NUL_MESSAGE in response["HX-Trigger"]


def test_it_treats_a_session_cookie_with_nul_as_signed_out(cast) -> None:
    # A quoted cookie value may spell NUL as \000; PostgreSQL would refuse the lookup.
    client = Client(headers={"Cookie": 'sessionid="abcdefgh\\000ijkl"'})
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_cleans_nul_out_of_an_uploaded_file_name(cast, client_for) -> None:
    upload = SimpleUploadedFile("min\x00utes.txt", b"Decisions: none.\n", content_type="text/plain")
    response = client_for("engineer").post(
        reverse("posts:create"), {"body": "Minutes of the meeting", "files": upload}
    )
    assert response.status_code == 302
    post = Post.objects.get(body="Minutes of the meeting")
    assert [a.original_name for a in post.files] == ["minutes.txt"]
