"""PostgreSQL: the event log's ids in commit order, without deadlocks.

Readers go through the log by id and never look back (``agora.core.eventlog``), so an
id must not commit after a larger one. SQLite has one writer at a time, so it never
does. On PostgreSQL every transaction takes one transaction-scoped advisory lock
(``EVENT_LOCK``) before its first write or row lock, and holds it to its commit: events
then commit in id order. Taking it first, before any row lock, is what keeps it from
deadlocking with row locks (a lock taken at the first event, mid-transaction, did).

The cost: PostgreSQL's write transactions run one at a time, as SQLite's do. Reads are
untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

EVENT_LOCK = 0x61676F7261  # any fixed number ("agora")
_WRITES = ("INSERT", "UPDATE", "DELETE")


def _takes_locks(sql: str) -> bool:
    head = sql.lstrip()[:6].upper()
    return head in _WRITES or (head == "SELECT" and " FOR UPDATE" in sql.upper())


class OrderWrites:
    """An execute wrapper (``connection.execute_wrappers``) for one connection."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.holder: object | None = None  # the outermost atomic block that holds it

    def __call__(
        self,
        execute: Callable[..., Any],
        sql: str,
        params: Any,
        many: bool,
        context: dict[str, Any],
    ) -> Any:
        connection = self.connection
        if connection.in_atomic_block and isinstance(sql, str) and _takes_locks(sql):
            outermost = connection.atomic_blocks[0] if connection.atomic_blocks else None
            if outermost is None or outermost is not self.holder:
                context["cursor"].execute("SELECT pg_advisory_xact_lock(%s)", [EVENT_LOCK])
                self.holder = outermost
        return execute(sql, params, many, context)


def install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created`` receiver: order the writes of every PostgreSQL connection."""
    if connection.vendor == "postgresql" and not any(
        isinstance(w, OrderWrites) for w in connection.execute_wrappers
    ):
        connection.execute_wrappers.append(OrderWrites(connection))
