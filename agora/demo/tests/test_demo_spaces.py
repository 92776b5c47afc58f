"""The demo company's spaces show their settings: Announcements is read by everyone and
started only by its owner and moderators."""

from __future__ import annotations

import pytest
from django.test import Client

from agora.demo.company import seed_demo
from agora.demo.content import DOMAIN
from agora.people.models import User
from agora.posts.models import FEED_KINDS, Post
from agora.spaces.models import Membership, Posting, Role, Space

pytestmark = pytest.mark.django_db

NOTICE = "Only owners and moderators start posts here; everyone can comment and react."


def test_the_demo_announcements_are_started_only_by_their_managers():
    seed_demo()
    announcements = Space.objects.get(name="Announcements")
    assert announcements.posting == Posting.MANAGERS
    assert Space.objects.exclude(pk=announcements.pk).filter(posting=Posting.MANAGERS).count() == 0
    managers = set(
        Membership.objects.filter(
            space=announcements, role__in=[Role.OWNER, Role.MODERATOR]
        ).values_list("user_id", flat=True)
    )
    threads = Post.objects.filter(space=announcements, kind__in=FEED_KINDS)
    assert threads.count() >= 10
    assert set(threads.values_list("author_id", flat=True)) <= managers
    # Everyone else still talks there.
    assert Post.objects.filter(space=announcements, comment_count__gt=0).exists()

    def page(key: str) -> str:
        client = Client()
        client.force_login(User.objects.get(email=f"{key}@{DOMAIN}"))
        return client.get(announcements.get_absolute_url()).content.decode()

    assert NOTICE in page("sam")  # a member
    assert NOTICE not in page("maya")  # a moderator of it
    assert 'class="card composer"' in page("maya")
