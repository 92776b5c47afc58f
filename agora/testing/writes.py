"""Finds ORM writes in source code, for the test that keeps every write in an action
(``agora/core/tests/test_write_path.py``).

It reads the code with ``ast``, without running it, and knows the models from Django's
app registry: their class names, the names of their relations, and so which receivers
are querysets, managers or model instances. A call is a write when it is

- ``bulk_create``, ``bulk_update``, ``get_or_create`` or ``update_or_create``, on anything;
- ``create``, ``update`` or ``delete`` on a queryset or manager: a chain through
  ``.objects``, ``_default_manager``, a queryset method (``.filter(``, ``.all(``…), a
  related manager (``post.tags``) or a name that was assigned such a chain;
- ``add``, ``remove``, ``clear`` or ``set`` on a related manager (``user.skills.set(…)``);
- ``save`` or ``delete`` on a model instance: ``self`` in a model's own method, a name
  annotated with a model class, assigned from ``Model(...)`` or a lookup
  (``.get(``, ``.first()``…), named after a model (``post``, ``standing``) or a
  relation to one (``answer.post``), or ``save(update_fields=…)`` on anything.

So ``dict.update``, ``set.add``, ``default_storage.delete``, ``image.save(out, "PNG")`` or
``form.save()`` are not writes. Async variants (``asave``, ``acreate``…) count as their
synchronous names.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ALWAYS = frozenset({"bulk_create", "bulk_update", "get_or_create", "update_or_create"})
ON_QUERYSETS = frozenset({"create", "update", "delete"})
ON_RELATED = frozenset({"add", "remove", "clear", "set"})
ON_INSTANCES = frozenset({"save", "delete"})
MANAGERS = frozenset({"objects", "_default_manager", "_base_manager"})
QUERYSET_METHODS = frozenset(
    {
        "all",
        "filter",
        "exclude",
        "select_for_update",
        "select_related",
        "prefetch_related",
        "order_by",
        "annotate",
        "alias",
        "only",
        "defer",
        "using",
        "distinct",
        "none",
        "reverse",
        "extra",
        "values",
        "values_list",
        "standing",  # ReputationEvent.objects.standing(): the ledger's grants not withdrawn
        "visible_to",  # Post.objects.visible_to(user), Space.objects.visible_to(user)
        "readable_by",
        "in_feeds",
    }
)
LOOKUPS = frozenset(
    {"get", "first", "last", "earliest", "latest", "create", "get_or_create", "update_or_create"}
)
# ``asave``, ``acreate``, ``abulk_create``…: the async variants are the same writes.
ASYNC_OF = {f"a{name}": name for name in ALWAYS | ON_QUERYSETS | ON_RELATED | ON_INSTANCES}


@dataclass(frozen=True)
class Schema:
    """What the checker knows about the models: class names, the names of model
    instances (``post``, ``join_request``), relations to one object (``author``,
    ``standing``) and related managers (``tags``, ``answers``)."""

    classes: frozenset[str]
    instances: frozenset[str]
    managers: frozenset[str]

    @classmethod
    def from_registry(cls) -> Schema:
        from django.apps import apps

        classes: set[str] = set()
        instances: set[str] = set()
        managers: set[str] = set()
        for model in apps.get_models(include_auto_created=True):
            if not model.__module__.startswith("agora."):
                continue  # Django's own (sessions, admin log) and allauth's are not ours to check
            classes.add(model.__name__)
            instances.add(_snake(model.__name__))
            for f in model._meta.get_fields(include_hidden=False):
                if f.many_to_many or f.one_to_many:
                    name = f.get_accessor_name() if f.auto_created else f.name  # type: ignore[union-attr]
                    if name:
                        managers.add(name)
                elif f.is_relation:
                    name = f.get_accessor_name() if f.auto_created else f.name  # type: ignore[union-attr]
                    if name and not name.endswith("+"):
                        instances.add(name)
        return cls(frozenset(classes), frozenset(instances), frozenset(managers))


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Write:
    """One ORM write found in a module: where, what kind, and the call as written."""

    path: str
    line: int
    kind: str
    call: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call} ({self.kind})"


@dataclass
class _Scope:
    """What a function (or a module) has said about its names."""

    instances: set[str] = field(default_factory=set)
    querysets: set[str] = field(default_factory=set)
    model_class: bool = False  # inside a method of a model (``self`` is an instance)


class _Finder(ast.NodeVisitor):
    def __init__(self, schema: Schema, source: str, path: str) -> None:
        self.schema = schema
        self.source = source
        self.path = path
        self.scopes = [_Scope()]
        self.found: list[Write] = []
        self.in_model_class = False

    # --- what an expression is ------------------------------------------------------

    def _is_model_type(self, annotation: ast.expr | None) -> bool:
        if annotation is None:
            return False
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return False
        if isinstance(annotation, ast.Name):
            return annotation.id in self.schema.classes
        if isinstance(annotation, ast.Attribute):
            return annotation.attr in self.schema.classes
        if isinstance(annotation, ast.BinOp):  # Post | None
            return self._is_model_type(annotation.left) or self._is_model_type(annotation.right)
        if isinstance(annotation, ast.Subscript):  # Optional[Post]
            return self._is_model_type(annotation.slice)
        return False

    def _is_queryset_type(self, annotation: ast.expr | None) -> bool:
        if isinstance(annotation, ast.Subscript):
            annotation = annotation.value
        if isinstance(annotation, ast.Name):
            return annotation.id.endswith(("QuerySet", "Manager"))
        if isinstance(annotation, ast.Attribute):
            return annotation.attr.endswith(("QuerySet", "Manager"))
        return False

    def is_queryset(self, node: ast.expr) -> bool:
        """A manager or queryset: ``X.objects``, ``…filter(…)``, ``post.tags``, ``qs``."""
        if isinstance(node, ast.Attribute):
            return node.attr in MANAGERS or node.attr in self.schema.managers
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return node.func.attr in QUERYSET_METHODS and (
                self.is_queryset(node.func.value)
                or node.func.attr in {"filter", "exclude", "all", "select_for_update"}
            )
        if isinstance(node, ast.Subscript):
            return self.is_queryset(node.value)
        if isinstance(node, ast.Name):
            return any(node.id in s.querysets for s in self.scopes)
        return False

    def is_instance(self, node: ast.expr) -> bool:
        """A model instance: ``self`` in a model, a known name, or a relation to one."""
        if isinstance(node, ast.Name):
            if node.id == "self":
                return self.scopes[-1].model_class
            return node.id in self.schema.instances or any(
                node.id in s.instances for s in self.scopes
            )
        if isinstance(node, ast.Attribute):
            return node.attr in self.schema.instances
        if isinstance(node, ast.Call):
            return self._makes_instance(node)
        return False

    def _makes_instance(self, node: ast.expr | None) -> bool:
        """``Post(...)``, ``X.objects.get(...)``, ``….first()``, ``get_object_or_404(...)``."""
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if isinstance(func, ast.Name):
            return func.id in self.schema.classes or func.id == "get_object_or_404"
        if isinstance(func, ast.Attribute):
            if func.attr in self.schema.classes:
                return True
            return func.attr in LOOKUPS and self.is_queryset(func.value)
        return False

    # --- scopes -----------------------------------------------------------------------

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        was = self.in_model_class
        self.in_model_class = any(
            (isinstance(b, ast.Attribute) and b.attr == "Model")
            or (isinstance(b, ast.Name) and b.id in self.schema.classes | {"Model"})
            for b in node.bases
        )
        self.generic_visit(node)
        self.in_model_class = was

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        scope = _Scope(model_class=self.in_model_class)
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        for arg in args:
            if self._is_model_type(arg.annotation):
                scope.instances.add(arg.arg)
            elif self._is_queryset_type(arg.annotation):
                scope.querysets.add(arg.arg)
        self.scopes.append(scope)
        was = self.in_model_class
        self.in_model_class = False  # a class nested in the function is looked at anew
        self.generic_visit(node)
        self.in_model_class = was
        self.scopes.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def _bind(
        self, target: ast.expr, value: ast.expr | None, annotation: ast.expr | None = None
    ) -> None:
        scope = self.scopes[-1]
        if isinstance(target, ast.Name):
            if self._is_model_type(annotation) or self._makes_instance(value):
                scope.instances.add(target.id)
            elif self._is_queryset_type(annotation) or (
                value is not None and self.is_queryset(value)
            ):
                scope.querysets.add(target.id)
        elif (
            # ``obj, created = X.objects.get_or_create(...)``: ``obj`` is an instance.
            isinstance(target, ast.Tuple)
            and target.elts
            and isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr in {"get_or_create", "update_or_create"}
        ):
            self._bind(target.elts[0], value)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind(target, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._bind(node.target, node.value, node.annotation)
        self.generic_visit(node)

    def _loop(self, target: ast.expr, iterable: ast.expr) -> None:
        if isinstance(target, ast.Name) and self.is_queryset(iterable):
            self.scopes[-1].instances.add(target.id)

    def visit_For(self, node: ast.For) -> None:
        self._loop(node.target, node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._loop(node.target, node.iter)
        self.generic_visit(node)

    # --- the calls --------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Attribute):
            kind = self._write_kind(node, node.func)
            if kind is not None:
                text = ast.get_source_segment(self.source, node) or ast.unparse(node)
                call = " ".join(text.split())
                self.found.append(Write(self.path, node.lineno, kind, call[:120]))
        self.generic_visit(node)

    def _write_kind(self, node: ast.Call, func: ast.Attribute) -> str | None:
        name = ASYNC_OF.get(func.attr, func.attr)
        receiver = func.value
        if name in ALWAYS:
            return name
        if name in ON_QUERYSETS and self.is_queryset(receiver):
            return f"{name} on a queryset"
        if (
            name in ON_RELATED
            and isinstance(receiver, ast.Attribute)
            and receiver.attr in self.schema.managers
        ):
            return f"{name} on a related manager"
        if name in ON_INSTANCES:
            if (
                isinstance(receiver, ast.Call)
                and isinstance(receiver.func, ast.Name)
                and receiver.func.id == "super"
            ):
                return None  # a model's own save() override handing over to Django's
            if name == "save" and any(k.arg == "update_fields" for k in node.keywords):
                return "save"
            if self.is_instance(receiver):
                return f"{name} on a model instance"
        return None


def writes_in(source: str, path: str = "<string>", schema: Schema | None = None) -> list[Write]:
    """Every ORM write in ``source``."""
    finder = _Finder(schema or Schema.from_registry(), source, path)
    finder.visit(ast.parse(source, filename=path))
    return finder.found


def may_write(relative: Path) -> bool:
    """Whether a module of the ``agora`` package (a path relative to its folder) is one of
    the places allowed to write: actions, tasks, migrations, tests and the demo."""
    parts = relative.parts
    if relative.name in {"actions.py", "tasks.py", "conftest.py"}:
        return True
    folders = set(parts[:-1])
    if folders & {"actions", "migrations", "tests"}:
        return True
    return parts[0] in {"testing", "demo"}


def package_writes(root: Path, schema: Schema | None = None) -> Iterator[Write]:
    """The writes in every module of the package at ``root`` not allowed to write."""
    schema = schema or Schema.from_registry()
    for module in sorted(root.rglob("*.py")):
        relative = module.relative_to(root)
        if may_write(relative):
            continue
        shown = str(Path(root.name) / relative)
        yield from writes_in(module.read_text(encoding="utf-8"), shown, schema)


def report(writes: Iterable[Write]) -> str:
    return "\n".join(str(w) for w in writes)
