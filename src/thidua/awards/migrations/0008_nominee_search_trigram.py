"""A trigram index on the nominees' folded names (PostgreSQL only).

History and nominee search match every typed word anywhere in the name
(``search_key LIKE '%word%'``); a B-tree cannot serve that, a pg_trgm GIN index can.
On SQLite (development, tests) this migration does nothing: the same queries run,
without the index.
"""

from django.db import migrations

INDEX = "awards_nominee_search_key_trgm"


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON awards_nominee "
        "USING gin (search_key gin_trgm_ops)"
    )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("awards", "0007_award_record_province")]

    operations = [migrations.RunPython(forwards, backwards)]
