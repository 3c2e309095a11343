"""Name each film's creating source, and merge studios that are one company."""

import importlib

from django.db import migrations

from plotguide.catalog.naming import studio_key

CREATOR_FIELDS = ("tmdb_id", "wikipedia_id", "plot", "imdb_id", "year")


def backfill(apps, schema_editor):
    Film = apps.get_model("catalog", "Film")
    for film in Film.objects.filter(created_by=""):
        sources = film.field_sources or {}
        creator = next((sources[f] for f in CREATOR_FIELDS if f in sources), "")
        if creator:
            Film.objects.filter(pk=film.pk).update(created_by=creator)
    Studio = apps.get_model("catalog", "Studio")
    groups = {}
    for studio in Studio.objects.order_by("pk"):
        groups.setdefault(studio_key(studio.name), []).append(studio)
    for key, studios in groups.items():
        keeper = next((s for s in studios if s.key == key), studios[0])
        for studio in studios:
            if studio.pk != keeper.pk:
                for film in studio.films.all():
                    film.studios.add(keeper)
                studio.delete()
        if keeper.key != key:
            Studio.objects.filter(pk=keeper.pk).update(key=key)

def restore_search_triggers(apps, schema_editor):
    """Put back the search triggers that SQLite loses when Django rebuilds a table.

    Adding a NOT NULL column makes Django copy catalog_film and catalog_person
    into new tables, and their triggers are dropped with the old ones.
    """
    if schema_editor.connection.vendor != "sqlite":
        return
    search = importlib.import_module("plotguide.catalog.migrations.0002_search")
    for statement in search.SQLITE:
        if statement.startswith("CREATE TRIGGER "):
            schema_editor.execute(
                statement.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1)
            )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_film_facts_people_ids_held_joins")]

    operations = [
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
