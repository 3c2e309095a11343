"""Faithfulness checks run on every story; any failure blocks publishing.

Each check returns a Check with details naming the section and item, so a
reviewer can find the fault without rereading the whole story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from plotguide.engine.cast_match import names_agree
from plotguide.engine.cleaning import DOUBLED_NAME
from plotguide.engine.film import FilmText
from plotguide.engine.join_evidence import DISAGREE, join_evidence
from plotguide.engine.names import credit_keys
from plotguide.engine.story import (
    DERIVED,
    FIXED,
    NOT_STATED,
    SOURCE,
    Check,
    Line,
    Story,
)
from plotguide.engine.text import STOPWORDS, stem, third_person, words

# Words the templates add around facts taken from the cited sentences.
TEMPLATE_WORDS = frozenset(
    [
        "story",
        "follows",
        "last",
        "moment",
        "plays",
        "part",
        "final",
        "act",
        "mention",
        "comes",
        "earlier",
        "dies",
        "killed",
        "arrested",
        "not",
        "never",
        "does",
        "do",
        "is",
        "are",
        "to",
        "and",
        "the",
        "of",
        "in",
        "this",
        "film",
        "shows",
        "theme",
        "moments",
        "moment",
        "where",
        "here",
        "when",
        "end",
        "goes",
        "back",
        "an",
        "it",
        "runs",
        "through",
        "plot",
        "two",
        "carry",
        "carries",
        "one",
        "twice",
        "most",
        "later",
    ]
)
SETTING_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "country",
        "state",
        "planet",
        "island",
        "ship",
        "station",
        "island",
        "county",
        "kingdom",
        "empire",
        "desert",
        "jungle",
        "forest",
        "mountain",
        "suburb",
        "capital",
    ]
)
YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})s?\b|\b\d{1,2}(st|nd|rd|th) century\b")


def validate(story: Story, film: FilmText | None = None) -> Story:
    """Return the story with its report filled, one Check per rule."""
    checks = [check(story) for check in CHECKS]
    if film is not None:
        checks[:0] = [
            check_credits_match_plot(film),
            check_actors_from_credits(story, film),
        ]
    return replace(story, report=tuple(checks))


def check_credits_match_plot(film: FilmText) -> Check:
    """The credits belong to the film the plot tells: it names its leads.

    A plot joined to a remake's or namesake's credits names none of them;
    such a page must never say its checks all passed.
    """
    billed = sorted(film.cast, key=lambda c: (c.order is None, c.order or 0))
    evidence = join_evidence(film.plot, [credit.character for credit in billed])
    if evidence.verdict == DISAGREE:
        return Check(
            "credits_match_plot",
            False,
            (f"credits: {evidence.describe()}; they may be another film's",),
        )
    return Check("credits_match_plot", True)


def check_actors_from_credits(story: Story, film: FilmText) -> Check:
    """An actor is named only when a credit pairs that actor with the character."""
    problems = []
    # A described part counts where the story shows it as a name: "Driver".
    shown = frozenset(f for c in story.characters for f in (c.name, *c.aliases))
    credits = credit_keys(film.cast, shown)
    for character in story.characters:
        if character.actor is None:
            continue
        names = {
            w.lower() for f in (character.name, *character.aliases) for w in f.split()
        }
        if not any(
            credit.actor == character.actor and names_agree(names, words)
            for credit, words in credits
        ):
            problems.append(
                f"characters[{character.name}]: actor {character.actor!r} is not "
                "credited with this character"
            )
    return Check("actors_from_credits", not problems, tuple(problems))


def check_timeline_order(story: Story) -> Check:
    """Events, their sentences and the turning points run in source order."""
    problems = []
    timeline = story.timeline
    previous = -1
    for number, event in enumerate(timeline.events):
        ids = [i for line in event.lines for i in line.sources]
        if ids != sorted(ids) or (ids and ids[0] <= previous):
            problems.append(f"timeline.events[{number}]: sentences {ids} out of order")
        if not 1 <= len(event.lines) <= 3:
            problems.append(f"timeline.events[{number}]: {len(event.lines)} sentences")
        previous = ids[-1] if ids else previous
        for key in event.turning_points:
            sentence = next(
                tp.sentence for tp in timeline.turning_points if tp.key == key
            )
            if sentence not in ids:
                problems.append(
                    f"timeline.events[{number}]: marks {key} but lacks sentence "
                    f"{sentence}"
                )
    points = [tp.sentence for tp in timeline.turning_points]
    if points != sorted(set(points)):
        problems.append(f"timeline.turning_points: {points} not strictly increasing")
    tp3 = next((tp.sentence for tp in timeline.turning_points if tp.key == "tp3"), None)
    if tp3 is not None and timeline.spoiler_boundary != tp3:
        problems.append(
            f"timeline.spoiler_boundary is {timeline.spoiler_boundary}, tp3 is {tp3}"
        )
    return Check("timeline_order", not problems, tuple(problems))


def check_supported_sentences(story: Story) -> Check:
    """Every generated sentence is backed by the source sentences it cites."""
    texts = {s.id: s for s in story.sentences}
    name_forms = [(c.name, *c.aliases) for c in story.characters]
    problems = []
    for where, line in iter_lines(story):
        if line.kind == FIXED:
            continue
        missing = [i for i in line.sources if i not in texts]
        if not line.sources or missing:
            problems.append(
                f"{where}: cites no existing sentence ({missing or 'none'})"
            )
            continue
        cited = " ".join(texts[i].text for i in line.sources)
        if line.kind == SOURCE:
            if line.text not in cited:
                problems.append(f"{where}: text differs from sentence {line.sources}")
            continue
        lemmas = [w for i in line.sources for w in texts[i].lemmas.split()]
        extra = unsupported_words(line.text, cited, lemmas, name_forms)
        if extra:
            problems.append(
                f"{where}: {', '.join(repr(w) for w in extra)} not in sentences "
                f"{list(line.sources)}"
            )
    return Check("supported_sentences", not problems, tuple(problems))


def unsupported_words(
    text: str,
    cited: str,
    lemmas: Iterable[str],
    name_forms: Iterable[tuple[str, ...]],
) -> list[str]:
    """Return the words of a derived line that its cited sentences lack.

    cited is their text and lemmas their words' lemmas ("pays" for "paid");
    a character's every name counts once any of them is cited. The timeline
    asks this of each title it builds, so no title fails this check.
    """
    lemmas = list(lemmas)
    allowed = {stem(w) for w in words(cited)}
    allowed |= {stem(w) for w in lemmas} | {third_person(w) for w in lemmas}
    for forms in name_forms:
        if any(form in cited for form in forms):
            allowed |= {stem(w) for form in forms for w in words(form)}
    return [
        w
        for w in words(text)
        if len(w) > 1
        and w.lower() not in STOPWORDS
        and w.lower() not in TEMPLATE_WORDS
        and stem(w) not in allowed
        and w.lower() not in allowed
    ]


def check_spoiler_boundary(story: Story) -> Check:
    """The spoiler-free summary cites only sentences before the point of no return."""
    boundary = story.timeline.spoiler_boundary
    problems = [
        f"spoiler_free.lines[{n}]: cites sentence {i} at or after boundary {boundary}"
        for n, line in enumerate(story.spoiler_free.lines)
        for i in line.sources
        if i >= boundary
    ]
    if story.spoiler_free.boundary != boundary:
        problems.append(
            f"spoiler_free.boundary {story.spoiler_free.boundary} differs from the "
            f"timeline's {boundary}"
        )
    return Check("spoiler_boundary", not problems, tuple(problems))


def check_quiz_answers(story: Story) -> Check:
    """Each right answer is stated by the question's cited sentence."""
    texts = {s.id: s.text.lower() for s in story.sentences}
    problems = []
    for number, question in enumerate(story.quiz.questions):
        where = f"quiz.questions[{number}]"
        options = question.options
        if len(options) != 4 or len({o.lower() for o in options}) != 4:
            problems.append(f"{where}: needs 4 different options, has {list(options)}")
            continue
        if not 0 <= question.answer < 4:
            problems.append(f"{where}: answer index {question.answer} out of range")
            continue
        cited = " ".join(texts.get(i, "") for i in question.sources)
        if options[question.answer].lower() not in cited:
            problems.append(
                f"{where}: answer {options[question.answer]!r} not in sentences "
                f"{list(question.sources)}"
            )
    return Check("quiz_answers", not problems, tuple(problems))


