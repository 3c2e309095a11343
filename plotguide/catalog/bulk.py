"""Rows an import has decided on, written together: a statement per table, not per row.

An import decides film by film in memory (plotguide.catalog.services) and
leaves its new and changed rows here; ``flush`` writes them in the order their
foreign keys need, with one bulk insert per table.

On SQLite the search tables (migrations 0002 and 0007) are kept by triggers. FTS5 turns
what it has indexed into a new segment whenever a statement writes to it, so
rows indexed by triggers, statement after statement, leave tens of thousands
of small segments to merge: a third of an import's time. A bulk insert, or an
update of searched columns, therefore drops the table's trigger, indexes the
rows with one statement that mirrors it, and creates the trigger again from
its stored SQL, all inside the import's transaction: the search tables end as
the triggers would have left them, and a rolled-back import leaves the
triggers as they were.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from operator import attrgetter, itemgetter
from typing import TypeVar

import msgspec

from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.db.models import Field, ForeignKey, ManyToManyField, Model
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

# What the search triggers of migration 0007 do, as one statement over many
# rows. On insert: for the rows with ids above the one given.
SEARCH_ON_INSERT: dict[str, tuple[str, ...]] = {
    "catalog_film": (
        "INSERT INTO catalog_search_name(rowid, label) "
        "SELECT id * 4 + 1, title FROM catalog_film WHERE id > %s",
        "INSERT INTO catalog_search_plot(rowid, title, plot) "
        "SELECT id, title, plot FROM catalog_film WHERE id > %s",
    ),
    "catalog_person": (
        "INSERT INTO catalog_search_name(rowid, label) "
        "SELECT id * 4 + 2, name FROM catalog_person WHERE id > %s",
    ),
    "catalog_credit": (
        "INSERT INTO catalog_search_name(rowid, label) "
        "SELECT id * 4 + 3, character FROM catalog_credit "
        "WHERE character <> '' AND id > %s",
    ),
}
# On an update that sets one of the columns named: for the rows whose ids are
# in the JSON list given, the old text out of the index before the update (a
# contentless FTS5 table forgets a row only when told its text, migration
# 0007), then the new text in after it.
_IDS = "IN (SELECT value FROM json_each(%s))"
SEARCH_ON_UPDATE: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {
    "catalog_film": (
        frozenset({"title", "plot"}),
        (
            "INSERT INTO catalog_search_name(catalog_search_name, rowid, label) "
            f"SELECT 'delete', id * 4 + 1, title FROM catalog_film WHERE id {_IDS}",
            "INSERT INTO catalog_search_plot(catalog_search_plot, rowid, title, plot) "
            f"SELECT 'delete', id, title, plot FROM catalog_film WHERE id {_IDS}",
        ),
        (
            "INSERT INTO catalog_search_name(rowid, label) "
            f"SELECT id * 4 + 1, title FROM catalog_film WHERE id {_IDS}",
            "INSERT INTO catalog_search_plot(rowid, title, plot) "
            f"SELECT id, title, plot FROM catalog_film WHERE id {_IDS}",
        ),
    ),
    "catalog_credit": (
        frozenset({"character"}),
        (
            "INSERT INTO catalog_search_name(catalog_search_name, rowid, label) "
            "SELECT 'delete', id * 4 + 3, character FROM catalog_credit "
            f"WHERE character <> '' AND id {_IDS}",
        ),
        (
            "INSERT INTO catalog_search_name(rowid, label) "
            "SELECT id * 4 + 3, character FROM catalog_credit "
            f"WHERE character <> '' AND id {_IDS}",
        ),
    ),
}

# Field types whose conversion for the database leaves a value of this type as it is.
_AS_STORED: dict[str, type] = {
    "CharField": str,
    "SlugField": str,
    "TextField": str,
    "IntegerField": int,
    "SmallIntegerField": int,
    "BigIntegerField": int,
    "PositiveIntegerField": int,
    "PositiveSmallIntegerField": int,
    "PositiveBigIntegerField": int,
    "FloatField": float,
}


class PendingRows:
    """New rows and changed fields, kept until ``flush`` writes them in bulk.

    ``order`` lists the models so that every model comes after the models its
    foreign keys point to. Rows that the import keeps using (films, people)
    are model instances and get their primary keys when written; the many
    rows nothing reads back (credits, links) are plain values, where a model
    instance stands for its primary key.
    """

    def __init__(self, order: Sequence[type[Model]]) -> None:
        self.order = tuple(order)
        self.new: dict[type[Model], list[Model]] = defaultdict(list)
        self.values: dict[tuple[type[Model], tuple[str, ...]], list[tuple]] = (
            defaultdict(list)
        )
        self.changed: dict[int, tuple[Model, set[str]]] = {}
        self.films: set[int] = set()

    def add(self, *rows: Model, film: Model | None = None) -> None:
        """Keep new rows for the next flush; ``film`` is the film they describe."""
        for row in rows:
            self.new[type(row)].append(row)
        self._mark(film)

    def add_values(
        self,
        model: type[Model],
        fields: tuple[str, ...],
        rows: Iterable[tuple],
        film: Model | None = None,
    ) -> None:
        """Keep new rows given as the values of ``fields``, as stored."""
        rows = list(rows)
        if rows:
            self.values[model, fields].extend(rows)
        self._mark(film)

    def update(self, row: Model, fields: set[str], film: Model | None = None) -> None:
        """Write these fields of a stored row at the next flush.

        A row still waiting to be inserted is written with all its values then.
        """
        self._mark(film)
        if row.pk is None:
            return
        _, names = self.changed.setdefault(id(row), (row, set()))
        names.update(fields)

    def waits_for(self, film: Model) -> bool:
        """Whether rows of this film (or the film itself) are not yet written."""
        return id(film) in self.films

    def flush(self) -> None:
        """Write every pending row and change, then start empty."""
        unknown = {*self.new, *(model for model, _ in self.values)} - set(self.order)
        if unknown:
            names = sorted(model.__name__ for model in unknown)
            raise ValueError(f"no write order for {names}")
        for model in self.order:
            rows = self.new.pop(model, [])
            values = {
                f: self.values.pop((m, f)) for m, f in list(self.values) if m is model
            }
            if not rows and not values:
                continue
            count = len(rows) + sum(map(len, values.values()))
            with _search_indexed(model), _indexes_built_after(model, count):
                if rows:
                    insert_instances(model, rows)
                for fields, stored in values.items():
                    insert_values(model, fields, _with_keys(model, fields, stored))
        for (model, changed), rows in _by_fields(self.changed.values()).items():
            with _search_reindexed(model, changed, rows):
                update_rows(model, sorted(changed), rows)
        self.changed.clear()
        self.films.clear()

    def _mark(self, film: Model | None) -> None:
        if film is not None:
            self.films.add(id(film))


M = TypeVar("M", bound=Model)


def concrete_field(model: type[Model], name: str) -> Field:
    """The model's field of this name that has a column (not a reverse relation)."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{model.__name__}.{name} has no column")
    return field


