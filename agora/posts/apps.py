from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "agora.posts"
    label = "posts"

    def ready(self) -> None:
        from agora.core import events
        from agora.media.events import AttachmentsChanged
        from agora.posts.actions import on_attachments_changed

        events.subscribe(AttachmentsChanged, on_attachments_changed)
