"""Writing imported records into the catalogue: merge, never duplicate, all or nothing.

Records from different sources for the same film are merged. Each field
remembers which source set it; a source fills what is empty and overwrites
only what it set itself, so importing the same file twice changes nothing and
a corrected file updates its own facts without clobbering another source's.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from plotguide.catalog.bulk import (
    PendingRows,
    link_table,
    linked_keys,
    roomy_page_cache,
    row_maker,
)
from plotguide.catalog.importers.records import (
    CAST,
    CreditRecord,
    FilmRecord,
    Location,
    Rejection,
)
from plotguide.catalog.joins import (
    EXTERNAL_IDS,
    JoinDecision,
    decide,
    detach_source,
    plot_digest,
)
from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    Genre,
    HeldJoin,
    Keyword,
    NamedEntity,
    Person,
    PostCredits,
    Studio,
    added_key,
    unique_slug,
)
from plotguide.catalog.naming import title_key
from plotguide.catalog.records_json import record_from_json, record_to_json
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
RELATIONS = ("studios", "genres", "keywords")
CREDIT_FIELDS = ("film", "person", "role", "character", "order", "source")
# Records decided between two bulk writes: bounds the rows held in memory.
FLUSH_EVERY = 5000


@dataclass
class ImportReport:
    """What an import did, row by row where something went wrong."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    held: list[Rejection] = field(default_factory=list)
    detached: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    def summary(self) -> str:
        text = (
            f"{self.added:,} added, {self.updated:,} updated, "
            f"{self.skipped:,} skipped, {self.rejected_count:,} rejected"
        )
        if self.held:
            text += f", {len(self.held):,} held for editors"
        if self.detached:
            text += f", {len(self.detached):,} earlier joins undone"
        return text


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

    def decide(
        self, record: FilmRecord, namesakes: tuple[FilmRecord, ...] = ()
    ) -> JoinDecision:
        """Decide which film the record describes (plotguide.catalog.joins)."""
        same_title = self.by_title.get(title_key(record.title), [])
        return decide(record, self.by_external, same_title, namesakes)

    def candidates(self, record: FilmRecord) -> list[Film]:
        """Return the films ``decide`` may look at for this record."""
        known = (
            self.by_external.get((name, getattr(record, name))) for name in EXTERNAL_IDS
        )
        return [*self.by_title.get(title_key(record.title), []), *filter(None, known)]

    def forget(self, film: Film, name: str) -> None:
        """Drop an external id that a detached source had given the film."""
        for key, indexed in list(self.by_external.items()):
            if key[0] == name and indexed == film:
                del self.by_external[key]


class NameCache:
    """Named rows (studios, genres, keywords) by key, created on first use.

    New rows wait in ``pending`` until the import writes in bulk.
    """

    def __init__(self, model: type[NamedEntity], pending: PendingRows) -> None:
        self.model = model
        self.pending = pending
        self.keys: dict[str, str] = {}
        self.new_row = row_maker(model, "name", "key", "slug")

    def key_for(self, name: str) -> str:
        """The model's key_for, remembered: a keyword recurs in film after film."""
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = self.model.key_for(name)
        return key

    @cached_property
    def rows(self) -> dict[str, NamedEntity]:
        """The stored rows by key, read when first needed (many files name none)."""
        return {row.key: row for row in self.model.objects.all()}

    @cached_property
    def slugs(self) -> set[str]:
        return {row.slug for row in self.rows.values()}

    def get_many(self, names: Iterable[str]) -> list[NamedEntity]:
        """Return a row per name, creating the missing ones."""
        keyed = [(self.key_for(name), name.strip()) for name in names]
        for key, name in keyed:
            if key not in self.rows:
                slug = unique_slug(self.model, name, taken=self.slugs)
                self.rows[key] = self.new_row(name, key, slug)
                self.pending.add(self.rows[key])
        return [self.rows[key] for key, _ in keyed]


