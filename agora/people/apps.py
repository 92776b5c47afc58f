from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "agora.people"
    label = "people"

    def ready(self) -> None:
        from agora.media import references
        from agora.people.models import User

        # Profile photos are stored files: the orphan sweep must keep the ones in use.
        references.register(User, ["avatar"], folder="avatars")
