"""Every write goes through an action: no module of the package writes to the database
outside actions, tasks, migrations, tests and the demo (``agora.testing.writes``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import agora
from agora.testing.writes import Schema, may_write, package_writes, report, writes_in

PACKAGE = Path(agora.__file__).parent


@pytest.fixture(scope="module")
def schema() -> Schema:
    return Schema.from_registry()


def test_nothing_writes_outside_actions(schema):
    found = list(package_writes(PACKAGE, schema))
    assert not found, (
        "These modules write to the database outside an action; move the write into the "
        "app's actions (and call that):\n" + report(found)
    )


# One write of each kind per line, in the shapes the code uses.
PLANTED = """
from agora.posts.models import Post
from agora.spaces.models import Membership, Space

def writes(post: Post, space, user, tag_ids, qs):
    post.save()
    Post.objects.filter(pk=post.pk).update(comment_count=0)
    Membership.objects.filter(space=space).delete()
    Space.objects.create(name="x", slug="x")
    Post.objects.bulk_create([])
    Post.objects.bulk_update([post], ["body"])
    Space.objects.get_or_create(slug="x")
    Space.objects.update_or_create(slug="x", defaults={})
    post.tags.set(tag_ids)
    user.skills.add(1)
    space.delete()
    found = Membership.objects.get(pk=1)
    found.delete()
    pending = Membership.objects.filter(role="member")
    pending.update(role="owner")
    model = type(post)
    model._default_manager.filter(pk=1).delete()
    post.answers.create(question_id=1)
    Post(body="x").save()
    anything.save(update_fields=["body"])

async def later(post: Post):
    await post.asave()
    await Post.objects.filter(pk=1).aupdate(body="x")

class Mine(Space):
    def touch(self):
        self.save()
"""


def test_it_finds_every_kind_of_write(schema):
    found = writes_in(PLANTED, "planted.py", schema)
    calls = [w.call for w in found]
    assert calls == [
        "post.save()",
        "Post.objects.filter(pk=post.pk).update(comment_count=0)",
        "Membership.objects.filter(space=space).delete()",
        'Space.objects.create(name="x", slug="x")',
        "Post.objects.bulk_create([])",
        'Post.objects.bulk_update([post], ["body"])',
        'Space.objects.get_or_create(slug="x")',
        'Space.objects.update_or_create(slug="x", defaults={})',
        "post.tags.set(tag_ids)",
        "user.skills.add(1)",
        "space.delete()",
        "found.delete()",
        'pending.update(role="owner")',
        "model._default_manager.filter(pk=1).delete()",
        "post.answers.create(question_id=1)",
        'Post(body="x").save()',
        'anything.save(update_fields=["body"])',
        "post.asave()",
        'Post.objects.filter(pk=1).aupdate(body="x")',
        "self.save()",
    ]
    # Each is reported where it is, as the failing test prints it.
    assert str(found[0]) == "planted.py:6: post.save() (save on a model instance)"
    assert [w.line for w in found][-3:] == [28, 29, 33]


def test_it_leaves_ordinary_calls_alone(schema):
    source = """
from django.core.cache import cache
from django.core.files.storage import default_storage

def harmless(form, request, image, out, name, seen, options, post):
    options.update(colour="teal")
    {"a": 1}.update(b=2)
    seen.update({1, 2})
    seen.add(3)
    names = []
    names.remove("x")
    default_storage.save(name, out)
    default_storage.delete(name)
    image.save(out, "PNG")
    form.save()
    cache.delete("key")
    request.session.save()
    post.tags.all()
    Post.objects.filter(pk=1).exists()

class Article(Model):
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
"""
    assert writes_in(source, "harmless.py", schema) == []


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("posts/actions.py", True),
        ("reputation/actions/ledger.py", True),
        ("media/tasks.py", True),
        ("posts/migrations/0001_initial.py", True),
        ("qa/tests/test_answers.py", True),
        ("testing/personas.py", True),
        ("demo/seed/rows.py", True),
        ("conftest.py", True),
        ("posts/views/feed.py", False),
        ("posts/admin.py", False),
        ("reputation/levels.py", False),
        ("people/adapters.py", False),
        ("people/management/commands/createadmin.py", False),
        ("core/schedule.py", False),
    ],
)
def test_it_lets_only_actions_tasks_migrations_tests_and_the_demo_write(path, allowed):
    assert may_write(Path(path)) is allowed


def test_it_fails_on_a_write_planted_in_a_package(schema, tmp_path):
    root = tmp_path / "agora"
    (root / "posts" / "views").mkdir(parents=True)
    (root / "posts" / "actions.py").write_text("def ok(post):\n    post.save()\n")
    (root / "posts" / "views" / "edit.py").write_text(
        "def edit(request, post):\n    post.body = request.POST['body']\n    post.save()\n"
    )
    found = list(package_writes(root, schema))
    assert report(found) == "agora/posts/views/edit.py:3: post.save() (save on a model instance)"