class PeopleCache:
    """People by TMDB id and by name: one person per external id.

    A credit with a TMDB id is that id's person, never a namesake's; a
    credit without one joins the person of that exact name key, if any. New
    people and claimed ids wait in ``pending`` until the import writes in bulk.
    """

    def __init__(self, pending: PendingRows) -> None:
        self.pending = pending
        self.keys: dict[str, str] = {}
        self.new_person = row_maker(Person, "name", "key", "slug", "tmdb_id")

    @cached_property
    def by_key(self) -> dict[str, Person]:
        """The stored people by key, read when first needed (plots name none)."""
        return {person.key: person for person in Person.objects.all()}

    @cached_property
    def by_tmdb(self) -> dict[int, Person]:
        return {p.tmdb_id: p for p in self.by_key.values() if p.tmdb_id}

    @cached_property
    def slugs(self) -> set[str]:
        return {person.slug for person in self.by_key.values()}

    def key_for(self, name: str) -> str:
        """Person.key_for, remembered: a name recurs in film after film."""
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = Person.key_for(name)
        return key

    def get_many(self, credits: Iterable[CreditRecord]) -> list[Person]:
        """Return a person per credit, creating the missing ones.

        Called with each of an import's 120,000 credits, so the look-ups are
        bound once, in the loop. A credit with a TMDB id is that id's person,
        or else the person of its name who has no id yet.
        """
        by_tmdb, by_key, key_for = self.by_tmdb, self.by_key, self.key_for
        found: list[Person] = []
        missing: dict[object, Person] = {}
        for credit in credits:
            tmdb_id = credit.tmdb_person_id
            person = by_tmdb.get(tmdb_id) if tmdb_id else None
            if person is None:
                # No person has the id: a person of this name and no id is it.
                person = by_key.get(key_for(credit.name))
                if tmdb_id and person is not None and person.tmdb_id is not None:
                    person = None
            if person is None:
                wanted = tmdb_id or key_for(credit.name)
                person = missing.get(wanted) or self._new(credit)
                missing[wanted] = person
            elif tmdb_id and person.tmdb_id is None:
                person.tmdb_id = tmdb_id
                by_tmdb[tmdb_id] = person
                self.pending.update(person, {"tmdb_id"})
            found.append(person)
        self.pending.add(*missing.values())
        return found

    def _new(self, credit: CreditRecord) -> Person:
        name = credit.name.strip()
        key = self.key_for(name)
        if key in self.by_key:  # people made by this import are there too
            key = f"{key} #{credit.tmdb_person_id}"  # a namesake with its own id
        slug = unique_slug(Person, name, taken=self.slugs)
        person = self.new_person(name, key, slug, credit.tmdb_person_id)
        self.by_key[key] = person
        if person.tmdb_id:
            self.by_tmdb[person.tmdb_id] = person
        return person


def import_records(
    records: Iterable[FilmRecord | Rejection],
    *,
    update_only: bool = False,
    dry_run: bool = False,
    yearless: dict[str, list[FilmRecord]] | None = None,
) -> ImportReport:
    """Write the records in one transaction and report what happened to each.

    With update_only, records of films not yet in the catalogue are skipped,
    which lets a large metadata source enrich a catalogue without growing it.
    """
    report = ImportReport()
    try:
        with transaction.atomic(), roomy_page_cache():
            writer = _Writer(report, update_only=update_only, yearless=yearless)
            for record in records:
                writer.write(record)
            writer.flush()
            if dry_run:
                raise _DryRun
            changed = sorted(writer.changed)
            transaction.on_commit(
                lambda: films_imported.send(sender=Film, slugs=changed)
            )
    except _DryRun:
        pass
    return report


def yearless_by_title(
    records: Iterable[FilmRecord | Rejection],
) -> dict[str, list[FilmRecord]]:
    """Group the records without a year by title key, to spot namesake plots."""
    groups: dict[str, list[FilmRecord]] = defaultdict(list)
    for record in records:
        if isinstance(record, FilmRecord) and record.year is None:
            groups[title_key(record.title)].append(record)
    return {key: group for key, group in groups.items() if len(group) > 1}


def write_order() -> tuple[type[Model], ...]:
    """The catalogue's tables in an order where rows come after what they point to."""
    links = tuple(link_table(Film, name)[0] for name in RELATIONS)
    return (Studio, Genre, Keyword, Person, Film, Credit, *links, Award, PostCredits)


