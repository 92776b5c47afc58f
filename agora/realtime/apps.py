from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "agora.realtime"
    label = "realtime"
