"""``agora update_levels``: promote, demote and start grace periods, for everyone."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand

from agora.people.models import User
from agora.reputation import levels
from agora.reputation.models import Standing


class Command(BaseCommand):
    """Evaluate every active person's level as of now. Schedule it once a day: actions
    evaluate the people they affect, but only this notices that someone has stopped
    contributing, so grace periods end and demotions happen on time."""

    help = (
        "Evaluate every active person's level now (promotions, grace periods, demotions). "
        "Run it once a day, for example from cron."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        before = dict(Standing.objects.values_list("user_id", "level"))
        outcome: Counter[str] = Counter()
        people = User.objects.filter(is_active=True).only("pk", "department_id").order_by("pk")
        for person in people.iterator(chunk_size=500):
            standing = levels.evaluate(person)
            was = before.get(person.pk, 0)
            if standing.level > was:
                outcome["promoted"] += 1
            elif standing.level < was:
                outcome["demoted"] += 1
            if standing.below_since is not None:
                outcome["in a grace period"] += 1
            outcome["people"] += 1
        self.stdout.write(
            f"Levels evaluated for {outcome['people']} people: {outcome['promoted']} promoted, "
            f"{outcome['demoted']} demoted, {outcome['in a grace period']} in a grace period.",
            self.style.SUCCESS,
        )
