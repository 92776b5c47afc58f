"""``agora demo``: seed the demo company once and print how to sign in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from agora.demo.company import DEMO_PASSWORD, seed_demo
from agora.demo.content import COMPANY


class Command(BaseCommand):
    """Create the demo company (a no-op when it exists) and print the persona logins."""

    help = (
        f'Create the demo company "{COMPANY}" with people, spaces, posts and reactions, '
        "unless it is already there, and print the demo logins."
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
        self.stdout.write(f"Sign in with password {DEMO_PASSWORD} as:")
        for persona, email in result.logins:
            self.stdout.write(f"  {persona:<15}{email}")
