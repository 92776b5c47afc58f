"""Picks the benchmark's user and URLs from a seeded database, and counts queries.

Run by bench/run.py as ``python -m bench.prepare OUT_DIR`` with ``AGORA_DATA_DIR`` set
to the dataset; writes ``plan.json`` and one request list per endpoint into OUT_DIR.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "agora.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from agora.people.models import User  # noqa: E402
from agora.posts.models import Post, PostKind  # noqa: E402
from agora.qa.models import Question  # noqa: E402
from agora.reputation.queries import tag_choices  # noqa: E402
from agora.spaces.models import Space  # noqa: E402
from agora.spaces.visibility import visible_through  # noqa: E402

SEARCH_WORDS = ["release", "customer", "pricing", "kubernetes", "onboarding", "security",
                "roadmap", "feedback", "incident", "demo", "budget", "launch"]  # fmt: skip
MAX_ROTATION = 200


def bench_user() -> User:
    """A typical active member: the median number of memberships among people with some."""
    people = list(
        User.objects.filter(is_active=True)
        .annotate(spaces=Count("memberships"))
        .filter(spaces__gte=2)
        .order_by("spaces", "pk")[:2000]
    )
    if not people:
        raise SystemExit("The dataset has nobody who belongs to two spaces.")
    return people[len(people) // 2]


def endpoints(user: User, rng: random.Random) -> dict[str, list[tuple[str, str, str]]]:
    """For each endpoint, the requests wrk cycles through: (method, path, form body)."""
    readable = list(Space.objects.readable_by(user).order_by("-post_count")[:MAX_ROTATION])
    visible = Post.objects.visible_to(user)
    plain = visible.filter(kind=PostKind.POST)  # questions have their own endpoint
    ten = list(plain.filter(comment_count=10).order_by("-pk")[:MAX_ROTATION])
    if len(ten) < 10:
        ten = list(plain.filter(comment_count__gte=5).order_by("-comment_count")[:MAX_ROTATION])
    # Questions with a few answers and comments under them, newest first.
    discussed = Question.objects.filter(visible_through(user), post__comment_count__gte=1)
    asked = list(discussed.filter(answer_count__gte=2).order_by("-pk")[:MAX_ROTATION])
    if len(asked) < 10:
        asked = list(discussed.filter(answer_count__gte=1).order_by("-pk")[:MAX_ROTATION])
    common_tag = tag_choices(user, limit=1)
    recent = list(visible.order_by("-created_at")[:MAX_ROTATION])
    authors = list(
        User.objects.filter(is_active=True, posts__isnull=False).distinct()[:MAX_ROTATION]
    )
    mine = list(Space.objects.filter(memberships__user=user)[:20])
    others = list(User.objects.filter(is_active=True).exclude(pk=user.pk)[:50])
    creations = []
    for i in range(MAX_ROTATION):
        mention = rng.choice(others).handle
        space = rng.choice(mine).slug if i % 3 else ""
        body = f"Benchmark note {i}: status update for @{mention} #bench #weekly"
        creations.append(("POST", "/posts/create/", urlencode({"body": body, "space": space})))
    toggles = []
    for post in recent:
        for on in ("1", "0"):
            form = urlencode({"kind": "thumbs_up", "on": on})
            toggles.append(("POST", f"/posts/{post.pk}/reactions/", form))
    return {
        "home feed": [("GET", "/", "")],
        "space feed": [("GET", s.get_absolute_url(), "") for s in readable],
        "post page (10 comments)": [("GET", p.get_absolute_url(), "") for p in ten],
        "question page": [("GET", q.get_absolute_url(), "") for q in asked],
        "leaderboard": [
            ("GET", "/leaderboard/", ""),
            ("GET", "/leaderboard/?period=week", ""),
            ("GET", "/leaderboard/?period=all", ""),
            *[("GET", "/leaderboard/?" + urlencode({"tag": t}), "") for t in common_tag],
        ],
        "search": [("GET", "/search/?" + urlencode({"q": w}), "") for w in SEARCH_WORDS],
        "profile": [("GET", a.get_absolute_url(), "") for a in authors],
        "post creation": creations,
        "reaction toggle": toggles,
    }


def count_queries(client: Client, method: str, path: str, body: str) -> int:
    if method == "POST":
        kwargs: dict[str, Any] = {
            "HTTP_HX_REQUEST": "true",
            "content_type": "application/x-www-form-urlencoded",
        }
        client.post(path, body, **kwargs)
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(path, body, **kwargs)
    else:
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
    if response.status_code >= 400:
        raise SystemExit(f"{method} {path} answered {response.status_code} before the run.")
    return len(ctx.captured_queries)


def main(out: Path) -> None:
    setup_test_environment()
    rng = random.Random(7)
    user = bench_user()
    client = Client()
    client.force_login(user)
    csrf = _get_new_csrf_string()
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    plan: dict[str, Any] = {
        "user": {"handle": user.handle, "spaces": user.memberships.count()},
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}",
        "csrf": csrf,
        "posts": Post.objects.count(),
        "endpoints": {},
    }
    for name, requests in endpoints(user, rng).items():
        if not requests:
            raise SystemExit(f"The dataset has nothing to request for {name}.")
        path = out / (name.replace(" ", "-").replace("(", "").replace(")", "") + ".tsv")
        path.write_text("".join(f"{m}\t{p}\t{b}\n" for m, p, b in requests))
        plan["endpoints"][name] = {
            "requests_file": str(path),
            "variants": len(requests),
            "queries": count_queries(client, *requests[0]),
        }
    (out / "plan.json").write_text(json.dumps(plan, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
