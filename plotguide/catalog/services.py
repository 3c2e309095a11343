"""Writing imported records into the catalogue: merge, never duplicate, all or nothing.

Records from different sources for the same film are merged. Each field
remembers which source set it; a source fills what is empty and overwrites
only what it set itself, so importing the same file twice changes nothing and
a corrected file updates its own facts without clobbering another source's.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction

from plotguide.catalog.importers.records import (
    CreditRecord,
    FilmRecord,
    Location,
    Rejection,
)
from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    Genre,
    Keyword,
    NamedEntity,
    Person,
    PostCredits,
    Studio,
    unique_slug,
)
from plotguide.catalog.naming import name_key, title_key
from plotguide.catalog.signals import films_imported

logger = logging.getLogger(__name__)

SCALAR_FIELDS = (
    "year",
    "release_date",
    "runtime_minutes",
    "origin",
    "overview",
    "vote_average",
    "vote_count",
    "popularity",
    "imdb_id",
    "tmdb_id",
    "wikipedia_id",
)
PLOT_FIELDS = ("plot", "plot_source_url", "plot_licence")


@dataclass
class ImportReport:
    """What an import did, row by row where something went wrong."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    def summary(self) -> str:
        return (
            f"{self.added:,} added, {self.updated:,} updated, "
            f"{self.skipped:,} skipped, {self.rejected_count:,} rejected"
        )


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class FilmIndex:
    """The catalogue's films by title key and external id, in memory for one import."""

    def __init__(self) -> None:
        self.by_title: dict[str, list[Film]] = defaultdict(list)
        self.by_external: dict[tuple[str, object], Film] = {}
        self.slugs: set[str] = set()
        for film in Film.objects.all():
            self.add(film)

    def add(self, film: Film) -> None:
        self.slugs.add(film.slug)
        if film not in self.by_title[film.title_key]:
            self.by_title[film.title_key].append(film)
        for name in ("tmdb_id", "wikipedia_id", "imdb_id"):
            value = getattr(film, name)
            if value:
                self.by_external[(name, value)] = film

    def matching(self, record: FilmRecord) -> list[Film]:
        """Return the films this record merges into.

        An external id (TMDB, Wikipedia, IMDb) decides first. Otherwise a record
        with a year matches the film of the same title and year, or failing that
        the only film of that title whose year is unknown; a record without a
        year matches every film of its title, and more than one is ambiguous:
        the caller rejects it rather than guess.
        """
        for name in ("tmdb_id", "wikipedia_id", "imdb_id"):
            value = getattr(record, name)
            if value and (name, value) in self.by_external:
                return [self.by_external[(name, value)]]
        same_title = self.by_title.get(title_key(record.title), [])
        if record.year is None:
            return list(same_title)
        exact = [film for film in same_title if film.year == record.year]
        return exact or [film for film in same_title if film.year is None]


class NameCache:
    """Named rows (people, studios, genres, keywords) by key, created on first use."""

    def __init__(self, model: type[NamedEntity]) -> None:
        self.model = model
        self.rows = {row.key: row for row in model.objects.all()}
        self.slugs = {row.slug for row in self.rows.values()}

    def get(self, name: str) -> NamedEntity:
        return self.get_many([name])[0]

    def get_many(self, names: Iterable[str]) -> list[NamedEntity]:
        """Return a row per name, creating the missing ones in one insert."""
        keyed = [(name_key(name), name.strip()) for name in names]
        missing = {}
        for key, name in keyed:
            if key not in self.rows and key not in missing:
                slug = unique_slug(self.model, name, taken=self.slugs)
                missing[key] = self.model(name=name, key=key, slug=slug)
        if missing:
            for row in self.model.objects.bulk_create(missing.values()):
                self.rows[row.key] = row
        return [self.rows[key] for key, _ in keyed]


