from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "agora.posts"
    label = "posts"
