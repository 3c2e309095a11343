"""The `quiz` component: multiple-choice questions answered by the plot itself."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from plotguide.engine.doc import Sentence, StoryDoc, glued_hyphen
from plotguide.engine.frames import is_framed, told_inside
from plotguide.engine.places import PlaceMention, named_places
from plotguide.engine.referents import short_name
from plotguide.engine.registry import component
from plotguide.engine.sentences import render
from plotguide.engine.story import Character, Quiz, QuizQuestion

MAX_QUESTIONS = 10
MIN_QUESTIONS = 8
BLANK = "_____"
# Used only when the plot names too few places for three wrong answers.
FALLBACK_PLACES = (
    "London", "Paris", "New York City", "Los Angeles", "Chicago", "Tokyo", "Rome",
    "Berlin", "Mexico", "Texas", "California", "Hong Kong", "Boston", "Moscow",
)  # fmt: skip
# Used only when the plot names too few people for three wrong answers; a
# name that occurs anywhere in the plot is never offered.
FALLBACK_PEOPLE = (
    "Edgar", "Vera", "Lucas", "Greta", "Owen", "Iris", "Felix", "Nina", "Hugo",
    "Clara", "Victor", "Ruth",
)  # fmt: skip
MAX_OPTION_WORDS = 12
# Objects that belong to their verb, not to the story ("took place", "forces
# his way", "takes care", "gives birth"), or abstract words any plot could
# hold ("meet its requirements", "ask the question"): a blank on them tests
# English, not the film.
FILLER_OBJECTS = frozenset({
    "absence", "advantage", "attempt", "attention", "birth", "care", "chance",
    "charge", "concept", "control", "damage", "day", "decision", "effort", "end",
    "expression", "fact", "fun", "grip", "hand", "hold", "idea", "information",
    "interest", "look", "lot", "matter", "mind", "moment", "move", "night", "note",
    "notice", "odds", "part", "peace", "pity", "place", "point", "question",
    "requirement", "rest", "sense", "side", "sides", "sight", "step", "steps",
    "thing", "things", "time", "track", "trouble", "turn", "use", "way", "word",
})  # fmt: skip
NUMBER = re.compile(r"\d[\d,]*(\.\d+)?")


@dataclass(frozen=True)
class _Candidate:
    sentence: int
    kind: str
    question: str
    answer: str
    pool: tuple[str, ...]
    sources: tuple[int, ...] = ()


@component("quiz", requires=("sentences", "characters", "setting"))
def build_quiz(doc: StoryDoc) -> StoryDoc:
    """Ask about people, places, numbers and things the plot states.

    Wrong options are of the same kind as the answer (a character for a
    character, a place for a place), and option order depends only on the
    text, so the same plot always gives the same quiz.
    """
    sentences = tuple(s for s in doc.sentences or () if s.tokens)
    characters = doc.characters or ()
    places = named_places(sentences, characters, doc.film.title, doc.film.cast)
    candidates = list(_candidates(sentences, characters, places))
    picked = _spread(candidates, MAX_QUESTIONS)
    questions = tuple(q for q in (_question(c) for c in picked) if q)
    note = ""
    if len(questions) < MIN_QUESTIONS:
        note = (
            f"The plot supports {len(questions)} question"
            f"{'' if len(questions) == 1 else 's'}; "
            f"a full quiz has {MIN_QUESTIONS}."
        )
    return replace(doc, quiz=Quiz(questions, note))


def _candidates(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...],
    mentions: list[PlaceMention],
) -> Iterator[_Candidate]:
    names = [(c, f) for c in characters for f in (c.name, *c.aliases)]
    names.sort(key=lambda pair: -len(pair[1]))
    places = _unique(p.name for p in mentions)
    places_in: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        places_in.setdefault(mention.sentence, []).append(mention)
    name_words = {w for _, form in names for w in form.split()}
    objects = _unique(
        o for s in sentences for o in _objects(s) if not set(o.split()) & name_words
    )
    plot = " ".join(s.text for s in sentences)
    people = tuple(short_name(c) for c in characters)
    if len(people) < 4:
        people += tuple(p for p in FALLBACK_PEOPLE if p not in plot)
    deeds = _deeds(sentences, names)
    for sentence in sentences:
        if is_framed(sentence):
            # "Who is a strip-dancer?" asks of a world that never was.
            continue
        who = _who_question(sentence, names, characters, people)
        if who:
            yield who
        deed = next((d for d in deeds if d[0] == sentence.id), None)
        if deed:
            yield _deed_question(deed, deeds)
        here = places_in.get(sentence.id, [])
        where = _where_question(sentence, names, here, places)
        if where:
            yield where
            continue
        place = here[0].name if here else None
        if (
            place
            and sentence.text.count(place) == 1
            and not told_inside(sentence, place)
        ):
            pool = tuple(p for p in places if p != place) + FALLBACK_PLACES
            yield _blank(sentence, "place", place, pool)
            continue
        number = next(
            (
                e.text
                for e in sentence.entities
                if e.label in ("CARDINAL", "MONEY", "DATE", "QUANTITY")
                and NUMBER.search(e.text)
            ),
            None,
        )
        if (
            number
            and sentence.text.count(number) == 1
            and not told_inside(sentence, number)
        ):
            yield _blank(sentence, "number", number, _number_variants(number))
            continue
        thing = next((o for o in _objects(sentence) if o in objects), None)
        if (
            thing
            and sentence.text.count(thing) == 1
            and not (who or deed)
            and not told_inside(sentence, thing)
        ):
            pool = tuple(o for o in objects if o != thing)
            yield _blank(sentence, "thing", thing, pool)
    yield from _order_questions(sentences, deeds)


Deed = tuple[int, str, str]  # sentence id, the doer's name as written, what


def _deeds(
    sentences: tuple[Sentence, ...], names: list[tuple[Character, str]]
) -> list[Deed]:
    """Return (sentence, name, predicate) where a sentence opens "Name does X"."""
    found = []
    for sentence in sentences:
        if is_framed(sentence):
            continue
        tokens = sentence.tokens
        root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
        for _, form in names:
            size = len(form.split())
            if (
                root is None
                or not sentence.text.startswith(form + " ")
                or size >= len(tokens)
                or root != size
                or tokens[size - 1].dep != "nsubj"
                or tokens[root].pos != "VERB"
            ):
                continue
            words = sentence.text[len(form) :].strip().split()
            cut = next((n for n, w in enumerate(words) if w.endswith(",")), None)
            words = words[: cut + 1 if cut is not None else len(words)]
            if 2 <= len(words) <= MAX_OPTION_WORDS:
                found.append((sentence.id, form, " ".join(words).rstrip(".,;:!")))
            break
    return found


def _deed_question(deed: Deed, deeds: list[Deed]) -> _Candidate:
    """ "Which of these does Mara do?": wrong answers are other people's deeds."""
    sentence, form, what = deed
    pool = tuple(w for s, f, w in deeds if f != form and form.split()[0] not in w)
    return _Candidate(sentence, "action", f"Which of these does {form} do?", what, pool)


