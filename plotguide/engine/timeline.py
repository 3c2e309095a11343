"""The `timeline` component: titled events in source order and turning points."""

from __future__ import annotations

import re
from dataclasses import replace

from plotguide.engine import referents
from plotguide.engine.assertion import is_asserted
from plotguide.engine.characters import MAIN_COUNT
from plotguide.engine.compress import MAX_EVENT_WORDS, first_deeds
from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.frames import (
    frame_opening,
    frame_title,
    is_framed,
    told_inside,
)
from plotguide.engine.referents import openings_of
from plotguide.engine.registry import component
from plotguide.engine.story import (
    DERIVED,
    SOURCE,
    Character,
    Line,
    Timeline,
    TimelineEvent,
    TurningPoint,
)
from plotguide.engine.titles import (
    UNNAMED,
    clause_copy,
    has_finite_verb,
    opening_title,
    reads_alone,
    title_parts,
)
from plotguide.engine.turning_points import (
    KEYS,
    MEAN_POSITIONS,
    NAMES,
    choose_turning_points,
)
from plotguide.engine.validators import unsupported_words

MIN_EVENTS, MAX_EVENTS = 6, 12


@component("timeline", requires=("sentences", "characters"))
def build_timeline(doc: StoryDoc) -> StoryDoc:
    """Pick turning points and group the plot into 6 to 12 titled events.

    Order matters: the spoiler boundary is a sentence index, so an event
    placed out of order would leak the ending into the spoiler-free view.
    """
    sentences = doc.sentences or ()
    characters = doc.characters or ()
    main = tuple(frozenset(c.mentions) for c in characters[:MAIN_COUNT])
    picks = choose_turning_points(sentences, main, vectors=doc.sentence_vectors or None)
    turning_points = tuple(
        TurningPoint(key, NAMES[key], index)
        for key, index in zip(KEYS, picks, strict=False)
    )
    boundary = picks[2] if picks else int(len(sentences) * MEAN_POSITIONS[2])
    if len(sentences) < MIN_EVENTS:
        timeline = Timeline(
            (),
            turning_points,
            boundary,
            f"Not enough plot to build a timeline ({len(sentences)} sentences; "
            f"{MIN_EVENTS} are needed).",
        )
        return replace(doc, timeline=timeline)
    events = _events(sentences, characters, turning_points, openings_of(doc))
    return replace(doc, timeline=Timeline(events, turning_points, boundary))


def _events(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...],
    turning_points: tuple[TurningPoint, ...],
    openings: referents.Openings,
) -> tuple[TimelineEvent, ...]:
    count = len(sentences)
    event_count = max(MIN_EVENTS, min(MAX_EVENTS, round(count / 3)))
    bounds = [round(n * count / event_count) for n in range(event_count + 1)]
    by_sentence = {tp.sentence: tp.key for tp in turning_points}
    weight = _weights(sentences, characters)
    name_forms = [(c.name, *c.aliases) for c in characters]
    events: list[TimelineEvent] = []
    framed_titles: dict[int, int] = {}  # a frame's opening: its event
    for start, end in zip(bounds, bounds[1:], strict=False):
        chunk = range(start, end)
        titles = {
            i: _sound_title(sentences, i, openings, name_forms)
            for i in chunk
            if i in by_sentence or not any(j in by_sentence for j in chunk)
        }
        # One sentence an event: each turning point is its own event, else
        # the stretch's sentence whose title reads on its own, then where
        # the main characters act most.
        readable = [i for i in chunk if not sentences[i].is_fragment]
        keys = [i for i in chunk if i in by_sentence] or [
            max(
                readable,
                key=lambda i: (
                    not is_framed(sentences[i]),
                    titles[i][3],
                    reads_alone(titles[i][0]),
                    titles[i][2],
                    _happens(sentences[i]),
                    weight[i],
                    -i,
                ),
            )
            for _ in readable[:1]  # none where the stretch is all fragments
        ]
        for key_index in keys:
            title, cited, _, _ = titles[key_index]
            point = by_sentence.get(key_index)
            if is_framed(sentences[key_index]):
                # "Harry is dead", in the world George never lived: the
                # title says the frame, once; its sentence is the line.
                opening = frame_opening(sentences, key_index)
                titled = framed_titles.get(opening)
                if titled is not None and not point:
                    continue
                merges = titled == len(events) - 1 and len(events[-1].lines) < 3
                if titled is not None and point and merges:
                    # A turning point inside a frame already titled joins
                    # its event rather than repeat the frame's title.
                    events[titled] = replace(
                        events[titled],
                        lines=(
                            *events[titled].lines,
                            _event_line(sentences[key_index]),
                        ),
                        turning_points=(*events[titled].turning_points, point),
                    )
                    continue
                title, cited = frame_title(sentences[opening]), (opening,)
                if not title and not point:
                    continue
                if not title:
                    title, cited = _sound_title(
                        sentences, opening, openings, name_forms
                    )[:2]
                framed_titles[opening] = len(events)
            events.append(
                TimelineEvent(
                    title=Line(title, cited, DERIVED),
                    lines=(_event_line(sentences[key_index]),),
                    turning_points=(point,) if point else (),
                )
            )
    return tuple(events)


