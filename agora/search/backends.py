"""Full-text search over posts: SQLite FTS5 in the embedded shape, PostgreSQL full text
(a GIN expression index on the post body) in the scaled one.

One interface, chosen by the database in use: ``index_post`` / ``reindex_post`` keep the
index in step with a post's body (called explicitly by the posts actions), and
Each post is indexed by its title and body together (``Post.search_text``).
``newest_matches`` turns a person's words into the ids of matching posts, newest first,
which the caller then filters through ``Post.objects.visible_to``. Nothing here decides
who may see what.
"""

from __future__ import annotations

import re

from django.db import connection

FTS_TABLE = "search_post_fts"
PG_CONFIG = "agora_search"  # created by this app's migration
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


class EmptyQuery(ValueError):
    """The text holds no searchable word."""


def terms(text: str) -> list[str]:
    """The words of a query, lower-cased, at most ``MAX_TERMS`` of them."""
    return [w.lower() for w in _WORD.findall(text)][:MAX_TERMS]


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _fts5_query(words: list[str]) -> str:
    # Every word must appear; the last one may be a prefix (search as you type). Each is
    # quoted, so nothing a person types is read as FTS5 syntax.
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def newest_matches(text: str, *, before: int | None, limit: int) -> list[int]:
    """Ids of up to ``limit`` posts matching ``text``, highest id first, below ``before``.

    Walking the match list from the newest end and stopping at ``limit`` makes a search's
    cost follow the page size, not the number of posts that mention a common word.
    Deleted and unreadable posts are still in here; callers filter by visibility.
    """
    words = terms(text)
    if not words:
        raise EmptyQuery("Type a word to search for.")
    ceiling = before if before is not None else 2**63 - 1
    with connection.cursor() as cursor:
        if _is_postgres():
            cursor.execute(
                f"SELECT id FROM posts_post WHERE to_tsvector('{PG_CONFIG}', "  # noqa: S608
                f"title || ' ' || body) @@ to_tsquery('{PG_CONFIG}', %s) AND id < %s "
                "ORDER BY id DESC LIMIT %s",
                [_tsquery(words), ceiling, limit],
            )
        else:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
                "AND rowid < %s ORDER BY rowid DESC LIMIT %s",
                [_fts5_query(words), ceiling, limit],
            )
        return [row[0] for row in cursor.fetchall()]


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" if i == len(words) - 1 else w for i, w in enumerate(words))


def index_post(post_id: int, text: str) -> None:
    """Add a new post's words (PostgreSQL's expression index maintains itself)."""
    if _is_postgres():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (%s, %s)", [post_id, text])  # noqa: S608


def reindex_post(post_id: int, old_text: str, new_text: str) -> None:
    """Replace an edited post's words. The index keeps no text, so it is told the old one."""
    if _is_postgres():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', %s, %s)",  # noqa: S608
            [post_id, old_text],
        )
        cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (%s, %s)", [post_id, new_text])  # noqa: S608


SEARCH_TEXT_SQL = "CASE WHEN title = '' THEN body ELSE title || char(10) || body END"


def index_post_range(first_id: int, last_id: int) -> None:
    """Index posts written in bulk (the data generator) by id range."""
    if _is_postgres():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, text) "  # noqa: S608
            f"SELECT id, {SEARCH_TEXT_SQL} FROM posts_post WHERE id BETWEEN %s AND %s",
            [first_id, last_id],
        )


def rebuild() -> None:
    """Rebuild the whole index from the posts table."""
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("REINDEX INDEX search_post_text_fts")
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")  # noqa: S608
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT id, {SEARCH_TEXT_SQL} FROM posts_post"  # noqa: S608
        )
