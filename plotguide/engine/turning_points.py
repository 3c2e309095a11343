"""Choose the five turning points of a plot, one sentence each.

Each sentence is described by a few interpretable features (relative position,
cue words, main characters present, length, newly named people, negation,
dates, death words) and by its context (change of the characters present,
distance to the nearest death, decision or arrival, overlap with the ending,
how central its words are to the whole plot);
a linear score per turning point, learned on the TRIPOD train split
(data/turning_points.json), rates every sentence, and a dynamic programme picks
the best five in strictly increasing order.

Given sentence embeddings (EngineConfig.sentence_encoder), a second model
(data/turning_points_encoder.json) adds how close each sentence's meaning is
to the whole plot's and six more sentence features; in grouped
cross-validation it finds more turning points than the first (docs/quality.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from plotguide.engine.doc import Sentence
from plotguide.engine.text import STOPWORDS

KEYS = ("tp1", "tp2", "tp3", "tp4", "tp5")
NAMES = {
    "tp1": "Opportunity",
    "tp2": "Change of plans",
    "tp3": "Point of no return",
    "tp4": "Major setback",
    "tp5": "Climax",
}
# Average relative positions of the five turning points in annotated films.
MEAN_POSITIONS = (0.13, 0.31, 0.52, 0.73, 0.88)
CUES = (
    frozenset(
        [
            "meet",
            "offer",
            "learn",
            "discover",
            "find",
            "receive",
            "arrive",
            "invite",
            "hire",
            "tell",
            "inform",
            "ask",
            "encounter",
            "introduce",
            "assign",
            "win",
            "inherit",
            "letter",
            "call",
            "news",
            "chance",
            "job",
            "opportunity",
            "visit",
            "first",
        ]
    ),
    frozenset(
        [
            "decide",
            "agree",
            "plan",
            "accept",
            "join",
            "begin",
            "start",
            "resolve",
            "convince",
            "persuade",
            "track",
            "search",
            "move",
            "travel",
            "investigate",
            "team",
            "set",
            "leave",
            "take",
            "instead",
            "go",
            "new",
        ]
    ),
    frozenset(
        [
            "sex",
            "kiss",
            "love",
            "marry",
            "propose",
            "reveal",
            "realize",
            "realise",
            "confess",
            "capture",
            "betray",
            "kidnap",
            "sleep",
            "commit",
            "become",
            "steal",
            "discover",
            "truth",
            "murder",
            "kill",
            "night",
        ]
    ),
    frozenset(
        [
            "die",
            "kill",
            "death",
            "lose",
            "arrest",
            "betray",
            "break",
            "fail",
            "reveal",
            "kidnap",
            "fire",
            "reject",
            "shoot",
            "destroy",
            "attack",
            "argue",
            "abandon",
            "dead",
            "leave",
            "learn",
            "however",
            "discover",
        ]
    ),
    frozenset(
        [
            "kill",
            "fight",
            "confront",
            "shoot",
            "defeat",
            "save",
            "rescue",
            "escape",
            "final",
            "finally",
            "explode",
            "duel",
            "battle",
            "destroy",
            "death",
            "die",
            "reunite",
            "admit",
            "confess",
            "chase",
            "stab",
        ]
    ),
)


# Relative positions at which the position features peak, and their width.
POSITION_CENTERS = tuple(n / 20 for n in range(21))
POSITION_WIDTH = 0.06
TURN_WORDS = frozenset(["but", "however", "although", "instead", "suddenly"])
TIME_WORDS = frozenset(["when", "after", "later", "eventually", "finally"])
DEATH_WORDS = frozenset(["die", "kill", "dead", "death", "murder", "shoot", "suicide"])
DECISION_WORDS = frozenset(
    ["decide", "agree", "plan", "accept", "join", "resolve", "choose", "refuse"]
    + ["promise"]
)
ARRIVAL_WORDS = frozenset(["arrive", "meet", "return", "come", "visit", "move"])
# How fast the nearness to a death, decision or arrival fades, in sentences.
NEAR_SCALE = 2.0
# Content words of the last ENDING_SENTENCES sentences stand for the ending.
ENDING_SENTENCES = 3
CONTENT_POS = frozenset(["NOUN", "VERB", "PROPN", "ADJ"])
# Words that count towards a sentence's centrality (the plot's gist).
CENTRAL_POS = CONTENT_POS | {"ADV"}
# Decoding adds this share of the neighbours' probability to each sentence's,
# so a point whose probability is spread over adjacent sentences still wins
# (chosen by grouped cross-validation on train; 0 decodes on exact hits only).
NEIGHBOUR_WEIGHT = 0.25
# Taken off a fragment's score: no turning point falls on one while five
# whole sentences can carry them in order.
FRAGMENT_PENALTY = 1000.0
# The two shipped models: without and with the sentences' embeddings.
PLAIN_MODEL = "data/turning_points.json"
ENCODER_MODEL = "data/turning_points_encoder.json"
# Counts above this many (verbs, entities in a sentence) add nothing more.
COUNT_CAP = 4

Weights = dict[str, dict[str, float]]
Vectors = Sequence[Sequence[float]]


class DocumentFrequencies(NamedTuple):
    """In how many of a set of plots each lemma occurs, for idf weights."""

    films: int
    counts: dict[str, int]

    def idf(self, lemma: str) -> float:
        """Return the smoothed inverse document frequency of a lemma."""
        return math.log((self.films + 1) / (self.counts.get(lemma, 0) + 1)) + 1


@cache
def learned_model(name: str = PLAIN_MODEL) -> dict[str, Any]:
    """Return a shipped model file (PLAIN_MODEL or ENCODER_MODEL), parsed once."""
    text = resources.files("plotguide.engine").joinpath(name).read_text("utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


def learned_weights(name: str = PLAIN_MODEL) -> Weights:
    """Return the shipped weights: turning-point key -> feature name -> weight."""
    weights: Weights = learned_model(name)["weights"]
    return weights


def learned_frequencies(name: str = PLAIN_MODEL) -> DocumentFrequencies:
    """Return the lemma document frequencies of the plots the weights came from."""
    model = learned_model(name)["document_frequencies"]
    return DocumentFrequencies(model["films"], model["counts"])


def count_documents(plots: Iterable[tuple[Sentence, ...]]) -> DocumentFrequencies:
    """Count, for each central lemma, the plots that use it."""
    counts: dict[str, int] = {}
    films = 0
    for sentences in plots:
        films += 1
        for lemma in set().union(*(_central_lemmas(s) for s in sentences)):
            counts[lemma] = counts.get(lemma, 0) + 1
    return DocumentFrequencies(films, counts)


def _central_lemmas(sentence: Sentence) -> frozenset[str]:
    return frozenset(
        lemma
        for token in sentence.tokens
        if token.pos in CENTRAL_POS
        and (lemma := token.lemma.lower()).isalpha()
        and lemma not in STOPWORDS
    )


def sentence_features(
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...] = (),
    frequencies: DocumentFrequencies | None = None,
    vectors: Vectors | None = None,
) -> list[dict[str, float]]:
    """Return the features of each sentence (name -> value), in sentence order.

    main_mentions holds the sentence ids where each main character is named,
    protagonist first; frequencies weigh words for centrality (default: the
    shipped ones of the model that vectors select). With vectors, one
    embedding per sentence, the encoder model's features are added.
    """
    count = len(sentences)
    lengths = [sum(1 for t in s.tokens if t.pos != "PUNCT") for s in sentences]
    mean_length = max(1.0, sum(lengths) / max(count, 1))
    first_mentions = {min(m) for m in main_mentions if m}
    seen_people: set[str] = set()
    rows = []
    for index, sentence in enumerate(sentences):
        position = index / max(count - 1, 1)
        row = {
            f"pos{n}": math.exp(-((position - c) ** 2) / (2 * POSITION_WIDTH**2))
            for n, c in enumerate(POSITION_CENTERS)
        }
        lemmas = sentence.lemmas()
        for n, cues in enumerate(CUES):
            row[f"cue{n}"] = min(len(lemmas & cues), 2)
        row["chars"] = min(sum(1 for m in main_mentions if index in m), 3)
        row["protagonist"] = float(bool(main_mentions) and index in main_mentions[0])
        row["loglen"] = math.log(max(lengths[index], 1) / mean_length)
        row["first_mention"] = float(index in first_mentions)
        people = {e.text for e in sentence.entities if e.label == "PERSON"}
        row["new_person"] = float(bool(people - seen_people))
        seen_people |= people
        row["neg"] = float(any(t.dep == "neg" for t in sentence.tokens))
        row["date"] = float(any(e.label in ("DATE", "TIME") for e in sentence.entities))
        row["but"] = float(bool(lemmas & TURN_WORDS))
        row["when"] = float(bool(lemmas & TIME_WORDS))
        row["death"] = float(bool(lemmas & DEATH_WORDS))
        row["quote"] = float('"' in sentence.text)
        row["para_start"] = float(
            index == 0 or sentences[index - 1].paragraph != sentence.paragraph
        )
        rows.append(row)
    _add_context(rows, sentences, main_mentions)
    model = PLAIN_MODEL if vectors is None else ENCODER_MODEL
    for row, value in zip(
        rows,
        _centrality(sentences, frequencies or learned_frequencies(model)),
        strict=True,
    ):
        row["centrality"] = value
    if vectors is not None:
        _add_structure(rows, sentences, main_mentions)
        for row, value in zip(rows, _meaning(vectors), strict=True):
            row["meaning"] = value
    return rows


def _add_structure(
    rows: list[dict[str, float]],
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...],
) -> None:
    """Add the encoder model's six sentence features (each alone within noise).

    Verbs, a named subject, the first sentence with two main characters, a
    main character's last mention, a paragraph's end and the named entities.
    """
    count = len(sentences)
    last_mentions = {max(m) for m in main_mentions if m}
    together = [sum(1 for m in main_mentions if i in m) >= 2 for i in range(count)]
    first_together = together.index(True) if any(together) else -1
    for index, (row, sentence) in enumerate(zip(rows, sentences, strict=True)):
        tokens = sentence.tokens
        row["verbs"] = min(sum(t.pos == "VERB" for t in tokens), COUNT_CAP)
        row["propn_subj"] = float(
            any(t.dep == "nsubj" and t.pos == "PROPN" for t in tokens)
        )
        row["first_pair"] = float(index == first_together)
        row["last_mention"] = float(index in last_mentions)
        row["para_end"] = float(
            index == count - 1 or sentences[index + 1].paragraph != sentence.paragraph
        )
        row["ents"] = min(len(sentence.entities), COUNT_CAP)


def _meaning(vectors: Vectors) -> list[float]:
    """Cosine of each sentence's embedding to the plot's mean one, standardised."""
    size = len(vectors[0]) if vectors else 0
    mean = [sum(v[d] for v in vectors) for d in range(size)]
    norm = math.sqrt(sum(x * x for x in mean)) or 1.0
    cosines = [sum(a * b for a, b in zip(v, mean, strict=True)) / norm for v in vectors]
    average = sum(cosines) / max(len(cosines), 1)
    spread = math.sqrt(sum((c - average) ** 2 for c in cosines) / max(len(cosines), 1))
    return [(c - average) / (spread + 1e-9) for c in cosines]


def _centrality(
    sentences: tuple[Sentence, ...], frequencies: DocumentFrequencies
) -> list[float]:
    """Cosine of each sentence to the plot's centroid, standardised per plot.

    Sentences are idf-weighted sets of lemmas; turning points tend to carry
    the plot's gist (grouped cross-validation: docs/quality.md).
    """
    if not sentences:
        return []
    vectors = []
    for sentence in sentences:
        weights = {lemma: frequencies.idf(lemma) for lemma in _central_lemmas(sentence)}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({lemma: w / norm for lemma, w in weights.items()})
    centroid: dict[str, float] = {}
    for vector in vectors:
        for lemma, weight in vector.items():
            centroid[lemma] = centroid.get(lemma, 0.0) + weight / len(vectors)
    norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
    cosines = [
        sum(w * centroid[lemma] for lemma, w in vector.items()) / norm
        for vector in vectors
    ]
    mean = sum(cosines) / len(cosines)
    spread = math.sqrt(sum((c - mean) ** 2 for c in cosines) / len(cosines))
    return [(c - mean) / (spread + 1e-9) for c in cosines]


def _add_context(
    rows: list[dict[str, float]],
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...],
) -> None:
    """Add features that compare a sentence with the sentences around it."""
    count = len(sentences)
    cast = [
        frozenset(n for n, m in enumerate(main_mentions) if i in m)
        for i in range(count)
    ]
    people = [
        frozenset(e.text for e in s.entities if e.label == "PERSON") for s in sentences
    ]
    lemmas = [s.lemmas() for s in sentences]
    content = [
        frozenset(t.lemma.lower() for t in s.tokens if t.pos in CONTENT_POS)
        for s in sentences
    ]
    ending = frozenset().union(*content[-ENDING_SENTENCES:])
    overlap = [len(c & ending) / math.sqrt(max(len(c), 1)) for c in content]
    mean_overlap = sum(overlap) / max(count, 1)
    nearness = {
        name: _nearness([bool(lem & words) for lem in lemmas])
        for name, words in (
            ("near_death", DEATH_WORDS),
            ("near_decision", DECISION_WORDS),
            ("near_arrival", ARRIVAL_WORDS),
        )
    }
    for index, row in enumerate(rows):
        row["cast_change"] = _change(cast, index)
        row["people_change"] = _change(people, index)
        for name, values in nearness.items():
            row[name] = values[index]
        row["ending_overlap"] = overlap[index] - mean_overlap


def _change(sets: Sequence[frozenset[object]], index: int) -> float:
    """Share of the sentence's and its predecessor's members not in both."""
    if index == 0:
        return 0.0
    union = sets[index] | sets[index - 1]
    return len(sets[index] ^ sets[index - 1]) / max(len(union), 1)


def _nearness(flags: list[bool]) -> list[float]:
    """exp(-distance / NEAR_SCALE) to the nearest flagged sentence; 0 without one."""
    marked = [n for n, flag in enumerate(flags) if flag]
    if not marked:
        return [0.0] * len(flags)
    return [
        math.exp(-min(abs(index - n) for n in marked) / NEAR_SCALE)
        for index in range(len(flags))
    ]


def choose_turning_points(
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...] = (),
    weights: Weights | None = None,
    neighbour_weight: float = NEIGHBOUR_WEIGHT,
    frequencies: DocumentFrequencies | None = None,
    vectors: Vectors | None = None,
) -> tuple[int, ...]:
    """Return five increasing sentence ids, or () when there are fewer than five.

    With vectors (StoryDoc.sentence_vectors), the encoder model scores the sentences
    (default weights: ENCODER_MODEL's), else the plain one. Each point's
    scores are turned into probabilities over the plot's sentences (a
    softmax); each sentence's probability gains neighbour_weight times its
    neighbours', and the programme maximises the sum of their logs,
    so the five points weigh equally. A fragment (Sentence.is_fragment) is
    picked only when there is no other way.
    """
    if len(sentences) < len(KEYS):
        return ()
    weights = weights or learned_weights(
        PLAIN_MODEL if vectors is None else ENCODER_MODEL
    )
    rows = sentence_features(sentences, main_mentions, frequencies, vectors)
    scores = []
    for key in KEYS:
        table = weights[key]
        raw = [sum(table.get(n, 0.0) * v for n, v in row.items()) for row in rows]
        top = max(raw)
        shares = [math.exp(r - top) for r in raw]
        total = sum(shares)
        spread = [
            share
            + neighbour_weight
            * (
                (shares[n - 1] if n else 0.0)
                + (shares[n + 1] if n + 1 < len(raw) else 0.0)
            )
            for n, share in enumerate(shares)
        ]
        scores.append(
            [
                math.log(value / total) - (FRAGMENT_PENALTY if s.is_fragment else 0.0)
                for value, s in zip(spread, sentences, strict=True)
            ]
        )
    return _best_increasing(scores)


def position_baseline(count: int) -> tuple[int, ...]:
    """Return the turning points by average position alone (the baseline)."""
    if count < len(KEYS):
        return ()
    picks = [round(mean * (count - 1)) for mean in MEAN_POSITIONS]
    for n in range(1, len(picks)):
        picks[n] = max(picks[n], picks[n - 1] + 1)
    return tuple(min(p, count - len(picks) + n) for n, p in enumerate(picks))


def _best_increasing(scores: list[list[float]]) -> tuple[int, ...]:
    """Pick one index per row, strictly increasing, maximising the total score."""
    rows, count = len(scores), len(scores[0])
    best = [list(scores[0])]
    back: list[list[int]] = [[-1] * count]
    for row in range(1, rows):
        current, pointers = [-math.inf] * count, [-1] * count
        running, running_at = -math.inf, -1
        for index in range(count):
            if index >= 1 and best[row - 1][index - 1] > running:
                running, running_at = best[row - 1][index - 1], index - 1
            if running_at >= 0:
                current[index] = running + scores[row][index]
                pointers[index] = running_at
        best.append(current)
        back.append(pointers)
    index = max(range(count), key=lambda i: (best[-1][i], -i))
    picks = [index]
    for row in range(rows - 1, 0, -1):
        index = back[row][index]
        picks.append(index)
    return tuple(reversed(picks))
