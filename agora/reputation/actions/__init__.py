"""Every write to reputation: the ledger and its running totals (``ledger``, repaired by
``totals.recompute``), levels (``levels``) and badges (``badges``), one credit at a time;
and a history of credits in bulk (``batch.record_many``, under the same ``rules``). Callers
use ``from agora.reputation import actions`` and the names below.

Called inside the transaction of the change that earns the credit: by the qa actions
(asking, answering, accepting, official marks), and for what the posts actions do (a
thumbs-up, a deletion) through the events they emit (``on_reaction_added``,
``on_post_deleted``, subscribed in ``apps.py``).
"""

from agora.reputation.actions.badges import award_badge, badges_for_answer, badges_for_question
from agora.reputation.actions.batch import Credit, CreditKind, Recorded, record_many
from agora.reputation.actions.ledger import (
    on_accepted,
    on_official,
    on_post_deleted,
    on_reaction_added,
    on_thumbs_up,
    on_unaccepted,
    thumbs_up_points,
)
from agora.reputation.actions.levels import evaluate_everyone, evaluate_level, start_levels
from agora.reputation.actions.totals import recompute

__all__ = [
    "Credit",
    "CreditKind",
    "Recorded",
    "award_badge",
    "badges_for_answer",
    "badges_for_question",
    "evaluate_everyone",
    "evaluate_level",
    "on_accepted",
    "on_official",
    "on_post_deleted",
    "on_reaction_added",
    "on_thumbs_up",
    "on_unaccepted",
    "recompute",
    "record_many",
    "start_levels",
    "thumbs_up_points",
]
