"""Choose the five turning points of a plot, one sentence each.

A position prior (where screenwriting puts each turning point, averaged over
annotated films) is combined with cue words and whether the main characters
act in the sentence; a dynamic programme keeps the five in source order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


@dataclass(frozen=True)
class TurningPointParams:
    """Weights of the turning-point score, tuned on the TRIPOD train split."""

    spread: float = 0.07
    cue_weight: float = 1.0
    character_weight: float = 0.3
    length_weight: float = 0.0


def choose_turning_points(
    sentences: tuple[Sentence, ...],
    main_mentions: tuple[frozenset[int], ...] = (),
    params: TurningPointParams = TurningPointParams(),
) -> tuple[int, ...]:
    """Return five increasing sentence ids, or () when there are fewer than five."""
    count = len(sentences)
    if count < len(KEYS):
        return ()
    lemma_sets = [s.lemmas() for s in sentences]
    lengths = [sum(1 for t in s.tokens if t.pos != "PUNCT") for s in sentences]
    mean_length = max(1.0, sum(lengths) / count)
    base = []
    for index in range(count):
        characters = sum(1 for mentions in main_mentions if index in mentions)
        base.append(
            params.character_weight * min(characters, 2)
            + params.length_weight * math.log(max(lengths[index], 1) / mean_length)
        )
    scores = []
    for key_index, mean in enumerate(MEAN_POSITIONS):
        row = []
        for index in range(count):
            position = index / (count - 1)
            prior = -((position - mean) ** 2) / (2 * params.spread**2)
            cues = len(lemma_sets[index] & CUES[key_index])
            row.append(prior + params.cue_weight * min(cues, 2) + base[index])
        scores.append(row)
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
