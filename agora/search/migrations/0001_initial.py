"""The full-text index over posts' titles and bodies, in the form each database supports.

SQLite: a contentless FTS5 table (it stores only its index; the posts actions' events add
and swap each post's words). PostgreSQL: a GIN expression index that PostgreSQL keeps up
to date itself, under the ``agora_search`` configuration.
"""

from django.db import DatabaseError, migrations, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE search_post_fts USING fts5("
    "text, content='', tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_FILL = (
    "INSERT INTO search_post_fts(rowid, text) "
    "SELECT id, CASE WHEN title = '' THEN body ELSE title || char(10) || body END "
    "FROM posts_post"
)
POSTGRES_CREATE = (
    "CREATE INDEX search_post_text_fts ON posts_post "
    "USING GIN (to_tsvector('agora_search', title || ' ' || body))"
)


def create_postgres_config(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """``agora_search``: English stemming, accents folded ("cafe" finds "café").

    Folding needs the ``unaccent`` extension (PostgreSQL's contrib). Where the database
    user may not create it, the configuration is plain English and accents must match.
    """
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        unaccent = True
    except DatabaseError:
        unaccent = False
    schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION agora_search (COPY = english)")
    if unaccent:
        schema_editor.execute(
            "ALTER TEXT SEARCH CONFIGURATION agora_search "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
        )


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
        schema_editor.execute(SQLITE_FILL)
    elif vendor == "postgresql":
        create_postgres_config(schema_editor)
        schema_editor.execute(POSTGRES_CREATE)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_post_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_post_text_fts")
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS agora_search")


class Migration(migrations.Migration):
    initial = True
    dependencies = [("posts", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
