from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "agora.reputation"
    label = "reputation"