def check_setting_consistency(story: Story) -> Check:
    """Setting items show in their evidence; no section states another place or time."""
    texts = {s.id: s.text for s in story.sentences}
    problems = []
    setting = story.setting
    for where, item in (("setting.time_period", setting.time_period),) + tuple(
        (f"setting.locations[{n}]", item) for n, item in enumerate(setting.locations)
    ):
        if item.value == NOT_STATED:
            continue
        cited = " ".join(texts.get(i, "") for i in item.sources)
        if not item.sources or item.value not in cited:
            problems.append(
                f"{where}: {item.value!r} not in sentences {list(item.sources)}"
            )
    places = {item.value for item in setting.locations}
    for character in story.characters:
        if character.name in places:
            problems.append(f"characters[{character.name}]: is a setting location")
    for where, line in iter_lines(story):
        if line.kind != DERIVED:
            continue
        cited = " ".join(texts.get(i, "") for i in line.sources).lower()
        for match in YEAR.finditer(line.text):
            if match.group(0).lower() not in cited:
                problems.append(f"{where}: time {match.group(0)!r} not in its sources")
        for word in words(line.text.lower()):
            if word in SETTING_NOUNS and word not in cited:
                problems.append(f"{where}: place word {word!r} not in its sources")
    return Check("setting_consistency", not problems, tuple(problems))


