from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo company (``agora demo``) and the bulk seeder (``agora seed``)."""

    name = "agora.demo"
    label = "demo"
