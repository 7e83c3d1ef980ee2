"""The table of the database cache (settings.CACHES), created with the schema so that
every installation has it after ``migrate``: the API throttles count in it, shared by
all web server processes."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(
        "DROP TABLE IF EXISTS %s" % schema_editor.quote_name("thidua_cache")
    )


class Migration(migrations.Migration):

    dependencies = [("core", "0002_task_lease")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