def column(model: type[Model], name: str) -> str:
    """The database column of the model's field of this name."""
    field = concrete_field(model, name)
    if field.column is None:
        raise TypeError(f"{model.__name__}.{name} has no column")
    return field.column


@cache
def link_table(model: type[Model], name: str) -> tuple[type[Model], tuple[str, str]]:
    """The link table of a many-to-many field, and its fields (this side, the other).

    Its rows are written as plain values, like every other table's. Asked
    for three times a film, so remembered.
    """
    field = model._meta.get_field(name)
    through = getattr(field.remote_field, "through", None)
    if not isinstance(field, ManyToManyField) or through is None:
        raise TypeError(f"{model.__name__}.{name} is not a many-to-many field")
    return through, (field.m2m_field_name(), field.m2m_reverse_field_name())


def pk_column(model: type[Model]) -> str:
    """The database column of the model's primary key."""
    return column(model, model._meta.pk.name)


def row_maker(model: type[M], *names: str) -> Callable[..., M]:
    """Return a function that makes new, unsaved instances from the values of
    ``names``, in that order, with the other fields' defaults.

    Model.__init__ looks up every field and sends two signals for each row;
    for the 60,000 people and 9,400 films of an import that was most of a
    second, and asking the signals for listeners on every row still a third
    of one. A model whose instances something listens to on creation, or
    with a relation left to its default, is built the ORM's way. The
    listeners are asked when the maker is made: make one per import.
    """
    pk, fields = _row_fields(model)
    unknown = sorted(set(names) - fields.keys())
    if unknown:
        raise TypeError(f"{model.__name__} has no field {unknown[0]!r}")
    missing = [field for name, field in fields.items() if name not in names]
    if (
        pre_init.has_listeners(model)
        or post_init.has_listeners(model)
        or any(field.is_relation for field in missing)
    ):
        return lambda *values: model(**dict(zip(names, values, strict=True)))
    # A default that is a function (dict, a clock) gives each row its own value.
    fresh = [f for f in missing if f.has_default() and callable(f.default)]
    fixed = {pk: None} | {f.attname: f.get_default() for f in missing if f not in fresh}
    new, state = Model.__new__, ModelState

    def make(*values: object) -> M:
        row = new(model)
        row._state = state()
        stored = row.__dict__
        stored.update(fixed)
        stored.update(zip(names, values, strict=True))
        for field in fresh:
            stored[field.attname] = field.get_default()
        return row

    return make


