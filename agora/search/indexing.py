"""Keeping the search index up to date: the posts actions' events, handled inside their
transactions, so a post is searchable exactly when it committed (PostgreSQL's expression
index needs nothing; SQLite's FTS5 table is told each post's words)."""

from __future__ import annotations

from agora.posts.events import PostCreated, PostEdited
from agora.search import backends


def on_post_created(event: PostCreated) -> None:
    backends.index_post(event.post.pk, event.post.search_text)


def on_post_edited(event: PostEdited) -> None:
    backends.reindex_post(event.post.pk, event.old_text, event.post.search_text)
