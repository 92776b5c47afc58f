"""``agora recompute_reputation``: rebuild reputation totals from the ledger."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from agora.reputation.actions import recompute


class Command(BaseCommand):
    """Compare every person's and every tag's running total with the sum of the ledger,
    and correct those that differ (safe while Agora runs)."""

    help = (
        "Recompute reputation totals (per person and per tag) from the append-only ledger "
        "and print how many differed. With --check, change nothing and exit with status 1 "
        "if any total differs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="only report differences; exit with status 1 if there are any",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        check = bool(options["check"])
        changed = recompute(write=not check)
        noun = "total" if changed == 1 else "totals"
        if check:
            if changed:
                verb = "differs" if changed == 1 else "differ"
                raise CommandError(f"{changed} reputation {noun} {verb} from the ledger.")
            self.stdout.write("Reputation totals match the ledger.", self.style.SUCCESS)
            return
        if changed:
            self.stdout.write(f"{changed} reputation {noun} changed.", self.style.WARNING)
        else:
            self.stdout.write("0 reputation totals changed.", self.style.SUCCESS)
