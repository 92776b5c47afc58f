from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "agora.reputation"
    label = "reputation"

    def ready(self) -> None:
        from agora.core import events
        from agora.posts.events import PostDeleted, ReactionAdded
        from agora.reputation import (
            actions,
            notices,  # noqa: F401 - registers whom badges notify
        )

        # A thumbs-up earns its author credit; a deleted post's credit leaves the boards.
        events.subscribe(ReactionAdded, actions.on_reaction_added)
        events.subscribe(PostDeleted, actions.on_post_deleted)