def _order_questions(
    sentences: tuple[Sentence, ...], deeds: list[Deed]
) -> Iterator[_Candidate]:
    """ "Which happens first?" over four deeds from one stretch of the plot."""
    events = [(s, f"{f} {w}") for s, f, w in deeds]
    for start in range(0, len(events) - 3, 4):
        chosen = events[start : start + 4]
        first_sentence, first = chosen[0]
        yield _Candidate(
            first_sentence,
            "order",
            "Which of these happens first?",
            first,
            tuple(text for _, text in chosen[1:]),
            tuple(s for s, _ in chosen),
        )


def _who_question(
    sentence: Sentence,
    names: list[tuple[Character, str]],
    characters: tuple[Character, ...],
    people: tuple[str, ...],
) -> _Candidate | None:
    """Turn "Raynor explains to Cates ..." into "Who explains to Cates ...?"."""
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None or not characters:
        return None
    for character, form in names:
        if not sentence.text.startswith(form + " "):
            continue
        size = len(form.split())
        if (
            size >= len(tokens)
            or tokens[size - 1].dep != "nsubj"
            or tokens[size - 1].head != root
            # "Xavier and Lensherr approach Wolverine": no "Who and Lensherr".
            or any(t.head == size - 1 and t.dep in ("cc", "conj") for t in tokens)
        ):
            return None
        rest = sentence.text[len(form) :].strip().rstrip(".!;")
        if len(rest.split()) > 25 or any(f in rest for _, f in names if _ is character):
            return None
        others = tuple(p for p in people if p != short_name(character))
        return _Candidate(sentence.id, "character", f"Who {rest}?", form, others)
    return None


