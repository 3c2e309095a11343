"""The `summary` component: the plot retold at a third of its length, and the
ending explained.

A summary that copies the plot is the plot again. This one keeps, in source
order, every turning point, the sentence that brings in each main character
and the last sentence, then the sentences where the main characters act,
until a third of the plot's words is spent; long sentences lose their side
clauses (plotguide/engine/compress.py). Every line cites its sentence.
"""

from __future__ import annotations

from dataclasses import replace

from plotguide.engine import referents
from plotguide.engine.characters import MAIN_COUNT
from plotguide.engine.compress import compress, word_count
from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.errors import ComponentError
from plotguide.engine.frames import frame_opening, is_framed
from plotguide.engine.registry import component
from plotguide.engine.story import (
    DERIVED,
    SOURCE,
    Character,
    Line,
    PlotSummary,
)
from plotguide.engine.titles import speech

# Words that say the sentence before was not what it seemed.
CORRECTING = frozenset({"mistake", "mistook", "decoy", "impostor", "imposter"})
PARAGRAPH_SENTENCES = 4
ENDING_CHARACTERS = 3
SUMMARY_SHARE = 0.30
SUMMARY_SENTENCE_WORDS = 28


@component("summary", requires=("sentences", "characters", "timeline"))
def build_summary(doc: StoryDoc) -> StoryDoc:
    """Retell the plot in a third of its words; set the final act (from the
    major setback on) apart as the ending."""
    sentences = tuple(s for s in doc.sentences or () if s.tokens and not s.is_fragment)
    characters = doc.characters or ()
    timeline = doc.timeline
    if timeline is None:
        raise ComponentError(
            "Component 'summary' needs the timeline; put 'timeline' before it "
            "in the pipeline."
        )
    turning_points = {tp.key: tp.sentence for tp in timeline.turning_points}
    count = len(sentences)
    if "tp4" in turning_points:
        ending_start = turning_points["tp4"]
    elif count >= 2:
        ending_start = sentences[count - max(1, round(count / 4))].id
    else:
        ending_start = (sentences[-1].id + 1) if sentences else 0
    ending_start = _outside_frames(doc.sentences or (), ending_start)
    chosen = _with_frame_openings(
        doc.sentences or (),
        _select(sentences, characters, set(turning_points.values())),
    )
    limit = _sentence_limit(sentences, chosen)
    lines = {s.id: _line(s, limit) for s in chosen}
    keep = set(turning_points.values()) | ({sentences[-1].id} if sentences else set())
    chosen = _with_named_subjects(
        doc.sentences or (), referents.openings_of(doc), chosen, lines, keep, limit
    )
    body = [s for s in chosen if s.id < ending_start]
    ending = tuple(lines[s.id] for s in chosen if s.id >= ending_start)
    note = "" if ending else "The plot is too short to set an ending apart."
    if not sentences:
        note = "There is no plot text to summarise."
    summary = PlotSummary(
        paragraphs=_paragraphs(body, lines),
        ending_start=ending_start,
        ending=ending,
        ending_meaning=_meaning(characters, sentences, ending_start) if ending else (),
        note=note,
    )
    return replace(doc, summary=summary)


def _select(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...],
    turning_points: set[int],
) -> list[Sentence]:
    """Return the sentences the summary keeps, in source order."""
    if not sentences:
        return []
    main = characters[:MAIN_COUNT]
    by_id = {s.id: s for s in sentences}
    must = (set(turning_points) | {sentences[-1].id}) & set(by_id)
    # A main character the turning points already name needs no introduction.
    must |= {
        min(shown)
        for c in main
        if (shown := set(c.mentions) & set(by_id)) and not must & set(c.mentions)
    }
    budget = SUMMARY_SHARE * sum(word_count(s.text) for s in sentences)
    spent = sum(_words(by_id[i]) for i in must)
    chosen = set(must)
    # The first sentence sets the premise up, so it is weighed first: without
    # it Face/Off's summary opened on "Though Castor and Pollux are captured".
    opening = sentences[0].id
    for sentence in sorted(
        sentences, key=lambda s: (s.id != opening, -_weight(s, main), s.id)
    ):
        if spent >= budget:
            break
        if sentence.id in chosen:
            continue
        cost = _words(sentence)
        if spent + cost > budget * 1.1:
            continue
        chosen.add(sentence.id)
        spent += cost
    # A line the next sentence corrects is never told without it: Troy's
    # "all are shocked when Hector cuts Achilles' throat" is followed by
    # "Hector removes his foe's helmet, revealing the face of Patroclus".
    chosen |= {
        s.id + 1
        for s in sentences
        if s.id in chosen and s.id + 1 in by_id and _corrects(by_id[s.id + 1])
    }
    return [s for s in sentences if s.id in chosen]