def import_records(
    records: Iterable[FilmRecord | Rejection],
    *,
    update_only: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Write the records in one transaction and report what happened to each.

    With update_only, records of films not yet in the catalogue are skipped,
    which lets a large metadata source enrich a catalogue without growing it.
    """
    report = ImportReport()
    try:
        with transaction.atomic():
            writer = _Writer(report, update_only=update_only)
            for record in records:
                writer.write(record)
            if dry_run:
                raise _DryRun
            changed = sorted(writer.changed)
            transaction.on_commit(
                lambda: films_imported.send(sender=Film, slugs=changed)
            )
    except _DryRun:
        pass
    return report


class _Writer:
    def __init__(self, report: ImportReport, *, update_only: bool) -> None:
        self.report = report
        self.update_only = update_only
        self.films = FilmIndex()
        self.people = NameCache(Person)
        self.studios = NameCache(Studio)
        self.genres = NameCache(Genre)
        self.keywords = NameCache(Keyword)
        self.seen: dict[int, Location] = {}
        self.changed: set[str] = set()

    def write(self, record: FilmRecord | Rejection) -> None:
        if isinstance(record, Rejection):
            self.report.rejected.append(record)
            return
        self.report.warnings.extend(
            f"{record.location}: {warning}" for warning in record.warnings
        )
        matches = self.films.matching(record)
        if len(matches) > 1:
            names = ", ".join(sorted(film.slug for film in matches))
            self.report.rejected.append(
                Rejection(
                    record.location,
                    f"'{record.title}' has no year and matches {len(matches)} films "
                    f"({names}); add the year to choose one",
                )
            )
            return
        if not matches:
            if self.update_only:
                self.report.skipped += 1
                return
            self.changed.add(self._create(record))
            self.report.added += 1
            return
        film = matches[0]
        if film.pk in self.seen:
            self.report.rejected.append(
                Rejection(
                    record.location,
                    f"describes the same film as {self.seen[film.pk]} "
                    f"('{film}'); only the first was imported",
                )
            )
            return
        self.seen[film.pk] = record.location
        if self._update(film, record):
            self.changed.add(film.slug)
            self.report.updated += 1
        else:
            self.report.skipped += 1

    def _create(self, record: FilmRecord) -> str:
        film = Film(title=record.title)
        taken = self.films.slugs
        film.slug = (
            record.slug
            if record.slug and record.slug not in taken
            else unique_slug(Film, record.title, record.year, taken=taken)
        )
        _apply_fields(film, record)
        film.save()
        self.films.add(film)
        self.seen[film.pk] = record.location
        self._write_relations(film, record, is_new=True)
        return film.slug

    def _update(self, film: Film, record: FilmRecord) -> bool:
        changed = _apply_fields(film, record)
        if changed:
            film.save()
            self.films.add(film)
        return self._write_relations(film, record) or changed

    def _write_relations(
        self, film: Film, record: FilmRecord, *, is_new: bool = False
    ) -> bool:
        """Add what the record says of credits, companies, words and awards.

        A film created by this import has no relations yet, so nothing is
        read back before writing.
        """
        changed = self._write_credits(film, record, is_new=is_new)
        for names, cache, relation in (
            (record.studios, self.studios, film.studios),
            (record.genres, self.genres, film.genres),
            (record.keywords, self.keywords, film.keywords),
        ):
            rows = cache.get_many(names)
            changed |= _add_missing(relation, rows, is_new=is_new)
        changed |= _write_awards(film, record)
        changed |= _write_post_credits(film, record)
        return changed

    def _write_credits(self, film: Film, record: FilmRecord, *, is_new: bool) -> bool:
        if not record.credits:
            return False
        existing = (
            {} if is_new else {(c.person_id, c.role): c for c in film.credits.all()}
        )
        new: list[Credit] = []
        changed = False
        credits = _one_credit_per_role(record.credits)
        people = self.people.get_many(item.name for item in credits)
        for item, person in zip(credits, people, strict=True):
            credit = existing.get((person.pk, item.role))
            if credit is None:
                credit = Credit(
                    film=film,
                    person=person,
                    role=item.role,
                    character=item.character,
                    order=item.order,
                    source=record.source,
                )
                existing[(person.pk, item.role)] = credit
                new.append(credit)
                continue
            owns = credit.source == record.source
            updates = {}
            if item.character and (owns or not credit.character):
                updates["character"] = item.character
            if item.order is not None and (owns or credit.order is None):
                updates["order"] = item.order
            updates = {
                name: value
                for name, value in updates.items()
                if getattr(credit, name) != value
            }
            if updates and credit.pk:
                Credit.objects.filter(pk=credit.pk).update(**updates)
                for name, value in updates.items():
                    setattr(credit, name, value)
                changed = True
        Credit.objects.bulk_create(new)
        return changed or bool(new)


def _one_credit_per_role(credits: tuple[CreditRecord, ...]) -> list[CreditRecord]:
    """Merge a person's repeated credits in one role into one, characters joined.

    TMDB lists an actor twice when they voice or play two characters; the
    catalogue keeps one credit per person and role, so "Eddie / Narrator".
    """
    merged: dict[tuple[str, str], CreditRecord] = {}
    for item in credits:
        key = (name_key(item.name), item.role)
        first = merged.get(key)
        if first is None:
            merged[key] = item
        elif item.character and item.character not in first.character.split(" / "):
            character = " / ".join(filter(None, (first.character, item.character)))
            merged[key] = replace(first, character=character)
    return list(merged.values())


def _apply_fields(film: Film, record: FilmRecord) -> bool:
    """Set the fields this source may set; return whether anything changed."""
    sources = dict(film.field_sources or {})
    changed = False
    values = {name: getattr(record, name) for name in SCALAR_FIELDS}
    if record.plot:
        values.update(
            plot=record.plot,
            plot_source_url=record.plot_source_url,
            plot_licence=record.plot_licence,
            plot_source_name=record.plot_source or record.source,
        )
    for name, value in values.items():
        if value in (None, ""):
            continue
        current = getattr(film, name)
        may_write = current in (None, "") or sources.get(name) == record.source
        if may_write and current != value:
            setattr(film, name, value)
            sources[name] = record.source
            changed = True
    if changed:
        film.field_sources = sources
    return changed


def _add_missing(relation, rows: list[NamedEntity], *, is_new: bool) -> bool:
    present = set() if is_new else set(relation.values_list("pk", flat=True))
    missing = [row for row in dict.fromkeys(rows) if row.pk not in present]
    if missing:
        relation.add(*missing)
    return bool(missing)


def _write_awards(film: Film, record: FilmRecord) -> bool:
    changed = False
    for item in record.awards:
        award, created = Award.objects.get_or_create(
            film=film,
            ceremony=item.ceremony,
            category=item.category,
            outcome=item.outcome,
            defaults={"year": item.year, "count": item.count, "source": record.source},
        )
        if created:
            changed = True
        elif award.source == record.source and (award.count, award.year) != (
            item.count,
            item.year,
        ):
            award.count, award.year = item.count, item.year
            award.save(update_fields=["count", "year"])
            changed = True
    return changed


def _write_post_credits(film: Film, record: FilmRecord) -> bool:
    item = record.post_credits
    if item is None:
        return False
    current = PostCredits.objects.filter(film=film).first()
    if current is None:
        PostCredits.objects.create(
            film=film,
            kind=item.kind,
            description=item.description,
            source=item.source or record.source,
        )
        return True
    if current.source != (item.source or record.source):
        return False
    if (current.kind, current.description) == (item.kind, item.description):
        return False
    current.kind, current.description = item.kind, item.description
    current.save(update_fields=["kind", "description"])
    return True


def import_collections(collections: list[dict[str, Any]]) -> int:
    """Create or replace the editor-made collections of an exported catalogue."""
    with transaction.atomic():
        for data in collections:
            collection, _ = Collection.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "title": data["title"],
                    "description": data.get("description", ""),
                    "is_published": bool(data.get("is_published")),
                },
            )
            collection.items.all().delete()
            films = Film.objects.in_bulk(data.get("films", []), field_name="slug")
            notes = data.get("notes") or []
            CollectionItem.objects.bulk_create(
                CollectionItem(
                    collection=collection,
                    film=films[slug],
                    position=position,
                    note=notes[position] if position < len(notes) else "",
                )
                for position, slug in enumerate(data.get("films", []))
                if slug in films
            )
    return len(collections)