@cache
def _row_fields(model: type[Model]) -> tuple[str, dict[str, Field]]:
    """The model's primary key and its other fields by attribute name."""
    fields = model._meta.concrete_fields
    return model._meta.pk.attname, {f.attname: f for f in fields if not f.primary_key}


@contextmanager
def roomy_page_cache(kibibytes: int = 64 * 1024) -> Iterator[None]:
    """Give SQLite a larger page cache while an import writes, then the old size.

    New people and credits go into unique indexes all over their pages; with
    SQLite's default cache of 2 MiB most of those pages are read again and
    again.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (size,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(kibibytes)}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(size)}")


def _by_fields(
    changes: Iterable[tuple[Model, set[str]]],
) -> dict[tuple[type[Model], frozenset[str]], list[Model]]:
    """Group changed rows by model and field set: one bulk update per group."""
    groups: dict[tuple[type[Model], frozenset[str]], list[Model]] = defaultdict(list)
    for row, fields in changes:
        groups[type(row), frozenset(fields)].append(row)
    return groups


def insert_instances(model: type[Model], rows: list[Model]) -> None:
    """Insert model instances and give each its primary key.

    bulk_create costs several times what the database does per row, which
    for sixty thousand people is seconds; a model with a unique slug is
    inserted as plain values instead, and its new rows' keys read back by
    slug. The values go through the fields as in the ORM's own insert
    (auto_now times, JSON, dates).
    """
    meta = model._meta
    if not any(field.name == "slug" and field.unique for field in meta.fields):
        model._default_manager.bulk_create(rows)
        return
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    columns = [_stored_column(field, rows) for field in fields]
    stored = list(zip(*columns, strict=True))
    last = _last_id(model)
    insert_values(model, tuple(field.name for field in fields), stored)
    by_slug = {row.slug: row for row in rows}  # type: ignore[attr-defined]
    quote = connection.ops.quote_name
    pk, slugs = quote(pk_column(model)), quote(column(model, "slug"))
    # Looked up once: for sixty thousand rows, each look-up through the
    # connection proxy and the pk property added up to a third of a second.
    attname, alias = meta.pk.attname, connection.alias
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {pk}, {slugs} FROM {quote(meta.db_table)} WHERE {pk} > %s", [last]
        )
        for key, slug in cursor.fetchall():
            row = by_slug.get(slug)
            if row is not None:
                setattr(row, attname, key)
                row._state.adding = False
                row._state.db = alias


def _stored_column(field: Field, rows: list[Model]) -> list:
    """Return a field's values for new rows as the ORM's insert would store them.

    The ORM converts every value through its field. A time set on saving
    (auto_now) is taken once for all the rows written together, as an
    UPDATE of many rows does; a string in a text field or an int in an
    integer field is stored as it is; only other values (dates, JSON) pay
    for the conversion.
    """
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        moment = field.pre_save(rows[0], True)
        for row in rows:
            setattr(row, field.attname, moment)
        return [field.get_db_prep_save(moment, connection)] * len(rows)
    if type(field).pre_save is not Field.pre_save:
        return [
            field.get_db_prep_save(field.pre_save(r, True), connection) for r in rows
        ]
    plain = _AS_STORED.get(field.get_internal_type())
    values = list(map(attrgetter(field.attname), rows))
    if set(map(type, values)) <= {plain, _NULL}:
        return values  # the types are checked together, outside Python's loop
    return [
        value
        if value is None or type(value) is plain
        else field.get_db_prep_save(value, connection)
        for value in values
    ]


def _with_keys(
    model: type[Model], fields: tuple[str, ...], rows: list[tuple]
) -> list[tuple]:
    """Return the rows with each related instance replaced by the key it stores.

    The instances are written by now: their tables come first in the order.
    The rows are rebuilt column by column, which keeps the loop out of Python.
    """
    columns = []
    for position, name in enumerate(fields):
        field = concrete_field(model, name)
        values = map(itemgetter(position), rows)
        if isinstance(field, ForeignKey):
            values = map(attrgetter(field.target_field.attname), values)
        columns.append(values)
    return list(zip(*columns, strict=True))


def _last_id(model: type[Model]) -> int:
    """The largest primary key in the model's table, 0 when it is empty."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(pk_column(model))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")
        return cursor.fetchone()[0]


