"""Full-text search over posts: SQLite FTS5 in the embedded shape, PostgreSQL full text
(a GIN expression index on the post body) in the scaled one.

One interface, chosen by the database in use: ``index_post`` / ``reindex_post`` keep the
index in step with a post's text (called explicitly by the posts actions); each post is
indexed by its title and body together (``Post.search_text``). ``terms`` turns what a
person typed into a short list of distinct words, and ``matching`` narrows a queryset of
posts, which the caller has already limited with ``Post.objects.visible_to``, to those
that match them, newest first. Nothing here decides who may see what.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import BooleanField, F, QuerySet
from django.db.models.expressions import RawSQL

if TYPE_CHECKING:
    from agora.posts.models import Post

FTS_TABLE = "search_post_fts"
PG_CONFIG = "agora_search"  # created by this app's migration
_WORD = re.compile(r"\w+", re.UNICODE)
# Every word is one more condition for the index, and for people and spaces one more
# set of LIKE comparisons on every row, so a query keeps this many distinct words at most.
MAX_TERMS = 8
# The last word is matched as a prefix (search as you type) only from this length on: a
# one-letter prefix stands for a large part of the vocabulary.
MIN_PREFIX = 2
NO_CEILING = 2**63 - 1


class EmptyQuery(ValueError):
    """The text holds no searchable word."""


def terms(text: str) -> list[str]:
    """The distinct words of a query, lower-cased, at most ``MAX_TERMS`` of them.

    One-letter words are left out, unless the query has no other word: they match nearly
    everything and narrow nothing. A repeated word counts once, where it was last typed,
    so the word being typed stays last (the one matched as a prefix).
    """
    words = [w.lower() for w in _WORD.findall(text)]
    distinct = list(reversed(dict.fromkeys(reversed(words))))
    longer = [w for w in distinct if len(w) > 1]
    return (longer or distinct[-1:])[:MAX_TERMS]


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _fts5_query(words: list[str]) -> str:
    # Every word must appear; the last one may be a prefix (search as you type). Each is
    # quoted, so nothing a person types is read as FTS5 syntax.
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    return " ".join(quoted)


def _tsquery(words: list[str]) -> str:
    last = len(words) - 1
    return " & ".join(
        f"{w}:*" if i == last and len(w) >= MIN_PREFIX else w for i, w in enumerate(words)
    )


def matching(posts: QuerySet[Post], words: list[str], *, before: int | None) -> QuerySet[Post]:
    """``posts`` narrowed to those matching every word, below id ``before``, newest first.

    One query, whatever the words: the match is a condition beside the caller's own (the
    visibility rule), and the caller's LIMIT applies to readable posts. SQLite reads the
    index newest first (``ORDER BY rowid DESC``, which FTS5 delivers without sorting) and
    stops once the page is full; PostgreSQL takes the matches from its GIN index and
    keeps the newest. Either way the cost follows the number of matching posts at most,
    not the size of the table.
    """
    if not words:
        raise EmptyQuery("Type a word to search for.")
    ceiling = before if before is not None else NO_CEILING
    if _is_postgres():
        match = RawSQL(  # noqa: S611 - constant SQL; the words are a parameter
            f"to_tsvector('{PG_CONFIG}', posts_post.title || ' ' || posts_post.body) "
            f"@@ to_tsquery('{PG_CONFIG}', %s)",
            [_tsquery(words)],
            output_field=BooleanField(),
        )
        # Newest first by an expression, not by the key: walking the key index backwards
        # and computing each post's tsvector until a page is full is what PostgreSQL
        # picks when it guesses many matches, and it reads every readable post for a
        # word common only where the viewer cannot read (215 ms instead of 13 ms for a
        # rare word at 100k posts). The GIN index instead hands over exactly the matches,
        # which are then filtered and the newest kept.
        return posts.filter(match, pk__lt=ceiling).order_by((F("pk") + 0).desc())
    # The FTS5 table has no model, so it joins through extra(): the one way to put a
    # table into the FROM clause and order by its rowid, which lets SQLite drive the
    # query from the index (``WHERE id IN (SELECT rowid ... MATCH)`` would gather every
    # match first, all of a common word's posts).
    return posts.extra(  # noqa: S610 - constant SQL; the words are a parameter
        tables=[FTS_TABLE],
        where=[
            f"{FTS_TABLE}.rowid = posts_post.id",
            f"{FTS_TABLE} MATCH %s",
            f"{FTS_TABLE}.rowid < %s",
        ],
        params=[_fts5_query(words), ceiling],
        order_by=[f"-{FTS_TABLE}.rowid"],
    )


def newest_matches(text: str, *, before: int | None, limit: int) -> list[int]:
    """Ids of up to ``limit`` posts matching ``text``, highest id first, below ``before``.

    Deleted and unreadable posts are still in here: this is the index alone, for checks
    of the index itself (the seeding tests). Pages use ``matching``.
    """
    words = terms(text)
    if not words:
        raise EmptyQuery("Type a word to search for.")
    ceiling = before if before is not None else NO_CEILING
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
