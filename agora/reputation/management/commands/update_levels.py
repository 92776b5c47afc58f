"""``agora update_levels``: promote, demote and start grace periods, for everyone."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from agora.reputation import actions


class Command(BaseCommand):
    """Evaluate every active person's level as of now (the worker also does it daily)."""

    help = (
        "Evaluate every active person's level now (promotions, grace periods, demotions). "
        "`agora serve` and `agora worker` already run this once a day."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = actions.evaluate_everyone()
        self.stdout.write(
            f"Levels evaluated for {outcome.get('people', 0)} people: "
            f"{outcome.get('promoted', 0)} promoted, {outcome.get('demoted', 0)} demoted, "
            f"{outcome.get('in a grace period', 0)} in a grace period.",
            self.style.SUCCESS,
        )