class _Writer:
    """Decides record by record in memory and leaves the rows to write in bulk.

    Decisions read only the in-memory indexes, except the credits a plot
    without a year is checked against; a film with rows still pending is
    written before it is a candidate, so every decision sees what the rows
    before it wrote, as when each row was written at once.
    """

    def __init__(
        self,
        report: ImportReport,
        *,
        update_only: bool,
        yearless: dict[str, list[FilmRecord]] | None = None,
    ) -> None:
        self.report = report
        self.update_only = update_only
        self.yearless = yearless or {}
        self.pending = PendingRows(write_order())
        self.films = FilmIndex()
        self.people = PeopleCache(self.pending)
        self.studios = NameCache(Studio, self.pending)
        self.genres = NameCache(Genre, self.pending)
        self.keywords = NameCache(Keyword, self.pending)
        self.new_film = row_maker(Film, "title", "title_key", "created_by")
        self.held = set(HeldJoin.objects.values_list("source", "plot_digest"))
        # By id(film): a new film has no primary key until it is written.
        self.seen: dict[int, Location] = {}
        self.changed: set[str] = set()
        self.unflushed = 0

    def flush(self) -> None:
        """Write the rows decided so far."""
        self.pending.flush()
        self.unflushed = 0

    def write(self, record: FilmRecord | Rejection) -> None:
        if isinstance(record, Rejection):
            self.report.rejected.append(record)
            return
        self.report.warnings.extend(
            f"{record.location}: {warning}" for warning in record.warnings
        )
        self._flush_for(record)
        decision = self.films.decide(record, self._namesakes(record))
        if record.year is None and not decision.held:
            self._release(record)
        if decision.detach_from is not None:
            self._detach(decision.detach_from, record)
        if decision.ambiguous:
            names = ", ".join(sorted(film.slug for film in decision.ambiguous))
            self.report.rejected.append(
                Rejection(
                    record.location,
                    f"'{record.title}' matches {len(decision.ambiguous)} films "
                    f"({names}); add an external id to choose one",
                )
            )
            return
        if decision.held:
            self._hold(record, decision)
            return
        if decision.film is None:
            if self.update_only:
                self.report.skipped += 1
                return
            self.changed.add(self._create(record))
            self.report.added += 1
            return
        self.apply(decision.film, record)

    def _flush_for(self, record: FilmRecord) -> None:
        """Write the pending rows when the record's decision may read them.

        A candidate film must be in the database: its credits are read, and a
        film not yet written cannot be compared. Every FLUSH_EVERY records the
        rows are written anyway, so the memory an import holds stays bounded.
        """
        self.unflushed += 1
        candidates = self.films.candidates(record)
        if self.unflushed > FLUSH_EVERY or any(map(self.pending.waits_for, candidates)):
            self.flush()

    def _namesakes(self, record: FilmRecord) -> tuple[FilmRecord, ...]:
        if record.year is not None:
            return ()
        same = self.yearless.get(title_key(record.title), ())
        return tuple(other for other in same if other is not record)

    def apply(self, film: Film, record: FilmRecord) -> None:
        """Merge the record into the film it describes."""
        if id(film) in self.seen:
            self.report.rejected.append(
                Rejection(
                    record.location,
                    f"describes the same film as {self.seen[id(film)]} "
                    f"('{film}'); only the first was imported",
                )
            )
            return
        self.seen[id(film)] = record.location
        if self._update(film, record):
            self.changed.add(film.slug)
            self.report.updated += 1
        else:
            self.report.skipped += 1

    def _release(self, record: FilmRecord) -> None:
        """Drop the hold an earlier import put on this record: it is decided now."""
        key = (record.source, plot_digest(record.plot or record.title))
        if key in self.held:
            HeldJoin.objects.filter(source=key[0], plot_digest=key[1]).delete()
            self.held.discard(key)

    def _hold(self, record: FilmRecord, decision: JoinDecision) -> None:
        """Keep the record for an editor, with its candidates; never merge it.

        ``self.held`` knows every stored hold, so a new one is created without
        first looking for it: most holds of an import are new.
        """
        key = (record.source, plot_digest(record.plot or record.title))
        fields = {
            "location": str(record.location),
            "title": record.title,
            "record": record_to_json(record),
            "evidence": decision.evidence,
        }
        if key in self.held:
            held, _ = HeldJoin.objects.update_or_create(
                source=key[0], plot_digest=key[1], defaults=fields
            )
        else:
            held = HeldJoin.objects.create(source=key[0], plot_digest=key[1], **fields)
        held.candidates.set(decision.held)
        self.held.add((held.source, held.plot_digest))
        names = ", ".join(film.slug for film in decision.held)
        self.report.held.append(
            Rejection(
                record.location,
                f"'{record.title}' is held for an editor: it may be {names} "
                f"({decision.evidence})",
            )
        )

    def _detach(self, film: Film, record: FilmRecord) -> None:
        """Give back what an earlier, looser join of this source added to the film."""
        self.flush()
        removed = detach_source(film, record.source, record.genres)
        for name in removed:
            self.films.forget(film, name)
        self.changed.add(film.slug)
        self.report.detached.append(
            f"{record.location}: '{record.title}' is no longer joined to "
            f"{film.slug}; its plot and facts from {record.source} were removed"
        )

    def _create(self, record: FilmRecord) -> str:
        film = self.new_film(record.title, title_key(record.title), record.source)
        taken = self.films.slugs
        film.slug = (
            record.slug
            if record.slug and record.slug not in taken
            else unique_slug(Film, record.title, record.year, taken=taken)
        )
        _apply_fields(film, record)
        self.pending.add(film, film=film)
        self.films.add(film)
        self.seen[id(film)] = record.location
        self._write_relations(film, record, is_new=True)
        return film.slug

    def _update(self, film: Film, record: FilmRecord) -> bool:
        changed = _apply_fields(film, record)
        if changed:
            self._save(film, changed)
            self.films.add(film)
        return self._write_relations(film, record) or bool(changed)

    def _save(self, film: Film, fields: list[str]) -> None:
        """Write what Film.save would: the fields, their sources, title key, time."""
        film.title_key = title_key(film.title)
        film.updated_at = timezone.now()
        names = {*fields, "field_sources", "title_key", "updated_at"}
        self.pending.update(film, names, film=film)

    def _write_relations(
        self, film: Film, record: FilmRecord, *, is_new: bool = False
    ) -> bool:
        """Add what the record says of credits, companies, words and awards.

        A film created by this import has no relations yet, so nothing is
        read back before writing.
        """
        changed = self._write_credits(film, record, is_new=is_new)
        added: dict[str, list[str]] = {}
        for names, cache, name in (
            (record.studios, self.studios, "studios"),
            (record.genres, self.genres, "genres"),
            (record.keywords, self.keywords, "keywords"),
        ):
            rows = self._add_missing(film, name, cache.get_many(names), is_new=is_new)
            if rows and film.created_by != record.source:
                added[name] = [row.key for row in rows]
        if added:
            _remember_additions(film, record.source, added)
            self.pending.update(film, {"field_sources"}, film=film)
            changed = True
        changed |= self._write_awards(film, record, is_new=is_new)
        changed |= self._write_post_credits(film, record, is_new=is_new)
        return bool(changed)

    def _write_credits(self, film: Film, record: FilmRecord, *, is_new: bool) -> bool:
        if not record.credits:
            return False
        existing = (
            {} if is_new else {(c.person_id, c.role): c for c in film.credits.all()}
        )
        new: dict[tuple[int, str], tuple] = {}
        changed = False
        credits = _credits_to_write(
            film, record, is_new=is_new, key_for=self.people.key_for
        )
        people = self.people.get_many(credits)
        for item, person in zip(credits, people, strict=True):
            if (id(person), item.role) in new:
                continue  # the same person again: the first credit stands
            credit = existing.get((person.pk, item.role)) if existing else None
            if credit is None:
                new[id(person), item.role] = (
                    film,
                    person,
                    item.role,
                    item.character,
                    item.order,
                    record.source,
                )
                continue
            owns = credit.source == record.source
            updates: dict[str, str | int] = {}
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
                for name, value in updates.items():
                    setattr(credit, name, value)
                self.pending.update(credit, set(updates), film=film)
                changed = True
        self.pending.add_values(Credit, CREDIT_FIELDS, new.values(), film=film)
        return changed or bool(new)

    def _add_missing(
        self, film: Film, relation: str, rows: list[NamedEntity], *, is_new: bool
    ) -> list[NamedEntity]:
        """Link the rows the film's relation lacks; return them."""
        if not rows:
            return []
        through, names = link_table(Film, relation)
        present = set() if is_new else linked_keys(through, *names, film.pk)
        missing = [row for row in _distinct(rows) if row.pk not in present]
        links = ((film, row) for row in missing)
        self.pending.add_values(through, names, links, film=film)
        return missing

    def _write_awards(self, film: Film, record: FilmRecord, *, is_new: bool) -> bool:
        """Add the record's award lines; a line this source wrote takes its counts."""
        if not record.awards:
            return False
        lines = (
            {}
            if is_new
            else {(a.ceremony, a.category, a.outcome): a for a in film.awards.all()}
        )
        changed = False
        for item in record.awards:
            key = (item.ceremony, item.category, item.outcome)
            award = lines.get(key)
            if award is None:
                lines[key] = Award(
                    film=film,
                    ceremony=item.ceremony,
                    category=item.category,
                    outcome=item.outcome,
                    year=item.year,
                    count=item.count,
                    source=record.source,
                )
                self.pending.add(lines[key], film=film)
                changed = True
            elif award.source == record.source and (award.count, award.year) != (
                item.count,
                item.year,
            ):
                award.count, award.year = item.count, item.year
                self.pending.update(award, {"count", "year"}, film=film)
                changed = True
        return changed

    def _write_post_credits(
        self, film: Film, record: FilmRecord, *, is_new: bool
    ) -> bool:
        item = record.post_credits
        if item is None:
            return False
        current = None if is_new else PostCredits.objects.filter(film=film).first()
        if current is None:
            self.pending.add(
                PostCredits(
                    film=film,
                    kind=item.kind,
                    description=item.description,
                    source=item.source or record.source,
                ),
                film=film,
            )
            return True
        if current.source != (item.source or record.source):
            return False
        if (current.kind, current.description) == (item.kind, item.description):
            return False
        current.kind, current.description = item.kind, item.description
        self.pending.update(current, {"kind", "description"}, film=film)
        return True


