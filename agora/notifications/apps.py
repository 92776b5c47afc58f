from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "agora.notifications"
    label = "notifications"

    def ready(self) -> None:
        from agora.core import eventlog
        from agora.notifications import actions, mail, rules  # noqa: F401 - registers the rules

        eventlog.register_consumer("notifications", actions.deliver)
        # After the notifications consumer: it reads the ``notification.created`` events
        # that one writes.
        eventlog.register_consumer("email", mail.on_events)
