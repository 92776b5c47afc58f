"""``agora seed``: a deterministic company of any size, for benchmarks and load tests.

Unlike the demo (``agora.demo.company``), which goes through the real actions one row at a
time, this writes rows with ``bulk_create`` in batches, with primary keys it allocates
itself (after the current largest) so that every denormalised counter is computed in
memory before its row is written. Nothing else is bypassed: bodies are rendered by the
real Markdown pipeline, the mentions, tags and counters match what the actions would
have written, and the reputation ledger holds what the live rules would have granted.
Notifications (of mentions, answers, badges, levels) are not written: nobody was there
to read them.

The same options always give the same rows: every choice comes from one
``random.Random(seed)`` and every timestamp from the fixed ``ANCHOR``, never from the clock.
Seeding is additive: each seed names its people ``u{seed}-{n}`` (emails
``u{seed}-{n}@seed.example``) and its spaces ``s{seed}-{n}-...``, so several seeds (and the
demo) live side by side, and a seed that was already used is refused.

Activity is skewed like a real company's: people and spaces get Zipf weights, so a few
are very active and many are quiet; comments, answers and reactions mostly come from other
departments; posts, comments and answers in private and secret spaces come only from
members. About a tenth of the posts are questions, most of them answered, many with an
accepted answer (``seed.qa``); the thumbs-up and accepted answers earn reputation through
the reputation app's own rules, in bulk (``seed.ledger`` hands them to
``reputation.actions.record_many``), with totals, badges and levels that match the ledger.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NoReturn

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models import Max, Q
from tqdm import tqdm

from agora.core import policy
from agora.demo.seed.people import seed_people, seed_spaces
from agora.demo.seed.posts import PostWriter
from agora.demo.seed.rows import reset_sequences
from agora.demo.seed.text import EMAIL_DOMAIN, handle_for
from agora.people.models import User
from agora.posts.models import Comment, Post
from agora.reputation.models import ReputationEvent
from agora.spaces.models import Space

# Posts are spread over the two years before this moment (comments and reactions follow
# them, always before it), so the same seed gives the same rows on any day.
ANCHOR = datetime(2026, 11, 1, tzinfo=UTC)
PASSWORD = "agora-seed"  # noqa: S105 - the published, shared password of seeded accounts
MAX_SEED = 2**31 - 1


class SeedError(Exception):
    """The options are invalid, or the seed was already used in this database."""


@dataclass(frozen=True)
class SeedOptions:
    """How large a company to seed, and from which random seed."""

    users: int = 1000
    spaces: int = 20
    posts: int = 10_000
    comments_per_post: int = 9
    reactions: int = 200_000
    seed: int = 1

    def problems(self) -> list[str]:
        """What is wrong with these options, in words for the command line."""
        found = []
        for name in ("users", "spaces", "posts", "comments_per_post", "reactions", "seed"):
            if getattr(self, name) < 0:
                found.append(f"--{name.replace('_', '-')} cannot be negative.")
        if 0 <= self.users < 2:
            found.append("--users must be at least 2 (people comment on each other's posts).")
        if 0 <= self.spaces < 1:
            found.append("--spaces must be at least 1.")
        if self.seed > MAX_SEED:
            found.append(f"--seed must be at most {MAX_SEED}.")
        return found


@dataclass(frozen=True)
class SeedResult:
    """What one run created, and how to sign in as one of its people."""

    users: int
    follows: int
    spaces: int
    memberships: int
    posts: int
    comments: int
    reactions: int
    mentions: int
    tags: int
    questions: int
    answers: int
    accepted_answers: int
    reputation_events: int
    badges: int
    seconds: float
    password: str
    example_email: str


def check_unused(seed: int) -> None:
    """Refuse a seed whose people or spaces are already in the database."""
    prefix = f"u{seed}-"
    taken = (
        User.objects.filter(
            Q(handle__startswith=prefix)
            | Q(email__istartswith=prefix, email__iendswith=f"@{EMAIL_DOMAIN}")
        ).exists()
        or Space.objects.filter(slug__startswith=f"s{seed}-").exists()
    )
    if taken:
        raise SeedError(
            f"Seed {seed} was already used in this database (there are people "
            f"{prefix}… or spaces s{seed}-…). Seeding is additive: pass another --seed to "
            "add a second company population."
        )


def _next_id(model: type[models.Model]) -> int:
    largest: int | None = model._default_manager.aggregate(largest=Max("pk"))["largest"]
    return (largest or 0) + 1


def seed_company(options: SeedOptions, *, progress: bool = False) -> SeedResult:
    """Create the population ``options`` describe, streaming posts in chunks."""
    problems = options.problems()
    if problems:
        raise SeedError(" ".join(problems))
    check_unused(options.seed)
    started = time.monotonic()
    rng = random.Random(options.seed)
    # One hash for everyone (hashing per person would dominate the run), with a salt from
    # the seed so that the rows, hash included, are the same on every run.
    salt = f"agoraseed{options.seed}".ljust(24, "0")
    password_hash = make_password(PASSWORD, salt=salt)

    def bar(total: int, desc: str, unit: str) -> tqdm[NoReturn]:
        return tqdm(
            total=total, desc=desc, unit=unit, disable=not progress, file=sys.stderr, leave=True
        )

    with bar(options.users, "people", "person") as people_bar, transaction.atomic():
        people = seed_people(
            rng,
            seed=options.seed,
            count=options.users,
            first_id=_next_id(User),
            password_hash=password_hash,
            anchor=ANCHOR,
            advance=people_bar.update,
        )
        reset_sequences([User])
    with bar(options.spaces, "spaces", "space") as spaces_bar, transaction.atomic():
        spaces = seed_spaces(
            rng,
            people,
            seed=options.seed,
            count=options.spaces,
            first_id=_next_id(Space),
            anchor=ANCHOR,
            advance=spaces_bar.update,
        )
        reset_sequences([Space])
    writer = PostWriter(
        rng,
        people,
        spaces,
        posts=options.posts,
        comments_per_post=options.comments_per_post,
        reactions=options.reactions,
        first_post_id=_next_id(Post),
        first_comment_id=_next_id(Comment),
        # Answers are posts too: theirs come after the ids of the posts and questions.
        first_answer_id=_next_id(Post) + options.posts,
        first_event_id=_next_id(ReputationEvent),
        anchor=ANCHOR,
        knobs=policy.current(),
    )
    with bar(options.posts, "posts", "post") as posts_bar:
        writer.write(posts_bar.update)
    return SeedResult(
        users=options.users,
        follows=people.follows,
        spaces=len(spaces),
        memberships=sum(len(space.members) for space in spaces),
        posts=writer.rows.written["posts"],
        comments=writer.rows.written["comments"],
        reactions=writer.rows.written["reactions"],
        mentions=writer.rows.written["mentions"],
        tags=len(writer.rows.tag_ids),
        questions=writer.asking.written["questions"],
        answers=writer.asking.written["answers"],
        accepted_answers=writer.asking.written["accepted"],
        reputation_events=writer.ledger.written["events"],
        badges=writer.ledger.written["badges"],
        seconds=time.monotonic() - started,
        password=PASSWORD,
        example_email=f"{handle_for(options.seed, 1)}@{EMAIL_DOMAIN}",
    )