def _where_question(
    sentence: Sentence,
    names: list[tuple[Character, str]],
    here: list[PlaceMention],
    places: tuple[str, ...],
) -> _Candidate | None:
    """Turn "Raynor meets Cates in Tyler." into "Where does Raynor meet Cates?".

    Asked only when the sentence opens with a character acting in a place the
    sentence names after a preposition; the wrong answers are the plot's other
    places, then fixed cities when the plot names too few.
    """
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None or tokens[root].pos != "VERB":
        return None
    form = next((f for _, f in names if sentence.text.startswith(f + " ")), None)
    size = len(form.split()) if form else 0
    if (
        not form
        or size >= len(tokens)
        or tokens[size - 1].dep != "nsubj"
        or tokens[size - 1].head != root
        or any(t.dep == "neg" and t.head == root for t in tokens)
    ):
        return None
    for place in here:
        if sentence.text.count(place.name) != 1:
            continue
        head = next(
            (
                i
                for i in range(place.entity_start, place.entity_end)
                if tokens[i].dep == "pobj"
            ),
            None,
        )
        if head is None:
            continue
        prep = tokens[head].head
        if tokens[prep].head != root or not root < prep <= root + 7:
            continue
        between = tokens[root + 1 : prep]
        if any(t.pos == "PUNCT" or t.dep in ("mark", "cc") for t in between):
            continue
        verb = " ".join([tokens[root].lemma.lower()] + [t.text for t in between])
        pool = tuple(p for p in places if p != place.name) + FALLBACK_PLACES
        return _Candidate(
            sentence.id, "place", f"Where does {form} {verb}?", place.name, pool
        )
    return None


def _blank(
    sentence: Sentence, kind: str, answer: str, pool: tuple[str, ...]
) -> _Candidate:
    text = sentence.text.replace(answer, BLANK, 1)
    return _Candidate(sentence.id, kind, f"Fill in the blank: “{text}”", answer, pool)


def _objects(sentence: Sentence) -> list[str]:
    """Return direct objects that are plain nouns ("a shotgun"), not names,
    with the modifier just before them; a hyphenated modifier whole
    ("spider-like powers", never "spider-_____")."""
    tokens = sentence.tokens
    found = []
    for index, token in enumerate(tokens):
        if (
            token.dep == "dobj"
            and token.pos == "NOUN"
            and token.text.isalpha()
            and token.lemma.lower() not in FILLER_OBJECTS
        ):
            start = index
            before = tokens[index - 1] if index else None
            if before and before.head == index and before.dep in ("amod", "compound"):
                start = index - 1
                while start >= 2 and glued_hyphen(tokens, start - 1):
                    start -= 2
            found.append(render(tokens[start : index + 1]))
    return found


def _number_variants(answer: str) -> tuple[str, ...]:
    match = NUMBER.search(answer)
    if match is None:
        return ()
    value = int(float(match.group(0).replace(",", "")))
    variants = []
    for other in (value * 2, value + 1, max(value - 1, 0), value * 10, value + 3):
        if other != value:
            formatted = f"{other:,}" if "," in match.group(0) else str(other)
            variants.append(answer[: match.start()] + formatted + answer[match.end() :])
    return tuple(variants)


def _spread(candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    """Pick up to `limit` candidates spread evenly over the plot."""
    if len(candidates) <= limit:
        return candidates
    step = len(candidates) / limit
    return [candidates[int(n * step)] for n in range(limit)]


def _question(candidate: _Candidate) -> QuizQuestion | None:
    seen = {candidate.answer.lower()}
    answer_words = set(candidate.answer.lower().split())
    wrong = []
    # Names from the plot come before the fallback lists; sentences share words.
    shares_words = candidate.kind not in ("action", "order")
    fallback = set(FALLBACK_PEOPLE + FALLBACK_PLACES)
    for option in sorted(
        candidate.pool,
        key=lambda o: (o in fallback, _hash(candidate.question + o)),
    ):
        if (
            option.lower() not in seen
            and option.lower() not in candidate.question.lower()
            and not (shares_words and answer_words & set(option.lower().split()))
        ):
            seen.add(option.lower())
            wrong.append(option)
        if len(wrong) == 3:
            break
    if len(wrong) < 3:
        return None
    answer = _hash(candidate.question) % 4
    options = wrong[:answer] + [candidate.answer] + wrong[answer:]
    return QuizQuestion(
        candidate.question,
        tuple(options),
        answer,
        candidate.kind,
        candidate.sources or (candidate.sentence,),
    )


def _hash(text: str) -> int:
    """Return a stable hash; Python's own hash changes between runs."""
    return zlib.crc32(text.encode("utf-8"))


def _unique(values: Iterator[str] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