def _distinct(rows: list[NamedEntity]) -> list[NamedEntity]:
    """The rows without repeats, in order; a new row cannot be hashed yet."""
    return list({id(row): row for row in rows}.values())


def _credits_to_write(
    film: Film,
    record: FilmRecord,
    *,
    is_new: bool,
    key_for: Callable[[str], str],
) -> list[CreditRecord]:
    """Return the record's credits that belong on the film's credit list.

    A cast listed without billing order (Wikidata's, alphabetical) is not
    mixed into a billed cast from another source: it would put crew and
    archive footage ("Anatoly Sagalevich") above the leads. A director or
    writer is in the cast only with a credited part, as a cameo. People are
    compared by ``key_for`` (PeopleCache.key_for: Person.key_for, remembered).
    """
    merged = _one_credit_per_role(record.credits, key_for)
    crew = {person for person, role in merged if role != CAST}
    credits = [
        credit
        for (person, role), credit in merged.items()
        if role != CAST or credit.character or person not in crew
    ]
    unbilled = all(c.order is None for c in credits if c.role == CAST)
    if unbilled and not is_new:
        billed = film.credits.filter(role=CAST).exclude(order=None)
        if billed.exclude(source=record.source).exists():
            credits = [c for c in credits if c.role != CAST]
    return credits