def insert_values(
    model: type[Model], fields: tuple[str, ...], rows: Sequence[Sequence]
) -> None:
    """Insert rows of stored values, on SQLite with one statement for them all.

    The ORM's bulk_create costs several times what the database does per
    row; for a hundred thousand credits that is seconds. Run once a row,
    an INSERT also pays each time for starting, for its bound values and
    for AUTOINCREMENT's counter: SQLite takes the rows as one JSON array
    instead, where JSON keeps every value as it is.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column(model, name)) for name in fields)
    table = quote(meta.db_table)
    array = _json_rows(rows) if connection.vendor == "sqlite" else None
    with connection.cursor() as cursor:
        if array is None:
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            cursor.executemany(sql, rows)
            return
        values = ", ".join(f"value ->> {index}" for index in range(len(fields)))
        sql = f"INSERT INTO {table} ({columns}) SELECT {values} FROM json_each(%s)"
        cursor.execute(sql, [array])


# SQLite reads back from JSON exactly what would have been bound for text
# and for 64-bit whole numbers (and null). Anything else takes the bound
# path: a float, whose digits SQLite's parser may round otherwise than
# Python's, a bool, bytes, and text with NUL (which JSON escapes). So do rows
# of long text: a film's rows with their plots took longer to read from JSON
# than to bind, where names, keys and parts gain.
_JSON_KINDS = frozenset({str, int})
_NULL = type(None)
_ROW_BYTES = 1000


def _json_rows(rows: Sequence[Sequence]) -> str | None:
    """The rows as one JSON array, or None when JSON would change a value.

    Text, not bytes: bytes are bound as a BLOB, which SQLite 3.45 and later
    read as its binary JSONB.
    """
    if not rows:
        return None
    # Column by column; zip(*rows) over a hundred thousand rows takes longer.
    for index in range(len(rows[0])):
        values = list(map(itemgetter(index), rows))
        kinds = set(map(type, values))
        if not kinds - {_NULL} <= _JSON_KINDS:
            return None
        if int in kinds:
            numbers = (
                values if kinds == {int} else [v for v in values if type(v) is int]
            )
            if min(numbers) < -(2**63) or max(numbers) >= 2**63:
                return None
    try:
        array = msgspec.json.encode(rows)
    except (msgspec.EncodeError, UnicodeEncodeError):  # a lone surrogate
        return None
    if b"\\u0000" in array or len(array) > _ROW_BYTES * len(rows):
        return None
    return array.decode()


def linked_keys(link: type[Model], own: str, other: str, key: int) -> set:
    """Return what a row is linked to through a link table: the other column's keys.

    One plain query; the ORM's related manager costs a millisecond a film to
    build its query.
    """
    quote = connection.ops.quote_name
    own_column, other_column = column(link, own), column(link, other)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(other_column)} FROM {quote(link._meta.db_table)} "
            f"WHERE {quote(own_column)} = %s",
            [key],
        )
        return {linked for (linked,) in cursor.fetchall()}


def update_rows(model: type[Model], fields: list[str], rows: list[Model]) -> None:
    """Write these fields of stored rows with one UPDATE run for every row.

    bulk_update builds a CASE expression per field and row, which costs more
    than the updates; the values are converted by their fields all the same.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [concrete_field(model, name) for name in fields]
    assignments = ", ".join(f"{quote(column(model, name))} = %s" for name in fields)
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {assignments} "
        f"WHERE {quote(pk_column(model))} = %s"
    )
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


