"""Search question titles with post bodies.

SQLite: the FTS5 table becomes contentless (it stores only its index) and is filled with
each post's title and body. PostgreSQL: the GIN expression covers title and body.
"""

from django.db import migrations
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


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_post_fts")
        schema_editor.execute(SQLITE_CREATE)
        schema_editor.execute(SQLITE_FILL)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_post_body_fts")
        schema_editor.execute(POSTGRES_CREATE)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("posts", "0005_post_title_postrevision_title"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
