"""The notifications app's periodic work, run by the worker (``agora.core.schedule``)."""

from __future__ import annotations

from django_tasks import task

from agora.notifications import digest, mail


@task()
def send_due_email() -> int:
    """Every 5 minutes: send notification emails a crash or an unreachable mail server
    left due (the ``email`` consumer sends them at once otherwise)."""
    return mail.send_due()


@task()
def send_digests() -> int:
    """Every 15 minutes: send the digests that are due at this hour somewhere."""
    return digest.send_digests()
