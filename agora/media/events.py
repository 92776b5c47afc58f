"""What media's actions and tasks tell the apps above (see ``agora.core.events``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttachmentsChanged:
    """Stored files changed what they show (a video became ready or failed): whatever
    draws them (a post's card) must be drawn again."""

    attachment_ids: tuple[int, ...]
