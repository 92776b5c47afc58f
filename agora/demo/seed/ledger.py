"""``agora seed``'s reputation: the history of thumbs-up, accepted answers, questions and
answers its rows make, handed to the reputation app to credit
(``reputation.actions.record_many``: the live rules, in bulk), and the levels that follow
(``reputation.actions.start_levels``). Nothing here decides what anything earns.

The daily cap depends on order, so credits are recorded in the order of their times, as
the live actions would have met them. Chunks of posts overlap in time (a post's reactions
come up to a day after it), so each chunk records only the credits earned before the
earliest moment the next chunk can reach (its *horizon*) and keeps the rest for the next
one. After every chunk the totals equal the sums of the ledger recorded so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any

from agora.demo.seed.people import People
from agora.reputation import actions as reputation
from agora.reputation.actions import Credit, CreditKind


class Ledger:
    """Takes credits in any order within a chunk, records them in time order."""

    def __init__(
        self, people: People, *, first_event_id: int, anchor: datetime, knobs: dict[str, Any]
    ) -> None:
        self.people = people
        self.next_event_id = first_event_id
        self.anchor = anchor
        self.knobs = knobs
        # Credits at the same moment keep the order they were made in (sorting is stable).
        self.pending: list[Credit] = []
        self.written = {"events": 0, "badges": 0}

    def _id(self, person: int) -> int:
        return self.people.first_id + person

    # Collecting ------------------------------------------------------------------------

    def thumbs_up(
        self,
        when: datetime,
        *,
        giver: int,
        author: int,
        post_id: int,
        space_key: int,
        answer_id: int | None,
        tag_ids: Sequence[int],
    ) -> None:
        """``giver`` gave a thumbs-up to ``author``'s post or answer."""
        self.pending.append(
            Credit(CreditKind.THUMBS_UP, when, self._id(author), post_id, self._id(giver),
                   answer_id, space_key, tag_ids)
        )  # fmt: skip

    def accepted(
        self,
        when: datetime,
        *,
        asker: int,
        answerer: int,
        post_id: int,
        space_key: int,
        answer_id: int,
        tag_ids: Sequence[int],
    ) -> None:
        """``asker`` accepted ``answerer``'s answer to their question."""
        self.pending.append(
            Credit(CreditKind.ACCEPTED, when, self._id(answerer), post_id, self._id(asker),
                   answer_id, space_key, tag_ids, asker_id=self._id(asker))
        )  # fmt: skip

    def asked(self, person: int, when: datetime, post_id: int) -> None:
        """``person`` asked the question ``post_id``."""
        self.pending.append(Credit(CreditKind.ASKED, when, self._id(person), post_id))

    def answered(self, person: int, when: datetime, question_id: int) -> None:
        """``person`` answered the question ``question_id``."""
        self.pending.append(Credit(CreditKind.ANSWERED, when, self._id(person), question_id))

    # Writing ---------------------------------------------------------------------------

    def write(self, horizon: datetime | None) -> None:
        """Record the credits earned before ``horizon`` (all of them without one). Call it
        inside the chunk's transaction."""
        self.pending.sort(key=attrgetter("when"))
        cut = len(self.pending)
        if horizon is not None:
            cut = next((i for i, c in enumerate(self.pending) if c.when >= horizon), cut)
        ready, self.pending = self.pending[:cut], self.pending[cut:]
        recorded = reputation.record_many(
            ready, first_event_id=self.next_event_id, knobs=self.knobs
        )
        self.next_event_id += recorded.events
        self.written["events"] += recorded.events
        self.written["badges"] += recorded.badges

    def finish(self) -> None:
        """Everyone's level as of the anchor (after the last chunk). Notifications are not
        written: nobody was there to read them."""
        count = len(self.people.handles)
        reputation.start_levels([self._id(person) for person in range(count)], self.anchor)