def check_no_doubled_names(story: Story) -> Check:
    """No text repeats a name twice in a row ("Jim Raynor Jim Raynor")."""
    problems = []
    for where, text in iter_texts(story):
        match = DOUBLED_NAME.search(text)
        if match:
            problems.append(f"{where}: {match.group(0)!r}")
    return Check("no_doubled_names", not problems, tuple(problems))


def iter_lines(story: Story) -> Iterator[tuple[str, Line]]:
    """Yield every generated Line with a path naming where it sits."""
    for n, paragraph in enumerate(story.summary.paragraphs):
        for m, line in enumerate(paragraph):
            yield f"summary.paragraphs[{n}][{m}]", line
    for n, line in enumerate(story.summary.ending):
        yield f"summary.ending[{n}]", line
    for n, line in enumerate(story.summary.ending_meaning):
        yield f"summary.ending_meaning[{n}]", line
    for n, event in enumerate(story.timeline.events):
        yield f"timeline.events[{n}].title", event.title
        for m, line in enumerate(event.lines):
            yield f"timeline.events[{n}].lines[{m}]", line
    for character in story.characters:
        where = f"characters[{character.name}]"
        for n, line in enumerate(character.profile):
            yield f"{where}.profile[{n}]", line
        for n, line in enumerate(character.arc):
            yield f"{where}.arc[{n}]", line
        if character.fate:
            yield f"{where}.fate", character.fate
    for theme in story.themes:
        for n, line in enumerate(theme.paragraph):
            yield f"themes[{theme.id}].paragraph[{n}]", line
    for n, line in enumerate(story.spoiler_free.lines):
        yield f"spoiler_free.lines[{n}]", line


def iter_texts(story: Story) -> Iterator[tuple[str, str]]:
    """Yield every reader-facing string, generated or copied."""
    for where, line in iter_lines(story):
        yield where, line.text
    for character in story.characters:
        yield f"characters[{character.name}].name", character.name
    for n, question in enumerate(story.quiz.questions):
        yield f"quiz.questions[{n}].question", question.question
        for m, option in enumerate(question.options):
            yield f"quiz.questions[{n}].options[{m}]", option
    yield "after_credits.text", story.after_credits.text


CHECKS: tuple[Callable[[Story], Check], ...] = (
    check_timeline_order,
    check_supported_sentences,
    check_spoiler_boundary,
    check_quiz_answers,
    check_setting_consistency,
    check_no_doubled_names,
)
