"""``agora demo``: seed the demo company once and print how to sign in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from agora.demo.company import DEMO_PASSWORD, seed_demo
from agora.demo.content import COMPANY


class Command(BaseCommand):
    """Create the demo company (only the talks' missing recordings when it exists) and
    print the persona logins."""

    help = (
        f'Create the demo company "{COMPANY}" with months of people, spaces, posts, questions '
        "and reactions, unless it is already there (then add the Tech Talks recordings it "
        "lacks, once ffmpeg is installed), and print the demo logins."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = seed_demo(self.stdout)
        if result.created:
            self.stdout.write(
                f'Demo company "{COMPANY}" is ready ({result.people} people, '
                f"{result.spaces} spaces, {result.posts} posts).",
                self.style.SUCCESS,
            )
        else:
            self.stdout.write("Demo company already present.")
        talks = result.recordings
        if talks.added:
            self.stdout.write(
                f"Added the recordings of {talks.added} Tech Talks (ready once the worker "
                "that `agora serve` runs has processed them).",
                self.style.SUCCESS,
            )
        if talks.missing:
            self.stdout.write(
                f"{talks.missing} Tech Talks have no recording: ffmpeg is not installed. "
                "Install it (apt-get install ffmpeg) and run `agora demo` again to add them.",
                self.style.WARNING,
            )
        self.stdout.write(f"Sign in with password {DEMO_PASSWORD} as:")
        for persona, email in result.logins:
            self.stdout.write(f"  {persona:<15}{email}")
