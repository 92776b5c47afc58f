"""The one exception an action raises when a person asked for something it cannot do."""

from __future__ import annotations


class ActionError(Exception):
    """A request an action refuses, with a message for the person who made it.

    Views answer it with a 4xx and the message, never a 500; the action has written nothing.
    """

    def __init__(self, message: str, *, status: int = 400, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field