def _one_credit_per_role(
    credits: tuple[CreditRecord, ...], key_for: Callable[[str], str]
) -> dict[tuple[str, str], CreditRecord]:
    """Merge a person's repeated credits in one role into one, characters joined;
    return them in order by the person's key and the role.

    TMDB lists an actor twice when they voice or play two characters; the
    catalogue keeps one credit per person and role, so "Eddie / Narrator".
    The keys go back with the credits: the caller compares people by them.
    """
    merged: dict[tuple[str, str], CreditRecord] = {}
    for item in credits:
        key = (key_for(item.name), item.role)
        first = merged.setdefault(key, item)
        if (
            first is not item
            and item.character
            and item.character not in first.character.split(" / ")
        ):
            character = " / ".join(filter(None, (first.character, item.character)))
            merged[key] = replace(first, character=character)
    return merged


def _apply_fields(film: Film, record: FilmRecord) -> list[str]:
    """Set the fields this source may set; return the names of those changed."""
    sources = dict(film.field_sources or {})
    changed = []
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
            changed.append(name)
    if changed:
        film.field_sources = sources
    return changed


def _remember_additions(film: Film, source: str, added: dict[str, list[str]]) -> None:
    """Note what a joining source added, so undoing the join removes just that."""
    sources = dict(film.field_sources or {})
    for relation, keys in added.items():
        key = added_key(relation, source)
        sources[key] = sorted({*sources.get(key, []), *keys})
    film.field_sources = sources


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


def resolve_held_join(held: HeldJoin, film: Film | None) -> ImportReport:
    """Apply a held record as an editor decided: into ``film``, or as its own film."""
    record = record_from_json(held.record)
    report = ImportReport()
    with transaction.atomic():
        writer = _Writer(report, update_only=False)
        if film is None:
            writer.changed.add(writer._create(record))
            report.added += 1
        else:
            writer.apply(film, record)
        writer.flush()
        held.delete()
        changed = sorted(writer.changed)
        transaction.on_commit(lambda: films_imported.send(sender=Film, slugs=changed))
    return report
