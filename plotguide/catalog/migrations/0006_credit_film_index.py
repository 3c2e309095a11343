"""The credits' own film_id index goes: the unique (film, person, role) index
starts with film_id and serves every look-up of a film's credits.

An import writes 120,000 credits, and keeping the second index cost it up to
0.2 CPU seconds (docs/benchmarks.md, "Import speed"). The index is dropped by
the name the database gives it, not by AlterField: on SQLite, AlterField
rebuilds the table, and a rebuild loses the search triggers of 0002.
"""

import django.db.models.deletion
from django.db import migrations, models


def _film_indexes(apps, schema_editor) -> list[str]:
    """The names of the indexes on catalog_credit(film_id) alone, not unique."""
    credit = apps.get_model("catalog", "Credit")
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, credit._meta.db_table)
    return [
        name
        for name, about in found.items()
        if about["index"]
        and not about["unique"]
        and not about["primary_key"]
        and about["columns"] == ["film_id"]
    ]


def drop_film_index(apps, schema_editor) -> None:
    credit = apps.get_model("catalog", "Credit")
    for name in _film_indexes(apps, schema_editor):
        schema_editor.execute(schema_editor._delete_index_sql(credit, name))


def create_film_index(apps, schema_editor) -> None:
    credit = apps.get_model("catalog", "Credit")
    if not _film_indexes(apps, schema_editor):
        field = credit._meta.get_field("film")
        schema_editor.execute(schema_editor._create_index_sql(credit, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_backfill_creators_and_studio_keys")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="credit",
                    name="film",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="credits",
                        to="catalog.film",
                    ),
                )
            ],
            database_operations=[
                migrations.RunPython(drop_film_index, create_film_index)
            ],
        )
    ]
