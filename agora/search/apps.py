from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "agora.search"
    label = "search"

    def ready(self) -> None:
        from agora.core import events
        from agora.posts.events import PostCreated, PostEdited
        from agora.search import indexing

        events.subscribe(PostCreated, indexing.on_post_created)
        events.subscribe(PostEdited, indexing.on_post_edited)
