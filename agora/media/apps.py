from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "agora.media"
    label = "media"

    def ready(self) -> None:
        # HEIC photos from phones: teach Pillow to open them (AVIF is built in).
        from pillow_heif import register_heif_opener

        register_heif_opener()

        from agora.media import references
        from agora.media.models import Attachment

        references.register(
            Attachment, ["file", "preview", "poster", "captions"], folder="attachments"
        )
