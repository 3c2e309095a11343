"""The `themes` component: up to 5 themes from Plotguide's taxonomy, each carried by
two moments of the plot and, where the film has them, its keywords or genres."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from plotguide.engine.compress import MAX_EVENT_WORDS, compress, word_count
from plotguide.engine.doc import Sentence, StoryDoc, Token
from plotguide.engine.film import FilmText
from plotguide.engine.referents import Openings, openings_of
from plotguide.engine.registry import component
from plotguide.engine.story import DERIVED, Line, Theme

MAX_THEMES = 5
# Theme words that carry their theme only with one of these words below them.
SENSE_CUES: dict[str, frozenset[str]] = {"fall": frozenset({"love", "for"})}
THEME_SENTENCE_WORDS = 18
CONNECTIVES = frozenset({
    "again", "also", "and", "besides", "but", "furthermore", "however", "instead",
    "meanwhile", "moreover", "nevertheless", "otherwise", "so", "still", "then",
    "therefore", "thus", "yet",
})  # fmt: skip
# Themes that belong to a kind of film: with genres but no keywords, the
# genres must include one of these words.
GENRE_BOUND: dict[str, tuple[str, ...]] = {
    "vampires": ("horror", "fantasy"),
    "supernatural": ("horror", "fantasy", "mystery", "thriller"),
    "science_fiction": ("sci-fi", "science fiction"),
    "aliens": ("sci-fi", "science fiction"),
    "artificial_life": ("sci-fi", "science fiction"),
    "time": ("sci-fi", "science fiction", "fantasy"),
    "sport": ("sport",),
    "music": ("music",),
    "war": ("war", "history", "action", "adventure", "drama"),
    "heist": ("crime", "thriller", "action", "comedy"),
    "serial_killer": ("crime", "thriller", "horror", "mystery"),
    "murder_mystery": ("crime", "thriller", "mystery", "drama"),
    "espionage": ("thriller", "action", "spy"),
    "disaster": ("action", "thriller", "disaster", "adventure"),
}
# Sentences about the film, not in it ("despite the name, the movie is not
# about ...").
REMARK_LEMMAS = frozenset({"film", "movie", "theme", "story"})
# Genres that name an audience, not a subject: a "Family" film is not about a family.
AUDIENCE_GENRES = frozenset(
    {"family", "family film", "children's", "children's/family", "children's fantasy"}
)
MIN_SCORE = 2.0
EVIDENCE_SENTENCES = 2
# A theme no keyword or genre names needs this much of the plot.
STRONG_SENTENCES = 5
STRONG_WORDS = 3


@dataclass(frozen=True)
class ThemeEntry:
    """One theme of the taxonomy in engine/data/themes.json."""

    id: str
    emoji: str
    name: str
    meaning: str
    triggers: frozenset[str]
    keywords: tuple[str, ...]


@cache
def taxonomy() -> tuple[ThemeEntry, ...]:
    """Return the theme taxonomy shipped with the engine (read once)."""
    text = (
        resources.files("plotguide.engine")
        .joinpath("data/themes.json")
        .read_text(encoding="utf-8")
    )
    return tuple(
        ThemeEntry(
            item["id"],
            item["emoji"],
            item["name"],
            item["meaning"],
            frozenset(item["triggers"]),
            tuple(item["keywords"]),
        )
        for item in json.loads(text)["themes"]
    )


@component("themes", requires=("sentences", "characters"))
def build_themes(doc: StoryDoc) -> StoryDoc:
    """Keep a theme only where the plot carries it and the metadata agrees.

    A theme needs at least two sentences of its own words (a word of a name,
    "Half-Blood Prince", is not one), and, where the film has keywords or
    genres, one of them naming it: "Vampires and monsters" for a keyword
    "werewolf" and a "Half-Blood" in the plot is neither.
    """
    sentences = tuple(s for s in doc.sentences or () if s.tokens)
    openings = openings_of(doc)
    lemma_sets = [(s, _theme_words(s, openings.names[s.id])) for s in sentences]
    genres = tuple(
        g.lower() for g in doc.film.genres if g.lower() not in AUDIENCE_GENRES
    )
    tags = tuple(k.lower() for k in doc.film.keywords) + genres
    scored = []
    for entry in taxonomy():
        hits = [(s, lemmas & entry.triggers) for s, lemmas in lemma_sets]
        hits = [(s, found) for s, found in hits if found]
        meta = sum(1 for tag in tags if matches_tag(tag, entry))
        distinct = set().union(*(found for _, found in hits))
        if len(hits) < EVIDENCE_SENTENCES:
            continue
        if not (
            _agrees(entry, meta, doc.film, genres)
            or _carried_alone(entry, len(hits), len(distinct))
        ):
            continue
        score = math.sqrt(len(hits)) + 0.5 * len(distinct) + 2.0 * min(meta, 3)
        if score >= MIN_SCORE:
            scored.append((score, entry, hits))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    themes = []
    for score, entry, hits in scored:
        paragraph = _paragraph(entry, hits, openings)
        if paragraph:
            themes.append(
                Theme(
                    entry.id,
                    entry.emoji,
                    entry.name,
                    entry.meaning,
                    round(score, 3),
                    paragraph,
                )
            )
        if len(themes) == MAX_THEMES:
            break
    return replace(doc, themes=tuple(themes))


def _carried_alone(entry: ThemeEntry, sentences: int, words: int) -> bool:
    """Whether the plot alone carries a theme its metadata never names: in
    many sentences, in several of its own words (No Country for Old Men's
    violence: "blood", "gun", "kill", "violence" in five sentences). A theme
    bound to a kind of film still needs that kind."""
    return (
        sentences >= STRONG_SENTENCES
        and words >= STRONG_WORDS
        and entry.id not in GENRE_BOUND
    )


def _agrees(
    entry: ThemeEntry, meta: int, film: FilmText, genres: tuple[str, ...]
) -> bool:
    """Whether the film's metadata agrees with the theme: a keyword or genre
    names it where the film has keywords; with genres alone (too broad to name
    most themes), a theme bound to a kind of film needs that kind ("Vampires
    and monsters" only in horror or fantasy)."""
    if film.keywords:
        return meta > 0
    bound = GENRE_BOUND.get(entry.id)
    if not genres or bound is None or meta:
        return True
    return any(word in genre for genre in genres for word in bound)


def matches_tag(tag: str, entry: ThemeEntry) -> bool:
    """True when a lower-cased keyword or genre names this theme."""
    return any(k == tag or f" {k} " in f" {tag} " for k in entry.keywords) or (
        tag in entry.triggers
    )


def _leans_on_before(sentence: Sentence) -> bool:
    """True when the sentence reads right only after the one before it:
    "Instead, ...", "However, ...", "the two", "see this as a sign",
    "earlier that evening". Out of its place it would say something else."""
    tokens = sentence.tokens
    if tokens and tokens[0].text.lower() in CONNECTIVES:
        return True
    if sentence.text.lower().startswith(("at the same time", "at that moment")):
        return True  # the time of the sentence before, not of another moment
    return any(
        (t.tag == "DT" and t.text.lower() in ("this", "that", "these", "those"))
        or (t.text.lower() == "two" and i > 0 and tokens[i - 1].text.lower() == "the")
        for i, t in enumerate(tokens)
    )


def _is_a_state(sentence: Sentence) -> bool:
    """True when the main verb is "be": the sentence says how things are."""
    return any(t.dep == "ROOT" and t.lemma.lower() == "be" for t in sentence.tokens)


def _carries(sentence: Sentence, found: frozenset[str]) -> int:
    """Count the theme's words that head their phrase: "a first kiss" carries
    romance, "a love potion" only names a thing."""
    return sum(
        1
        for token in sentence.tokens
        if token.lemma.lower() in found and token.dep not in ("compound", "amod")
    )


def _theme_words(sentence: Sentence, named: dict[int, str]) -> frozenset[str]:
    """Lower-cased lemmas of the sentence's common words, not of its names,
    nor of a character's name that is a word too (Dirty Dancing's "Baby" is
    no baby)."""
    tokens = sentence.tokens
    return frozenset(
        token.lemma.lower()
        for index, token in enumerate(tokens)
        if token.pos != "PROPN"
        and not token.ent
        and index not in named
        and (index == 0 or not token.text[:1].isupper())
        and _in_its_sense(tokens, index)
    )


def _in_its_sense(tokens: tuple[Token, ...], index: int) -> bool:
    """True unless the word needs a cue below it to carry its theme and has
    none: "fall in love" and "fall for her" are romance, "fall ill" and
    "falls into a river" are not."""
    cues = SENSE_CUES.get(tokens[index].lemma.lower())
    if cues is None:
        return True
    below = [i for i, t in enumerate(tokens) if t.head == index and i != index]
    below += [i for i, t in enumerate(tokens) if t.head in below and i != t.head]
    return any(tokens[i].lemma.lower() in cues for i in below)


def _paragraph(
    entry: ThemeEntry,
    hits: list[tuple[Sentence, frozenset[str]]],
    openings: Openings,
) -> tuple[Line, ...]:
    """Say how often the plot comes to the theme and retell the two moments
    that carry it most, in plot order; the one that can be told when the
    other cannot; empty when none can."""
    best = sorted(hits, key=lambda hit: (-_carries(*hit), -len(hit[1]), hit[0].id))
    told: list[tuple[str, tuple[int, ...], Sentence]] = []
    for sentence, found in best:
        if sentence.lemmas() & REMARK_LEMMAS or _leans_on_before(sentence):
            continue  # "A theme throughout the film is ...": not a moment
        text = compress(sentence, THEME_SENTENCE_WORDS)
        kept = {word.strip('.,;:!?"') for word in text.split()}
        tokens = sentence.tokens
        if not any(t.text in kept and t.lemma.lower() in found for t in tokens):
            # Shortening cut the theme's word ("a love potion"): the whole
            # sentence, if short, or another moment.
            text = sentence.text if word_count(sentence.text) <= MAX_EVENT_WORDS else ""
        named = openings.named(text, sentence.id) if text else None
        if named and named[0] == text:
            named = openings.named_inside(text, sentence)
        if named:
            told.append((*named, sentence))
        if len(told) == EVIDENCE_SENTENCES:
            break
    every = tuple(s.id for s, _ in hits)
    ids = tuple(sorted({i for _, cited, _ in told for i in cited}))
    if len(told) == 1:
        count = (
            "It runs through the plot; one moment carries it most."
            if len(hits) > EVIDENCE_SENTENCES
            else "The plot comes to it twice; one moment carries it most."
        )
        return (Line(count, every, DERIVED), Line(told[0][0], ids, DERIVED))
    if not told:
        return ()
    told.sort(key=lambda item: item[2].id)
    (first, _, _), (second, _, second_sentence) = told
    count = (
        "It runs through the plot; two moments carry it most."
        if len(hits) > EVIDENCE_SENTENCES
        else "Two moments of the plot carry it."
    )
    # "Later," only between moments apart in the plot, before a plain subject
    # and a deed: a moment that opens on its own time or link ("At the same
    # time", "However") keeps it, and a state ("X are locals hired to ...")
    # is not later.
    opener = second_sentence.tokens[0] if second_sentence.tokens else None
    later = ""
    first_id = told[0][2].id
    if (
        opener is not None
        and second_sentence.id > first_id + 1
        and opener.pos in ("PROPN", "NOUN", "PRON", "DET")
        and second.split(" ", 1)[0] == opener.text
        and not _is_a_state(second_sentence)
    ):
        later = "Later, "
        if opener.pos in ("DET", "PRON") and opener.text != "I":
            second = second[:1].lower() + second[1:]
    text = f"{first} {later}{second}"
    return (Line(count, every, DERIVED), Line(text, ids, DERIVED))
