from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "agora.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from agora.core import ordering

        # PostgreSQL commits the event log in id order (see agora/core/ordering.py).
        connection_created.connect(ordering.install, dispatch_uid="agora-order-writes")
