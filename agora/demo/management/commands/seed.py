"""``agora seed``: bulk-generate a deterministic company for benchmarks and load tests."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from agora.demo.seed import SeedError, SeedOptions, seed_company

DEFAULTS = SeedOptions()


class Command(BaseCommand):
    """Seed a company population of the given size; refuse a seed that was already used."""

    help = (
        "Create a deterministic company (people, departments, skills, follows, spaces, "
        "memberships, posts, comments, reactions, mentions and tags; questions with answers "
        "and accepted answers; the reputation ledger they earn, with totals, levels and "
        "badges) with bulk inserts. "
        "The same options always give the same rows. Seeding is additive: a seed's people "
        "are u{seed}-{n}@seed.example and its spaces s{seed}-…, so it can run on top of the "
        "demo or of another seed; a seed already used in the database is refused (pick "
        "another --seed). Run it while nothing else writes to the database: it allocates "
        "primary keys itself. Every seeded person's password is printed at the end."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sizes = (
            ("--users", DEFAULTS.users, "people (at least 2)"),
            ("--spaces", DEFAULTS.spaces, "spaces (at least 1)"),
            (
                "--posts",
                DEFAULTS.posts,
                "posts, about 12%% of them company-wide and 10%% of them questions (0-4 "
                "answers each, an accepted one on about 60%% of those answered)",
            ),
            (
                "--comments-per-post",
                DEFAULTS.comments_per_post,
                "average comments per post (busy posts get more, quiet ones fewer; the "
                "total is exactly posts × this), about a fifth of them replies",
            ),
            (
                "--reactions",
                DEFAULTS.reactions,
                "reactions in total, on posts and answers (about 70%%) and comments; fewer "
                "only if the audiences are too small to hold them. Each thumbs-up on a post "
                "or answer earns reputation",
            ),
            ("--seed", DEFAULTS.seed, "random seed; also names the seeded people and spaces"),
        )
        for flag, default, about in sizes:
            parser.add_argument(
                flag, type=int, default=default, metavar="N", help=f"{about} (default {default})"
            )
        parser.add_argument("--quiet", action="store_true", help="no progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        seed_options = SeedOptions(
            users=options["users"],
            spaces=options["spaces"],
            posts=options["posts"],
            comments_per_post=options["comments_per_post"],
            reactions=options["reactions"],
            seed=options["seed"],
        )
        try:
            result = seed_company(seed_options, progress=not options["quiet"])
        except SeedError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Seeded {result.users:,} people ({result.follows:,} follows), "
            f"{result.spaces:,} spaces ({result.memberships:,} memberships), "
            f"{result.posts:,} posts, {result.comments:,} comments, "
            f"{result.reactions:,} reactions, {result.mentions:,} mentions and "
            f"{result.tags:,} tags; {result.questions:,} of the posts are questions, with "
            f"{result.answers:,} answers ({result.accepted_answers:,} accepted); "
            f"{result.reputation_events:,} reputation events and {result.badges:,} badges, "
            f"in {result.seconds:.1f} s.",
            self.style.SUCCESS,
        )
        if result.reactions < seed_options.reactions:
            self.stdout.write(
                f"Only {result.reactions:,} of {seed_options.reactions:,} reactions fit on "
                "the seeded posts and comments: a person reacts at most once of each kind "
                "to each, and only where they may read."
            )
        self.stdout.write(
            f"Every seeded person's password is {result.password} "
            f"(for example {result.example_email})."
        )
