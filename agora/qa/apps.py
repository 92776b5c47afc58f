from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "agora.qa"
    label = "qa"
