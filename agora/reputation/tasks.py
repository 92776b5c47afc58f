"""Background work for reputation, run by the worker."""

from __future__ import annotations

from django_tasks import task

from agora.reputation import actions


@task()
def update_levels() -> dict[str, int]:
    """Daily: evaluate everyone's level (see ``actions.evaluate_everyone``)."""
    return actions.evaluate_everyone()
