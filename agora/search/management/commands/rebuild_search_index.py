"""``agora rebuild_search_index``: index every post again (after a restore or an import)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from agora.posts.models import Post
from agora.search import backends


class Command(BaseCommand):
    help = "Rebuild the full-text search index from the posts."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            backends.rebuild()
        self.stdout.write(f"Search index rebuilt for {Post.objects.count():,} posts.")