@contextmanager
def _search_indexed(model: type[Model]) -> Iterator[None]:
    """Insert rows with the table's search trigger dropped, then index them at once.

    The rows inserted inside are those with ids above the largest before: the
    import's transaction holds SQLite's write lock, and ids only grow.
    """
    table = model._meta.db_table
    trigger = _search_trigger(table, "ai") if table in SEARCH_ON_INSERT else None
    if trigger is None:
        yield
        return
    last = _last_id(model)
    with _dropped(trigger) as cursor:
        yield
        for statement in SEARCH_ON_INSERT[table]:
            cursor.execute(statement, [last])


# Fewer new rows than this are inserted with the indexes kept: dropping and
# creating them again costs more than it spares.
_REBUILD_FROM = 1000


@contextmanager
def _indexes_built_after(model: type[Model], count: int) -> Iterator[None]:
    """Insert ``count`` rows with the table's plain indexes dropped, then build
    them again, when the rows at least double the table.

    SQLite keeps an index by inserting each new row into its B-tree, page by
    page across the whole index; built after, it sorts the rows once. A new
    catalogue's 120,000 credits took 0.57 to 1.00 CPU s with their person_id
    index against 0.46 to 0.81 s with it built after (test script, six
    rounds). Only indexes that enforce nothing: unique ones stay and still
    refuse a duplicate as each row goes in. Dropped and built inside the
    import's transaction, the index is built again even when an insert fails.
    """
    table = model._meta.db_table
    if (
        connection.vendor != "sqlite"
        or count < _REBUILD_FROM
        or count < _last_id(model)
    ):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = %s AND sql NOT LIKE 'CREATE UNIQUE %%' ORDER BY name",
            [table],
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        try:
            yield
        finally:
            for _name, sql in indexes:
                cursor.execute(sql)


@contextmanager
def _search_reindexed(
    model: type[Model], fields: frozenset[str], rows: list[Model]
) -> Iterator[None]:
    """Update rows with the table's search trigger dropped: their old text out
    of the index before, their new text in after."""
    table = model._meta.db_table
    columns, forget, index = SEARCH_ON_UPDATE.get(table, (frozenset(), (), ()))
    trigger = _search_trigger(table, "au") if columns & fields else None
    if trigger is None:
        yield
        return
    ids = json.dumps([row.pk for row in rows])
    with _dropped(trigger) as cursor:
        for statement in forget:
            cursor.execute(statement, [ids])
        yield
        for statement in index:
            cursor.execute(statement, [ids])


@contextmanager
def _dropped(trigger: tuple[str, str]) -> Iterator[CursorWrapper]:
    """Drop a trigger for the statements inside, then create it from its SQL again."""
    name, sql = trigger
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TRIGGER "{name}"')
        try:
            yield cursor
        finally:
            cursor.execute(sql)


def _search_trigger(table: str, event: str) -> tuple[str, str] | None:
    """Return the name and SQL of a search trigger ("ai", "au") of a table.

    None off SQLite, or when the trigger is not there: then nothing is paused.
    """
    if connection.vendor != "sqlite":
        return None
    name = f"{table}_search_{event}"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            [name],
        )
        found = cursor.fetchone()
    return (name, found[0]) if found else None
