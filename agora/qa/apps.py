from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "agora.qa"
    label = "qa"

    def ready(self) -> None:
        from agora.core import events
        from agora.posts.events import PostDeleted
        from agora.qa import digest, notices  # noqa: F401 - registers whom questions notify
        from agora.qa.actions import on_post_deleted

        # Deleting an answer's post (here or anywhere) withdraws its acceptance and
        # counts it out of its question.
        events.subscribe(PostDeleted, on_post_deleted)