def _corrects(sentence: Sentence) -> bool:
    """Whether a sentence unmasks what the one before seemed to tell: a face
    or an identity revealed, someone mistaken for another, a decoy."""
    lemmas = sentence.lemmas()
    unmasks = bool(lemmas & {"reveal", "unmask"}) and bool(
        lemmas & {"face", "identity", "disguise", "impostor", "decoy", "body"}
    )
    return unmasks or bool(lemmas & CORRECTING)


def _outside_frames(everything: tuple[Sentence, ...], start: int) -> int:
    """Start an ending that would open inside a frame where the frame opens:
    It's a Wonderful Life's major setback, "Harry is dead", is told in the
    world Clarence shows George, and an ending opening on it would say so."""
    if start < len(everything) and is_framed(everything[start]):
        return frame_opening(everything, start)
    return start


def _with_frame_openings(
    everything: tuple[Sentence, ...], chosen: list[Sentence]
) -> list[Sentence]:
    """Keep the sentence that opens a frame beside any sentence told in it:
    "Harry is dead" retold without "Clarence shows George what the town
    would have been like without him" would say Harry died."""
    ids = {s.id for s in chosen}
    ids |= {frame_opening(everything, s.id) for s in chosen if is_framed(s)}
    return [s for s in everything if s.id in ids and s.tokens and not s.is_fragment]


def _with_named_subjects(
    all_sentences: tuple[Sentence, ...],
    openings: referents.Openings,
    chosen: list[Sentence],
    lines: dict[int, Line],
    keep: set[int],
    limit: int,
) -> list[Sentence]:
    """Give a line that opens on "he", "she" or "they" its name where the
    summary skipped the sentence that named them ("As for Ron, he becomes the
    Keeper" shortened to "He becomes ..."); leave out such a line when the plot
    leaves the pronoun open, or, for a turning point or the last line, bring
    back the sentence before that names someone."""
    kept_ids = {s.id for s in chosen}
    result = []
    for sentence in chosen:
        line = lines[sentence.id]
        told_before = sentence.id - 1 in kept_ids and sentence.text.startswith(
            line.text.split(" ", 1)[0] + " "
        )
        named = None if told_before else openings.named(line.text, sentence.id)
        if named and named[0] == line.text:
            named = openings.named_inside(line.text, sentence)
        if named and named[0] != line.text:
            lines[sentence.id] = Line(named[0], named[1], DERIVED)
        if not (told_before or named) and sentence.id in keep:
            before = _naming_sentence_before(all_sentences, sentence.id, openings)
            if before is not None and before.id not in kept_ids:
                lines[before.id] = _line(before, limit)
                kept_ids.add(before.id)
                result.append(before)
        if told_before or named or sentence.id in keep:
            result.append(sentence)
    return result


def _naming_sentence_before(
    sentences: tuple[Sentence, ...], index: int, openings: referents.Openings
) -> Sentence | None:
    """Return the nearest of the three sentences before that names a character.

    Troy's "If he does go to Troy, he will die there" follows two lines of
    Thetis's "She tells him ..."; Achilles is named in the line before them.
    """
    for previous in (index - 1, index - 2, index - 3):
        if (
            previous >= 0
            and openings.names[previous]
            and not sentences[previous].is_fragment
        ):
            return sentences[previous]
    return None


def _words(sentence: Sentence) -> int:
    return word_count(compress(sentence, SUMMARY_SENTENCE_WORDS))


def _weight(sentence: Sentence, main: tuple[Character, ...]) -> float:
    """Main characters acting weigh most; description and asides least."""
    present = sum(1 for c in main if sentence.id in c.mentions)
    verbs = sum(1 for t in sentence.tokens if t.pos == "VERB")
    return present + 0.2 * min(verbs, 5)


def _sentence_limit(sentences: tuple[Sentence, ...], chosen: list[Sentence]) -> int:
    """Return how long a kept sentence may be: shorter where the turning points
    alone would fill more than the summary's third (a short plot)."""
    budget = SUMMARY_SHARE * sum(word_count(s.text) for s in sentences)
    for limit in (SUMMARY_SENTENCE_WORDS, 20, 14):
        if sum(word_count(compress(s, limit)) for s in chosen) <= budget * 1.15:
            return limit
    return limit


