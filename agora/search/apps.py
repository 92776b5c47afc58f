from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "agora.search"
    label = "search"
