"""A vocabulary view of the trigram index, so search can pick a query's rarest trigrams."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE catalog_search_name_vocab "
            "USING fts5vocab(catalog_search_name, row)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS catalog_search_name_vocab")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_search")]

    operations = [migrations.RunPython(create, drop)]
