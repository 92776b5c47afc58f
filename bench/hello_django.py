"""Django's "hello world" under each serving mode Agora can use (see agora/asgi.py)."""

from __future__ import annotations

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.hello_settings"

from django.core.asgi import get_asgi_application
from django.core.wsgi import get_wsgi_application

from agora.asgi import dispatcher
from agora.core.env import env_int

wsgi_app = get_wsgi_application()
asgi_app = get_asgi_application()
dispatch_app = dispatcher(wsgi_app, asgi_app, threads=env_int("AGORA_THREADS", 8, minimum=1))
