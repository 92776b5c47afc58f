"""One visibility rule, proven per URL: every pattern of the URL map, asked by five viewers
about a secret space's content (anonymous, an outsider, a member, a space moderator, and a
site moderator who is not a member), answers as the rule says. A non-member gets exactly
what a missing id or slug gets, and no page shows them anything from the space.

``PAGES`` has a line for every pattern, found with Django's resolver: a pattern it does
not know fails ``test_it_knows_every_url_pattern``. The world is ``agora.testing.secret``;
the machinery (``Check``, ``Expect``, ``about``, ``anywhere``) is ``agora.testing.per_url``.
The live stream, the API and exports join this table as they arrive: a line per pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils.http import int_to_base36

from agora.people.models import User
from agora.posts.models import Post, Tag
from agora.spaces.models import JoinRequest, Space
from agora.testing.per_url import (
    ADMIN_ONLY,
    SIGN_IN,
    Args,
    Check,
    Expect,
    Expectations,
    Reply,
    Viewer,
    about,
    anywhere,
    echoing,
    everyone,
    no_args,
    problems,
    sees,
)
from agora.testing.secret import SECRET_TAG, VIEWERS, SecretWorld, Targets, make_secret_world
from agora.testing.urlmap import (
    CATCH_ALL,
    Route,
    admin_model_route,
    all_routes,
    check_resolves,
    some_pk,
)

pytestmark = pytest.mark.django_db

# What readers find on the pages about each thing (see agora/testing/secret.py).
POST = "Falcon launch moves"
QUESTION = "Which rocket vendor signs the Falcon contract?"
ANSWER = "Orbital Works signs on Thursday."
COMMENT = "Marketing needs the date"
OPEN_QUESTION = "Who signs off the Falcon budget?"
PRIVATE_POST = "The supplier sent the draft terms"


def post_id(t: Targets) -> dict[str, Any]:
    return {"post_id": t.post}


def question_id(t: Targets) -> dict[str, Any]:
    return {"post_id": t.question}


def answer_id(t: Targets) -> dict[str, Any]:
    return {"answer_id": t.answer}


def comment_id(t: Targets) -> dict[str, Any]:
    return {"comment_id": t.comment}


def attachment_id(t: Targets) -> dict[str, Any]:
    return {"attachment_id": t.attachment}


def slug(t: Targets) -> dict[str, Any]:
    return {"slug": t.space}


def member(t: Targets) -> dict[str, Any]:
    return {"slug": t.space, "user_id": t.member}


def in_space(t: Targets) -> dict[str, Any]:
    return {"space": t.space}


def tagged(t: Targets) -> dict[str, Any]:
    return {"tag": t.tag}


def form(**fields: Any) -> Args:
    return lambda t: fields


def get(expect: Expectations, args: Args = no_args, **options: Any) -> Check:
    return Check(expect=expect, args=args, **options)


def post(expect: Expectations, args: Args = no_args, **options: Any) -> Check:
    return Check(expect=expect, args=args, method="POST", **options)


# Someone else's notification, to a reader of its space: missing, around their own page.
THEIRS = Expect(404, like_missing=True)
DONE = Expect(302)  # a reader's action went through (effects are each action's own tests)
REFUSED = Expect(403)  # a reader who may not do this is told so
SPACE_FORM = form(
    name="Project Falcon",
    description="Where the Falcon launch is planned",
    kind="product",
    visibility="secret",
    posting="members",
)
REACT = form(set="thumbs_up:1")
# The account pages, which show nothing from any space to anyone.
SIGNED_OUT_ONLY = everyone(302, anonymous=200)
# The administration's own pages send everyone but staff to its sign-in page; its pages
# per model send anonymous visitors to Agora's.
STAFF_ONLY = dict.fromkeys(VIEWERS, ADMIN_ONLY)
STAFF_MODELS = STAFF_ONLY | {"anonymous": SIGN_IN}

PAGES: dict[str, tuple[Check, ...]] = {
    "home": (get(anywhere(sees(POST))),),
    "healthz": (get(everyone(200)),),
    # allauth
    "account_login": (get(SIGNED_OUT_ONLY),),
    "account_logout": (get(everyone(200, anonymous=302)),),
    "account_inactive": (get(everyone(200)),),
    "account_signup": (get(SIGNED_OUT_ONLY),),
    "account_reauthenticate": (get(everyone(200, anonymous=302)),),
    "account_request_reauthentication_code": (get(everyone(302)),),
    "account_confirm_reauthentication_code": (get(everyone(302)),),
    "account_email": (get(everyone(200, anonymous=302)),),
    "account_email_verification_sent": (get(everyone(200)),),
    "account_change_password": (get(everyone(200, anonymous=302)),),
    "account_set_password": (get(everyone(302)),),
    "account_reset_password": (get(everyone(200)),),
    "account_confirm_login_code": (get(everyone(302)),),
    "account_confirm_email": (get(everyone(200), lambda t: {"key": "abc:def"}),),
    "account_reset_password_from_key_done": (get(everyone(200)),),
    "account_reset_password_from_key": (
        get(everyone(200), lambda t: {"uidb36": int_to_base36(t.member), "key": "set-password"}),
    ),
    "account_reset_password_done": (get(everyone(200)),),
    # An invitation names no space; a used or unknown one is refused the same to all.
    # The installable app's files: the same for everyone, signed in or not.
    "manifest": (get(everyone(200)),),
    "service_worker": (get(everyone(200)),),
    "offline": (get(everyone(200)),),
    "app_icon": (get(everyone(200), lambda t: {"kind": "maskable", "size": 512}),),
    "accept_invitation": (get(everyone(404), lambda t: {"token": "no-such-invitation"}),),
    # people: a person's pages show nothing of the spaces they post in
    "people:directory": (get(anywhere()),),
    "people:edit": (get(anywhere()),),
    "people:invite": (get(anywhere(status=403)),),
    "people:suggest": (get(anywhere(), query=form(q="Mika")),),
    # People to @mention: names only, whoever asks (a person is known to everyone).
    "people:mentions": (get(anywhere(), query=form(q="Mik")),),
    "reputation:profile": (
        get(
            anywhere(sees("<strong>Curious</strong>", QUESTION)),
            lambda t: {"handle": t.person},
            reveals=("<strong>Curious</strong>",),
        ),
        get(
            anywhere(sees("<strong>Helper</strong>", f"#{SECRET_TAG}")),
            lambda t: {"handle": t.expert},
            reveals=("<strong>Helper</strong>",),
        ),
    ),
    # (Mika cannot follow herself.)
    "people:follow": (
        post(
            anywhere(status=302) | {"member": Expect(400)},
            lambda t: {"handle": t.person},
            data=form(on="1"),
        ),
    ),
    "people:avatar": (get(anywhere(), lambda t: {"handle": t.person}),),
    # spaces
    "spaces:directory": (get(anywhere(sees("Where the Falcon launch is planned"))),),
    "spaces:create": (get(anywhere()),),
    "posts:space": (
        get(about(sees(POST)), slug),
        get(about(sees(POST)), slug, htmx=True),  # "load more"
        get(anywhere(sees(PRIVATE_POST)), slug, on="private"),
        get(anywhere(sees("News from the open space")), slug, on="open"),
    ),
    "spaces:edit": (
        get(about(REFUSED, sees("Where the Falcon launch is planned")), slug),
        post(about(REFUSED, DONE), slug, data=SPACE_FORM),
    ),
    "spaces:join": (
        post(about(DONE), slug),
        post(anywhere(status=302), slug, on="private"),
        post(anywhere(status=302), slug, on="open"),
    ),
    "spaces:leave": (post(about(DONE), slug),),
    "spaces:members": (
        get(about(sees("Mika Member"), sees("Rita Requester")), slug),
        get(anywhere(sees("Mika Member"), status=403), slug, on="private"),
    ),
    "spaces:add_member": (
        post(about(REFUSED, DONE), slug, data=form(person="@olly-outsider", role="member")),
    ),
    "spaces:set_role": (post(about(REFUSED, DONE), member, data=form(role="moderator")),),
    "spaces:remove": (post(about(REFUSED, DONE), member),),
    "spaces:decide_request": (
        post(
            about(REFUSED, DONE),
            lambda t: {"slug": t.space, "request_id": t.request, "decision": "approve"},
        ),
    ),
    # search
    # (Search marks the words it found, so readers are shown the rest of the sentence.)
    "search:search": (
        get(
            anywhere(sees("moves to the first week", "rocket vendor signs")), query=form(q="falcon")
        ),
    ),
    "search:suggest": (get(anywhere(sees("Project Falcon")), query=form(q="falcon"), htmx=True),),
    # questions and answers
    "qa:list": (
        get(anywhere(sees(QUESTION)), query=form(show="all")),
        get(about(sees(OPEN_QUESTION)), query=in_space),
        get(echoing(sees(OPEN_QUESTION)), query=tagged),
    ),
    "qa:ask": (
        get(echoing(), query=in_space),
        post(
            about(DONE),
            data=lambda t: {
                "space": t.space,
                "title": "When is the Falcon review?",
                "body": "Asking.",
            },
        ),
    ),
    "qa:suggested": (get(anywhere(sees(OPEN_QUESTION))),),
    "qa:question": (
        get(about(sees(QUESTION, ANSWER)), question_id),
        get(about(sees(ANSWER)), question_id, htmx=True),  # the answers, redrawn
    ),
    "qa:answer": (post(about(DONE), question_id, data=form(body="Thursday at ten.")),),
    # One answer, for a live question page (htmx), or a link to it on that page.
    "qa:shown_answer": (
        get(
            about(sees(ANSWER)),
            lambda t: {"post_id": t.question, "answer_post_id": t.answer},
            htmx=True,
        ),
        get(
            about(sees(status=302, to="/questions/")),
            lambda t: {"post_id": t.question, "answer_post_id": t.answer},
        ),
    ),
    "qa:retag": (post(about(DONE, REFUSED), question_id, data=form(tags="wingspan, launch")),),
    "qa:duplicate": (post(about(REFUSED), question_id, data=form(original="")),),
    "qa:accept": (post(about(DONE), answer_id, data=form(on="1")),),
    "qa:official": (post(about(REFUSED), answer_id, data=form(on="1")),),
    "qa:edit_answer": (
        get(about(REFUSED, sees(ANSWER)), answer_id),
        post(about(REFUSED, DONE), answer_id, data=form(body="Orbital Works signs on Friday.")),
    ),
    "qa:delete_answer": (post(about(REFUSED, DONE), answer_id),),
    "qa:answer_comments": (
        get(about(DONE), answer_id),
        post(about(DONE), answer_id, data=form(body="Thanks, Sid.")),
    ),
    # reputation
    "reputation:leaderboard": (
        get(
            anywhere(sees("Sid Steward", f'<option value="{SECRET_TAG}"')),
            query=form(period="all"),
            reveals=("Sid Steward",),
        ),
        get(about(sees("Sid Steward")), query=tagged),
        get(about(sees("Sid Steward")), query=in_space),
    ),
    "reputation:experts": (get(about(sees("Sid Steward", QUESTION)), tagged),),
    # notifications: the outsider's from his time in Falcon stay hidden, and uncounted
    "notifications:list": (
        get(anywhere(sees(QUESTION), sees("Helper</strong>"))),
        get(anywhere(), query=form(kind="questions", show="unread")),
    ),
    # A notification opens for its person only, and only while they may read its post:
    # the outsider's from his time in Falcon is missing to him too.
    "notifications:open": (
        get(about(sees(status=302, to="/questions/"), THEIRS), lambda t: {"pk": t.notification}),
        get(about(THEIRS), lambda t: {"pk": t.former}),
    ),
    # The live stream: under the test client's WSGI handler it tells browsers to stop
    # asking (204); what it sends to whom is agora/realtime/tests/test_stream.py's.
    "notifications:bell": (get(anywhere()),),
    # The settings list the person's own spaces only (the outsider's has none of them).
    "notifications:settings": (get(anywhere()),),
    # An unsubscribe link names a person and a kind, never a space; a forged one is
    # refused the same to all.
    "notifications:unsubscribe": (get(everyone(404), lambda t: {"token": "not-a-token"}),),
    "realtime:stream": (get(everyone(204) | {"anonymous": SIGN_IN}),),
    "notifications:mark_all_read": (
        post(
            anywhere(sees("marked as read", status=302), status=302),
            follow=True,
            reveals=("marked as read",),
        ),
    ),
    # posts
    "posts:compose": (get(echoing(), query=in_space),),
    "posts:create": (
        post(about(DONE), data=lambda t: {"body": "Launch party on Friday", "space": t.space}),
    ),
    "posts:detail": (
        get(about(sees(POST, COMMENT)), post_id),
        get(about(sees(PRIVATE_POST)), post_id, on="private"),
    ),
    "posts:edit": (
        get(about(REFUSED), post_id),
        post(about(REFUSED), post_id, data=form(body="Falcon is cancelled")),
    ),
    "posts:history": (get(about(sees(POST)), post_id),),
    "posts:delete": (post(about(REFUSED, DONE), post_id),),
    "posts:pin": (post(about(REFUSED, DONE), post_id, data=form(on="1")),),
    "posts:comments": (
        get(about(sees(COMMENT)), post_id, htmx=True),
        post(about(DONE), post_id, data=form(body="See you there.")),
    ),
    "posts:react": (
        post(about(DONE), post_id, data=REACT),
        get(about(Expect(200)), post_id, htmx=True),  # the bar as it stands, for live pages
    ),
    # One comment, for live pages (htmx), or a link to it on its post's page.
    "posts:comment": (
        get(about(sees(COMMENT)), comment_id, htmx=True),
        get(about(sees(status=302, to="/posts/")), comment_id),
    ),
    "posts:delete_comment": (post(about(DONE), comment_id),),
    "posts:react_comment": (
        post(about(DONE), comment_id, data=REACT),
        get(about(Expect(200)), comment_id, htmx=True),
    ),
    "posts:attachment": (
        get(about(Expect(200)), attachment_id),
        get(about(Expect(200)), attachment_id, on="private"),
    ),
    "posts:attachment_preview": (get(about(Expect(200)), attachment_id),),
    # An image has no poster and no captions: readers get 404 too.
    "posts:attachment_poster": (get(about(Expect(404)), attachment_id),),
    "posts:attachment_captions": (get(about(Expect(404)), attachment_id),),
    "posts:tag": (
        get(about(sees(POST)), lambda t: {"name": t.tag}),
        get(about(sees(POST)), lambda t: {"name": t.tag}, htmx=True),
    ),
    # Django's administration is for staff; every registered model's pages are added below.
    "admin:index": (get(STAFF_ONLY),),
    "admin:login": (get(everyone(200)),),
    "admin:logout": (post(everyone(302)),),
    "admin:password_change": (get(STAFF_ONLY),),
    "admin:password_change_done": (get(STAFF_ONLY),),
    "admin:autocomplete": (get(STAFF_ONLY),),
    "admin:jsi18n": (get(STAFF_ONLY),),
    "admin:view_on_site": (
        get(
            STAFF_ONLY,
            lambda t: {
                "content_type_id": ContentType.objects.get_for_model(Post).pk,
                "object_id": t.post,
            },
        ),
    ),
    "admin:app_list": (get(STAFF_ONLY, lambda t: {"app_label": "posts"}),),
    "admin:auth_user_password_change": (get(STAFF_MODELS, lambda t: {"id": t.member}),),
}

# The admin's per-model pages name the secret space's rows where the model has one.
ADMIN_OBJECTS: dict[type[Any], Callable[[Targets], int]] = {
    Post: lambda t: t.post,
    Space: lambda t: t.space_id,
    JoinRequest: lambda t: t.request,
    User: lambda t: t.member,
    Tag: lambda t: t.tag_id,
}


def checks_for(route: Route) -> tuple[Check, ...] | None:
    """The lines of ``PAGES`` for ``route`` (made for the admin's per-model pages)."""
    if route.route == CATCH_ALL:
        return (get(STAFF_ONLY),)
    if admin_model_route(route) is not None:
        return (get(STAFF_MODELS),)
    return PAGES.get(route.name or "")


def path_for(route: Route, check: Check, targets: Targets) -> str:
    """The address of ``route`` filled from ``targets`` (checked to reach its view)."""
    if route.route == CATCH_ALL:
        return f"/admin/{targets.space}/"
    found = admin_model_route(route)
    if found is not None:
        meta = found.model._meta
        pk = ADMIN_OBJECTS[found.model](targets) if found.model in ADMIN_OBJECTS else None
        object_id = str(pk) if pk is not None else some_pk(found.model)
        if found.view == "redirect":
            path = f"/admin/{meta.app_label}/{meta.model_name}/{object_id}/"
        else:
            assert route.name is not None
            kwargs = {"object_id": object_id} if found.takes_object else {}
            path = reverse(route.name, kwargs=kwargs)
    else:
        assert route.name is not None
        path = reverse(route.name, kwargs=check.args(targets))
    check_resolves(route, path)
    return path


@pytest.fixture
def world(cast) -> SecretWorld:
    return make_secret_world(cast)


def test_it_knows_every_url_pattern() -> None:
    routes = all_routes()
    unknown = [f"{r.route} ({r.name or 'unnamed'})" for r in routes if checks_for(r) is None]
    assert not unknown, (
        "These URL patterns are not in PAGES (agora/core/tests/test_visibility_by_url.py): "
        "say what each of the five viewers gets from them about a secret space: "
        + ", ".join(unknown)
    )
    stale = sorted(set(PAGES) - {r.name for r in routes})
    assert not stale, f"PAGES names URL patterns that no longer exist: {stale}"
    incomplete = [
        name for name, checks in PAGES.items() for c in checks if set(c.expect) != set(VIEWERS)
    ]
    assert not incomplete, f"These lines do not say what every viewer gets: {incomplete}"


@pytest.mark.parametrize("viewer", VIEWERS)
def test_every_url_answers_as_the_rule_says(world, client_for, viewer) -> None:
    person = world.viewers[viewer]
    asker = Viewer(client_for(person) if person is not None else Client())
    wrong: list[str] = []
    for route in all_routes():
        for check in checks_for(route) or ():
            expect = check.expect[viewer]
            targets = getattr(world, check.on)
            reply = asker.ask(check, path_for(route, check, targets), targets)
            missing: Reply | None = None
            if expect.like_missing:
                missing = asker.ask(check, path_for(route, check, world.missing), world.missing)
            for problem in problems(expect, reply, missing, (*world.secrets, *check.reveals)):
                wrong.append(
                    f"{check.method} {reply.path} [{route.name or route.route}]: {problem}"
                )
    assert not wrong, f"What {viewer} gets is wrong:\n" + "\n".join(wrong)
