"""The SQLite search tables keep their index only, not a copy of the text.

Migration 0002's FTS5 tables stored every title, name, part and plot a second
time, with each label's length beside it; writing those copies was half of
what indexing cost an import (docs/benchmarks.md, "Import speed"). The tables
become contentless (``content=''``) and the names' table keeps no lengths
(``columnsize=0``; nothing ranks names by length, and the plots keep theirs
for bm25). Search reads a label from its own table by the row id.

A contentless table forgets a row only when told its old text, so the triggers
give it: a changed or deleted row's old text goes out by FTS5's 'delete'
command before its new text goes in. A later migration that rebuilds
catalog_film, catalog_person or catalog_credit on SQLite loses their triggers
(see 0005) and must create this module's TRIGGERS again, not 0002's: those
UPDATE or DELETE a table that now refuses both. PostgreSQL is not concerned.
"""

import importlib

from django.db import migrations

NAME_TABLE = (
    "CREATE VIRTUAL TABLE catalog_search_name USING fts5("
    "label, tokenize='trigram', detail='none', content='', columnsize=0)"
)
PLOT_TABLE = (
    "CREATE VIRTUAL TABLE catalog_search_plot USING fts5("
    "title, plot, tokenize='porter unicode61 remove_diacritics 2', content='')"
)
VOCAB_TABLE = (
    "CREATE VIRTUAL TABLE catalog_search_name_vocab "
    "USING fts5vocab(catalog_search_name, row)"
)
_0002 = importlib.import_module("plotguide.catalog.migrations.0002_search")
# Filled from the rows as migration 0002 filled its tables.
FILL = [statement for statement in _0002.SQLITE if statement.startswith("INSERT INTO ")]
_FORGET_FILM = """
        INSERT INTO catalog_search_name(catalog_search_name, rowid, label)
            VALUES ('delete', old.id * 4 + 1, old.title);
        INSERT INTO catalog_search_plot(catalog_search_plot, rowid, title, plot)
            VALUES ('delete', old.id, old.title, old.plot);"""
_INDEX_FILM = """
        INSERT INTO catalog_search_name(rowid, label)
            VALUES (new.id * 4 + 1, new.title);
        INSERT INTO catalog_search_plot(rowid, title, plot)
            VALUES (new.id, new.title, new.plot);"""
_FORGET_PERSON = """
        INSERT INTO catalog_search_name(catalog_search_name, rowid, label)
            VALUES ('delete', old.id * 4 + 2, old.name);"""
_INDEX_PERSON = """
        INSERT INTO catalog_search_name(rowid, label)
            VALUES (new.id * 4 + 2, new.name);"""
_FORGET_CREDIT = """
        INSERT INTO catalog_search_name(catalog_search_name, rowid, label)
            SELECT 'delete', old.id * 4 + 3, old.character WHERE old.character <> '';"""
_INDEX_CREDIT = """
        INSERT INTO catalog_search_name(rowid, label)
            SELECT new.id * 4 + 3, new.character WHERE new.character <> '';"""
TRIGGERS = [
    "CREATE TRIGGER catalog_film_search_ai AFTER INSERT ON catalog_film "
    f"BEGIN{_INDEX_FILM}\n    END",
    "CREATE TRIGGER catalog_film_search_au AFTER UPDATE OF title, plot ON catalog_film "
    f"BEGIN{_FORGET_FILM}{_INDEX_FILM}\n    END",
    "CREATE TRIGGER catalog_film_search_ad AFTER DELETE ON catalog_film "
    f"BEGIN{_FORGET_FILM}\n    END",
    "CREATE TRIGGER catalog_person_search_ai AFTER INSERT ON catalog_person "
    f"BEGIN{_INDEX_PERSON}\n    END",
    "CREATE TRIGGER catalog_person_search_au AFTER UPDATE OF name ON catalog_person "
    f"BEGIN{_FORGET_PERSON}{_INDEX_PERSON}\n    END",
    "CREATE TRIGGER catalog_person_search_ad AFTER DELETE ON catalog_person "
    f"BEGIN{_FORGET_PERSON}\n    END",
    "CREATE TRIGGER catalog_credit_search_ai AFTER INSERT ON catalog_credit "
    f"BEGIN{_INDEX_CREDIT}\n    END",
    "CREATE TRIGGER catalog_credit_search_au AFTER UPDATE OF character "
    f"ON catalog_credit BEGIN{_FORGET_CREDIT}{_INDEX_CREDIT}\n    END",
    "CREATE TRIGGER catalog_credit_search_ad AFTER DELETE ON catalog_credit "
    f"BEGIN{_FORGET_CREDIT}\n    END",
]
SQLITE = [NAME_TABLE, PLOT_TABLE, VOCAB_TABLE, *FILL, *TRIGGERS]
_DROP = ["DROP TABLE IF EXISTS catalog_search_name_vocab", *_0002.SQLITE_REVERSE]


def without_copies(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*_DROP, *SQLITE]:
            schema_editor.execute(statement)


def with_copies(apps, schema_editor) -> None:
    """Back to the tables of migrations 0002 and 0003, filled from the rows."""
    if schema_editor.connection.vendor != "sqlite":
        return
    vocab = importlib.import_module("plotguide.catalog.migrations.0003_search_vocab")
    for statement in [*_DROP, *_0002.SQLITE]:
        schema_editor.execute(statement)
    vocab.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0006_credit_film_index")]

    operations = [migrations.RunPython(without_copies, with_copies)]