def _happens(sentence: Sentence) -> bool:
    """True when the sentence's main clause is an event, not a plan or a guess."""
    root = next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)
    return root is not None and is_asserted(sentence.tokens, root)


def _event_line(sentence: Sentence) -> Line:
    """One sentence under the title, its side clauses (then its last deeds)
    dropped past 30 words."""
    text = first_deeds(sentence, MAX_EVENT_WORDS)
    return Line(text, (sentence.id,), SOURCE if text == sentence.text else DERIVED)


def _weights(
    sentences: tuple[Sentence, ...], characters: tuple[Character, ...]
) -> list[float]:
    """Score sentences for the timeline: main characters acting, not description."""
    weights = []
    for sentence in sentences:
        characters_in = sum(
            1 for c in characters[:MAIN_COUNT] if sentence.id in c.mentions
        )
        verbs = sum(1 for t in sentence.tokens if t.pos == "VERB")
        weights.append(characters_in + 0.2 * min(verbs, 5))
    return weights


# "Sugar understands Joe is Joe": two names of one person ("Joe is both
# 'Josephine' and 'Junior'") written as one, which says nothing.
TAUTOLOGY = re.compile(
    r"\b([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*) (?:is|are|was|becomes) \1\b"
)


def _sound_title(
    sentences: tuple[Sentence, ...],
    index: int,
    openings: referents.Openings,
    name_forms: list[tuple[str, ...]],
) -> tuple[str, tuple[int, ...], bool, bool]:
    """Return _title's title, sources and wholeness, and whether it is sound.

    A built title that its sentences do not support, that opens on a
    pronoun naming nobody ("He saves Mary Jane"), that says no deed
    ("Leaving Fred and George's new shop") or is cut with "…" gives way to
    the sentence's own main clause, copied; an unsound one is a last resort.
    """
    built = _title(sentences, index, openings)

    def supported(title: str, cited: tuple[int, ...]) -> bool:
        text = " ".join(sentences[i].text for i in cited)
        lemmas = [w for i in cited for w in sentences[i].lemmas()]
        return not unsupported_words(title, text, lemmas, name_forms)

    def sound(title: str, cited: tuple[int, ...]) -> bool:
        return (
            bool(title)
            and not told_inside(sentences[index], title)
            and "…" not in title
            and not TAUTOLOGY.search(title)
            and title.split(" ", 1)[0].lower() not in UNNAMED
            and has_finite_verb(title, sentences[index])
            and supported(title, cited)
        )

    sentence = sentences[index]
    tried = [built]
    if sound(built[0], built[1]):
        return (*built, True)
    for copy in (opening_title, clause_copy):
        tried.append((copy(sentence), (index,), False))
        if sound(*tried[-1][:2]):
            return (*tried[-1], True)
    # None is sound: the first its sentences support, best one with a deed
    # and no "…" ("Their work is relatively easy" over "... easy as for an
    # unknown reason…"); a copy's words are all the sentence's.
    kept = [
        t
        for t in tried
        if t[0]
        and supported(t[0], t[1])
        and not TAUTOLOGY.search(t[0])
        and not told_inside(sentence, t[0])
    ]
    kept.sort(key=lambda t: "…" in t[0] or not has_finite_verb(t[0], sentence))
    if kept:
        return (*kept[0], False)
    if not index:
        return built[0], built[1], False, False
    # A quoted line alone ("Somebody who taught me ...") goes on the scene
    # the sentence before set.
    return (*_sound_title(sentences, index - 1, openings, name_forms)[:3], False)


def _title(
    sentences: tuple[Sentence, ...], index: int, openings: referents.Openings
) -> tuple[str, tuple[int, ...], bool]:
    """Return the event title, the sentences it draws on (with a pronoun's)
    and whether it has a subject, a verb and what follows the verb.

    A pronoun's candidates come from plotguide/engine/referents.py; an
    opening "They" is the pair that acted together in the sentence before.
    """
    token_names = openings.names
    antecedents = referents.antecedents(sentences, index, token_names)
    names = tuple(a for a, _ in antecedents)
    pair = openings.named("They", index)
    they = pair[0] if pair is not None and pair[0] != "They" else ""
    title, whole = title_parts(
        sentences[index], token_names[index], names, openings.known, they
    )
    cited = {index} | {s for a, s in antecedents if a in title}
    if they and title.startswith(they) and pair is not None:
        cited |= set(pair[1])
    return title, tuple(sorted(cited)), whole
