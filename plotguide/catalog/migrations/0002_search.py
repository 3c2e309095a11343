"""Search indexes: FTS5 tables kept by triggers on SQLite, pg_trgm and full text on PostgreSQL.

Row ids in catalog_search_name encode the kind: id * 4 + 1 film, + 2 person,
+ 3 character (a cast credit), so a trigger updates or deletes one row directly.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE catalog_search_name USING fts5("
    "label, tokenize='trigram', detail='none')",
    "CREATE VIRTUAL TABLE catalog_search_plot USING fts5("
    "title, plot, tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO catalog_search_name(rowid, label) "
    "SELECT id * 4 + 1, title FROM catalog_film",
    "INSERT INTO catalog_search_name(rowid, label) "
    "SELECT id * 4 + 2, name FROM catalog_person",
    "INSERT INTO catalog_search_name(rowid, label) "
    "SELECT id * 4 + 3, character FROM catalog_credit WHERE character <> ''",
    "INSERT INTO catalog_search_plot(rowid, title, plot) "
    "SELECT id, title, plot FROM catalog_film",
    """CREATE TRIGGER catalog_film_search_ai AFTER INSERT ON catalog_film BEGIN
        INSERT INTO catalog_search_name(rowid, label) VALUES (new.id * 4 + 1, new.title);
        INSERT INTO catalog_search_plot(rowid, title, plot)
            VALUES (new.id, new.title, new.plot);
    END""",
    """CREATE TRIGGER catalog_film_search_au AFTER UPDATE OF title, plot ON catalog_film
    BEGIN
        UPDATE catalog_search_name SET label = new.title WHERE rowid = new.id * 4 + 1;
        UPDATE catalog_search_plot SET title = new.title, plot = new.plot
            WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER catalog_film_search_ad AFTER DELETE ON catalog_film BEGIN
        DELETE FROM catalog_search_name WHERE rowid = old.id * 4 + 1;
        DELETE FROM catalog_search_plot WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER catalog_person_search_ai AFTER INSERT ON catalog_person BEGIN
        INSERT INTO catalog_search_name(rowid, label) VALUES (new.id * 4 + 2, new.name);
    END""",
    """CREATE TRIGGER catalog_person_search_au AFTER UPDATE OF name ON catalog_person
    BEGIN
        UPDATE catalog_search_name SET label = new.name WHERE rowid = new.id * 4 + 2;
    END""",
    """CREATE TRIGGER catalog_person_search_ad AFTER DELETE ON catalog_person BEGIN
        DELETE FROM catalog_search_name WHERE rowid = old.id * 4 + 2;
    END""",
    """CREATE TRIGGER catalog_credit_search_ai AFTER INSERT ON catalog_credit
    WHEN new.character <> '' BEGIN
        INSERT INTO catalog_search_name(rowid, label)
            VALUES (new.id * 4 + 3, new.character);
    END""",
    """CREATE TRIGGER catalog_credit_search_au AFTER UPDATE OF character ON catalog_credit
    BEGIN
        DELETE FROM catalog_search_name WHERE rowid = old.id * 4 + 3;
        INSERT INTO catalog_search_name(rowid, label)
            SELECT new.id * 4 + 3, new.character WHERE new.character <> '';
    END""",
    """CREATE TRIGGER catalog_credit_search_ad AFTER DELETE ON catalog_credit BEGIN
        DELETE FROM catalog_search_name WHERE rowid = old.id * 4 + 3;
    END""",
]
SQLITE_REVERSE = [
    *(
        f"DROP TRIGGER IF EXISTS catalog_{table}_search_{when}"
        for table in ("film", "person", "credit")
        for when in ("ai", "au", "ad")
    ),
    "DROP TABLE IF EXISTS catalog_search_name",
    "DROP TABLE IF EXISTS catalog_search_plot",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX catalog_film_title_trgm ON catalog_film "
    "USING gin (title gin_trgm_ops)",
    "CREATE INDEX catalog_person_name_trgm ON catalog_person "
    "USING gin (name gin_trgm_ops)",
    "CREATE INDEX catalog_credit_character_trgm ON catalog_credit "
    "USING gin (character gin_trgm_ops)",
    "CREATE INDEX catalog_film_plot_fts ON catalog_film "
    "USING gin (to_tsvector('english', plot))",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS catalog_film_title_trgm",
    "DROP INDEX IF EXISTS catalog_person_name_trgm",
    "DROP INDEX IF EXISTS catalog_credit_character_trgm",
    "DROP INDEX IF EXISTS catalog_film_plot_fts",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