def _line(sentence: Sentence, limit: int = SUMMARY_SENTENCE_WORDS) -> Line:
    text = compress(sentence, limit)
    return Line(text, (sentence.id,), SOURCE if text == sentence.text else DERIVED)


def _paragraphs(
    body: list[Sentence], lines: dict[int, Line]
) -> tuple[tuple[Line, ...], ...]:
    groups: list[list[Sentence]] = []
    has_paragraphs = len({s.paragraph for s in body}) > 1
    for sentence in body:
        starts_new = not groups or (
            sentence.paragraph != groups[-1][-1].paragraph
            if has_paragraphs
            else len(groups[-1]) >= PARAGRAPH_SENTENCES
        )
        if starts_new:
            groups.append([])
        groups[-1].append(sentence)
    return tuple(tuple(lines[s.id] for s in group) for group in groups)


def _meaning(
    characters: tuple[Character, ...],
    sentences: tuple[Sentence, ...],
    ending_start: int,
) -> tuple[Line, ...]:
    """Say where the ending leaves each main character and what it pays off.

    The ending's line for a character is their fate, or their last sentence;
    the payoff is the first sentence where they meet the other main
    character that last sentence names, cited beside it.
    """
    by_id = {s.id: s for s in sentences}
    # A last sentence told in a frame ("Ma Bailey is a bitter widow", in a
    # world that never was) is not where the ending leaves anyone, nor a
    # name inside a closing speech (Troy's Odysseus: "... in the time of
    # Hector, tamer of horses").
    main = [
        replace(
            c,
            mentions=tuple(
                m
                for m in c.mentions
                if not _told_in_frame(by_id, m) and _named_outside_speech(by_id, m, c)
            ),
        )
        for c in _main(characters)
    ]
    main = [c for c in main if c.mentions]
    lines = []
    last_ids = [c.mentions[-1] for c in main]
    for character in main:
        if last_ids.count(character.mentions[-1]) > 1 and not character.fate:
            names = [c.name for c in main if c.mentions[-1] == character.mentions[-1]]
            if names[0] != character.name:
                continue  # one line for the characters one sentence ends
            character = replace(character, name=" and ".join(names))
        last = character.mentions[-1]
        if last < ending_start or last not in by_id:
            continue
        if character.fate and character.fate.sources[0] >= ending_start:
            end_id = character.fate.sources[0]
            end_line = f"In the end: {character.fate.text}"
        else:
            end_id = last
            sentence = compress(by_id[last], SUMMARY_SENTENCE_WORDS)
            end_line = f"In the end, for {character.name}: {sentence}"
        setup = _setup(character, main, end_id)
        if setup is None or setup not in by_id:
            lines.append(Line(end_line, (end_id,), DERIVED))
            continue
        payoff = compress(by_id[setup], SUMMARY_SENTENCE_WORDS)
        lines.append(
            Line(
                f"{end_line} It goes back to an earlier moment: {payoff}",
                (setup, end_id),
                DERIVED,
            )
        )
    return tuple(lines)


def _named_outside_speech(
    by_id: dict[int, Sentence], sentence_id: int, character: Character
) -> bool:
    """Whether the sentence names the character outside quoted speech."""
    sentence = by_id.get(sentence_id)
    if sentence is None:
        return True
    quoted = speech(sentence.tokens)
    told = " ".join(t.text for i, t in enumerate(sentence.tokens) if i not in quoted)
    return any(form in told for form in (character.name, *character.aliases))


def _told_in_frame(by_id: dict[int, Sentence], sentence_id: int) -> bool:
    return sentence_id in by_id and is_framed(by_id[sentence_id])


def _setup(character: Character, main: list[Character], end_id: int) -> int | None:
    """Return the first sentence naming the character with another main
    character who is also in the ending's sentence."""
    mine = set(character.mentions)
    for other in main:
        if other is character or end_id not in other.mentions:
            continue
        shared = sorted(mine & set(other.mentions))
        if shared and shared[0] < end_id:
            return shared[0]
    return None


def _main(characters: tuple[Character, ...]) -> list[Character]:
    ranked = sorted(
        characters,
        key=lambda c: (c.role != "protagonist", c.role != "antagonist", -c.salience),
    )
    return ranked[:ENDING_CHARACTERS]
