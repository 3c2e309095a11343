"""Similar films: close in meaning, and sharing people, genres and keywords.

A story's meaning is a sentence embedding of its text (encoder.py); genres,
keywords and people come from the catalogue. Each part is a similarity between
0 and 1 and the score is their weighted sum, so that films whose stories are
far apart are not listed for sharing a genre. Reasons say only what the two
films' stories or metadata show, so a reader can check each one: a main
character both stories follow, the same director, shared actors, keywords and
genres, words both premises use.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from plotguide.engine.encoder import DIMENSIONS
from plotguide.engine.story import Story
from plotguide.engine.text import STOPWORDS, WORD

BILLED = 6  # actors compared, lead first
BLOCK_ROWS = 256  # rows scored at once: a 256 × films float32 matrix
REASONS = 3
NAMES = 2  # names in one reason
# A premise word names something specific only when few premises use it.
PREMISE_WORD_SHARE = 0.02
MAIN_ROLES = ("protagonist", "antagonist")


@dataclass(frozen=True)
class Weights:
    """How much each part counts; they sum to 1 so a score stays within 0..1."""

    text: float = 0.6
    genres: float = 0.1
    keywords: float = 0.15
    directors: float = 0.08
    cast: float = 0.07


@dataclass(frozen=True)
class Profile:
    """What one film is compared on: its story's meaning and its catalogue facts.

    embedding is a unit vector, or None when the film is compared on its
    metadata only. cast is billed order, lead first. characters are the
    story's main characters; premise holds the lemmas of the common words of
    its spoiler-free premise, so reasons never spoil.
    """

    title: str
    embedding: np.ndarray | None = None
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    premise: tuple[str, ...] = ()


def story_profile(
    story: Story,
    embedding: np.ndarray | None,
    *,
    keywords: Sequence[str] = (),
    cast: Sequence[str] = (),
    genres: Sequence[str] | None = None,
    directors: Sequence[str] | None = None,
) -> Profile:
    """Return a story's profile; genres and directors default to the story's own."""
    return Profile(
        title=story.title,
        embedding=embedding,
        genres=tuple(story.genres if genres is None else genres),
        keywords=tuple(keywords),
        directors=tuple(story.directors if directors is None else directors),
        cast=tuple(cast),
        characters=tuple(c.name for c in story.characters if c.role in MAIN_ROLES),
        premise=premise_words(story),
    )


def premise_words(story: Story) -> tuple[str, ...]:
    """Lemmas of the common words of the spoiler-free premise's source sentences.

    Stored lemmas are lower case, so names are left out by what the text
    shows: characters' and the title's words, and words written only with a
    capital inside a sentence or in capitals (places, agencies: "Maine", "CBI").
    """
    sentences = {s.id: s for s in story.sentences}
    cited = [
        sentences[i]
        for i in dict.fromkeys(
            i for line in story.spoiler_free.lines for i in line.sources
        )
        if i in sentences
    ]
    written = [
        [(n, part) for n, w in enumerate(WORD.findall(s.text)) for part in w.split("-")]
        for s in cited
    ]
    lower = {w for words in written for _, w in words if w.islower()}
    proper = {
        w.lower()
        for words in written
        for n, w in words
        if (n and w[:1].isupper()) or (len(w) > 1 and w.isupper())
    }
    names = {w.lower() for c in story.characters for w in c.name.split()}
    names |= {w.lower() for w in WORD.findall(story.title)} | (proper - lower)
    words = (lemma for s in cited for lemma in s.lemmas.split())
    return tuple(
        dict.fromkeys(
            w
            for w in words
            if w.isalpha() and len(w) > 2 and w not in STOPWORDS and w not in names
        )
    )


class SimilarityIndex:
    """Every film's similarity to every other, computed a block of rows at a time.

    Embeddings and genres are dense matrices; keywords and people are sparse,
    so they are looked up through the films that share each one.
    """

    def __init__(self, profiles: Sequence[Profile], weights: Weights = Weights()):
        self.profiles = list(profiles)
        self.weights = weights
        count = len(self.profiles)
        self.embeddings = np.zeros((count, DIMENSIONS), dtype=np.float32)
        for row, p in enumerate(self.profiles):
            if p.embedding is not None:
                self.embeddings[row] = p.embedding
        genre_ids = {
            g: i for i, g in enumerate(sorted(_union(p.genres for p in profiles)))
        }
        self.genres = np.zeros((count, max(len(genre_ids), 1)), dtype=np.float32)
        for row, p in enumerate(self.profiles):
            self.genres[row, [genre_ids[g] for g in set(p.genres)]] = 1.0
        self.genre_counts = Counter(g for p in profiles for g in set(p.genres))
        self.keyword_counts = Counter(k for p in profiles for k in set(p.keywords))
        self.premise_counts = Counter(w for p in profiles for w in set(p.premise))
        idf = {
            k: math.log(count / n) / math.log(count) if count > 1 else 1.0
            for k, n in self.keyword_counts.items()
        }
        self.keyword_weights = [{k: idf[k] for k in set(p.keywords)} for p in profiles]
        self.cast_weights = [
            {name: 1 / (1 + place / 4) for place, name in enumerate(p.cast[:BILLED])}
            for p in profiles
        ]
        self.director_sets = [set(p.directors) for p in profiles]
        self.keyword_postings = _postings(self.keyword_weights)
        self.cast_postings = _postings(self.cast_weights)
        self.director_postings = _postings(
            [dict.fromkeys(d, 1.0) for d in self.director_sets]
        )
        self.keyword_norms = _norms(self.keyword_weights)
        self.cast_norms = _norms(self.cast_weights)

    def __len__(self) -> int:
        return len(self.profiles)

    def scores(self, rows: Sequence[int]) -> np.ndarray:
        """Return the (rows × films) scores; a film's score against itself is -inf."""
        picked = np.asarray(rows, dtype=np.int64)
        w = self.weights
        score: np.ndarray = np.clip(
            self.embeddings[picked] @ self.embeddings.T, 0.0, 1.0
        )
        score *= w.text
        shared = self.genres[picked] @ self.genres.T
        sizes = self.genres.sum(axis=1)
        union = sizes[picked, None] + sizes[None, :] - shared
        score += w.genres * np.divide(
            shared, union, out=np.zeros_like(shared), where=union > 0
        )
        for i, row in enumerate(picked):
            score[i] += w.keywords * _cosine(
                self.keyword_weights[row],
                self.keyword_postings,
                self.keyword_norms,
            )
            score[i] += w.cast * _cosine(
                self.cast_weights[row], self.cast_postings, self.cast_norms
            )
            directed = _rows(self.director_sets[row], self.director_postings)
            score[i, directed] += w.directors
        score[np.arange(len(picked)), picked] = -np.inf
        return score

    def best(
        self, rows: Sequence[int] | None = None, limit: int = 12
    ) -> Iterator[tuple[int, list[tuple[int, float, tuple[str, ...]]]]]:
        """Yield each row with its closest films: (row, score, reasons), best first.

        Ties break on the row, so the lists are deterministic.
        """
        rows = list(range(len(self))) if rows is None else list(rows)
        keep = min(limit, len(self) - 1)
        for start in range(0, len(rows), BLOCK_ROWS):
            block = rows[start : start + BLOCK_ROWS]
            scores = self.scores(block)
            for offset, row in enumerate(block):
                if keep <= 0:
                    yield row, []
                    continue
                top = np.argpartition(-scores[offset], keep - 1)[:keep]
                ranked = sorted(top, key=lambda c: (-scores[offset, c], c))
                yield (
                    row,
                    [
                        (
                            int(c),
                            round(float(scores[offset, c]), 4),
                            self.reasons(row, c),
                        )
                        for c in ranked
                    ],
                )

    def reasons(self, row: int, other: int) -> tuple[str, ...]:
        """Say in words what the two films share, most specific first."""
        a, b = self.profiles[row], self.profiles[other]
        reasons = []
        followed = [
            name
            for name in a.characters
            if name in b.characters
            and (" " in name or (name in a.title and name in b.title))
        ]
        if followed:
            reasons.append(f"both follow {_and(followed)}")
        directors = [d for d in a.directors if d in b.directors]
        if directors:
            reasons.append(f"same director: {_and(directors)}")
        actors = [name for name in a.cast[:BILLED] if name in b.cast[:BILLED]]
        if actors:
            reasons.append(f"both star {_and(actors)}")
        keywords = _rarest(set(a.keywords) & set(b.keywords), self.keyword_counts)
        if keywords:
            reasons.append(f"keywords: {_and(keywords)}")
        most = max(2, PREMISE_WORD_SHARE * len(self))
        words = [
            w
            for w in _rarest(set(a.premise) & set(b.premise), self.premise_counts)
            if self.premise_counts[w] <= most
        ]
        if len(words) >= 2:
            # One shared word ("office") is a coincidence, not a reason.
            reasons.append(f"both premises mention {_and(words, quote=True)}")
        genres = _rarest(set(a.genres) & set(b.genres), self.genre_counts)
        if genres:
            reasons.append(f"both {_and([g.lower() for g in genres])}")
        return tuple(reasons[:REASONS])


