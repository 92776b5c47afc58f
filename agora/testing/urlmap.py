"""The URL map as tests walk it: every pattern Django's resolver holds, so a test that
must cover every page (NUL refused, visibility per URL) fails on a page it does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, resolve

# The admin's catch-all answers every other address under /admin/.
CATCH_ALL = "admin/(?P<url>.*)$"


@dataclass
class Route:
    """One pattern of the URL map, as the resolver holds it."""

    route: str
    name: str | None
    callback: Callable[..., Any]


def walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            joined = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), joined)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(prefix + str(pattern.pattern), name, pattern.callback)


def all_routes() -> list[Route]:
    return list(walk(get_resolver().url_patterns))


def admin_model(app_label: str, model_name: str) -> type[models.Model] | None:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model if admin.site.is_registered(model) else None


@dataclass(frozen=True)
class AdminModelRoute:
    """One of the admin's per-model pages: ``view`` is ``changelist``, ``add``,
    ``change``, ``delete``, ``history`` or ``redirect`` (the unnamed ``<object_id>/``
    that sends to the change page)."""

    model: type[models.Model]
    view: str
    takes_object: bool


def admin_model_route(route: Route) -> AdminModelRoute | None:
    """Django's admin pages for one registered model, named ``admin:<app>_<model>_<view>``
    (and the unnamed ``<object_id>/`` that redirects to the change page)."""
    parts = route.route.split("/")
    if parts[0] != "admin" or len(parts) < 4:
        return None
    model = admin_model(parts[1], parts[2])
    if model is None:
        return None
    takes_object = "<path:object_id>" in route.route
    if route.name is None and route.route.endswith("/<path:object_id>/"):
        return AdminModelRoute(model, "redirect", takes_object=True)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
    if route.name is None or not route.name.startswith(prefix):
        return None
    return AdminModelRoute(model, route.name.removeprefix(prefix), takes_object)


def some_pk(model: type[models.Model]) -> str:
    # A real row where the model has one; "0" (a missing object) for the tables the test
    # data leaves empty (task results, email addresses).
    pk = model._base_manager.order_by("pk").values_list("pk", flat=True).first()
    return str(pk) if pk is not None else "0"


def check_resolves(route: Route, path: str) -> None:
    """The filled path really reaches the pattern's view (not a 404 by accident)."""
    match = resolve(path.split("?", 1)[0])
    assert match.func == route.callback, f"{path} does not reach {route.route}"
    if route.name is not None:
        assert match.view_name == route.name, f"{path} is {match.view_name}, not {route.name}"
