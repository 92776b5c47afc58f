"""Organisation policy that administrators change while Agora runs (STYLE habit 10)."""

from __future__ import annotations

from django.db import models


class SiteSetting(models.Model):
    """One policy value, keyed by name; ``agora.core.policy`` knows each key's type and default."""

    key = models.CharField(max_length=100, unique=True)
    value = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class PeriodicRun(models.Model):
    """When a periodic job last started. Workers claim a run with a conditional UPDATE, so
    however many workers are running, each job starts once per interval."""

    name = models.CharField(max_length=100, primary_key=True)
    last_started_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """One row of the event log (``agora.core.eventlog``): what changed, as a type and
    the ids of what it is about, never its content, and who may hear of it.

    An action appends its events in its own transaction, so an event exists exactly when
    its change committed; ids grow in commit order. The audience is checked again when
    an event is delivered, against the person's rights at that moment.
    """

    id = models.BigAutoField(primary_key=True)
    type = models.CharField(max_length=60)
    created_at = models.DateTimeField()
    # Only people who may read this space hear of it (None: no space limits it).
    space_id = models.BigIntegerField(null=True, blank=True)
    # Only these people (None: everyone the space allows; company-wide, every employee).
    user_ids = models.JSONField(null=True, blank=True)
    data = models.JSONField(default=dict)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="event_created")]

    def __str__(self) -> str:
        return f"{self.pk} {self.type}"


class EventCursor(models.Model):
    """How far a durable consumer (notifications, email, the search index) has read the
    log. A batch's work and the move of its cursor commit together, so after a crash the
    consumer resumes where its last batch ended: nothing skipped, nothing done twice."""

    name = models.CharField(max_length=60, primary_key=True)
    last_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} at {self.last_id}"