def similar_films(
    target: Profile,
    candidates: Sequence[tuple[str, Profile]],
    limit: int = 12,
    weights: Weights = Weights(),
) -> list[tuple[str, float, tuple[str, ...]]]:
    """Return (key, score, reasons) for the closest candidates, best first."""
    index = SimilarityIndex([target, *(p for _, p in candidates)], weights)
    keys = [key for key, _ in candidates]
    _, best = next(index.best([0], limit))
    return [(keys[row - 1], score, reasons) for row, score, reasons in best]


def _union(groups: Iterable[Iterable[str]]) -> set[str]:
    return {item for group in groups for item in group}


def _postings(
    weights: list[dict[str, float]],
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Map each name to the rows that have it and their weights for it."""
    rows: dict[str, list[int]] = defaultdict(list)
    values: dict[str, list[float]] = defaultdict(list)
    for row, items in enumerate(weights):
        for name, weight in items.items():
            rows[name].append(row)
            values[name].append(weight)
    return {
        name: (np.asarray(rows[name]), np.asarray(values[name], dtype=np.float32))
        for name in rows
    }


def _norms(weights: list[dict[str, float]]) -> np.ndarray:
    return np.sqrt(
        np.asarray([sum(v * v for v in w.values()) for w in weights], dtype=np.float32)
    )


def _cosine(
    weights: dict[str, float],
    postings: dict[str, tuple[np.ndarray, np.ndarray]],
    norms: np.ndarray,
) -> np.ndarray:
    """Cosine of one row's weighted names against every row's."""
    dot = np.zeros(len(norms), dtype=np.float32)
    for name, weight in weights.items():
        rows, values = postings[name]
        dot[rows] += weight * values
    own = math.sqrt(sum(v * v for v in weights.values()))
    if own == 0:
        return dot
    return np.divide(dot, own * norms, out=dot, where=norms > 0)


def _rows(
    names: set[str], postings: dict[str, tuple[np.ndarray, np.ndarray]]
) -> np.ndarray:
    if not names:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate([postings[name][0] for name in names]))


def _rarest(names: set[str], counts: Counter[str]) -> list[str]:
    return sorted(names, key=lambda name: (counts[name], name))[:NAMES]


def _and(names: Sequence[str], quote: bool = False) -> str:
    shown = [f'"{n}"' if quote else n for n in names[:NAMES]]
    return " and ".join(shown)
