"""Choose the five turning points of a plot, one sentence each.

Each sentence is described by a few interpretable features (relative position,
cue words, main characters present, length, newly named people, negation,
dates, death words); a linear score per turning point, learned on the TRIPOD
train split (data/turning_points.json), rates every sentence, and a dynamic
programme picks the best five in strictly increasing order.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from plotguide.engine.doc import Sentence

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

Weights = dict[str, dict[str, float]]


@cache
def learned_weights() -> Weights:
    """Return the shipped weights: turning-point key -> feature name -> weight."""
    text = (
        resources.files("plotguide.engine")
        .joinpath("data/turning_points.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)["weights"]


def sentence_features(
    sentences: tuple[Sentence, ...], main_mentions: tuple[frozenset[int], ...] = ()
) -> list[dict[str, float]]:
    """Return the features of each sentence (name -> value), in sentence order.

    main_mentions holds the sentence ids where each main character is named,
    protagonist first.
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
    return rows


def choose_turning_points(
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...] = (),
    weights: Weights | None = None,
) -> tuple[int, ...]:
    """Return five increasing sentence ids, or () when there are fewer than five.

    Each point's scores are turned into log-probabilities over the plot's
    sentences (a softmax), so the five points weigh equally in the programme.
    """
    if len(sentences) < len(KEYS):
        return ()
    weights = weights or learned_weights()
    rows = sentence_features(sentences, main_mentions)
    scores = []
    for key in KEYS:
        table = weights[key]
        raw = [sum(table.get(n, 0.0) * v for n, v in row.items()) for row in rows]
        top = max(raw)
        total = math.log(sum(math.exp(r - top) for r in raw)) + top
        scores.append([r - total for r in raw])
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
