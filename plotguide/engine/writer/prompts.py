"""What the model is told: the plot once in the system message, then each section.

The system message is the same for every section of a film, so a server with a
prompt cache (llama.cpp, vLLM) reads the plot once per film.

The model sees the plot's sentences counted from 1, as a reader counts them, and
cites them back by those numbers; every number it is shown (the instructions,
the timeline's events, the complaints) is in that count. A small model shown
sentence ids from 0 cited one past the last sentence and pairs such as [2, 3]
for one sentence. The engine's own ids, in the story, its logs and its notes,
start at 0: `shown` and `cited` convert between the two.
"""

from __future__ import annotations

import re

from plotguide.engine.film import FilmText
from plotguide.engine.story import Story

RULES = (
    "You write pages of a film guide from the film's plot. State only what the "
    "numbered plot sentences state: no outside knowledge, no guesses, no opinions. "
    "Keep every name exactly as the sentences write it, and reuse their words. "
    "Never drop words such as 'not', 'nearly', 'tries' or 'believes' that change "
    "whether something happens. Never combine what one sentence says about one "
    "person with another person. Each sentence you write lists, in 'sources', the "
    "numbers of the one to three plot sentences it rests on, exactly as they are "
    "numbered below (the sentence marked [7] is 7), and uses no word those "
    "sentences lack except small words like 'the', 'and', 'is'. Answer with JSON "
    "only."
)
# "sentence 27", "sentences [4, 5]", "cites [3]" in a check's complaint.
NUMBERED = re.compile(r"\b(sentences?|cites) (\[[-\d, ]*\]|\(?-?\d+)")


def shown(sentence_id: int) -> int:
    """Return the number the model sees, and cites, for a plot sentence."""
    return sentence_id + 1


def cited(number: int) -> int:
    """Return the sentence id of a number the model cited."""
    return number - 1


def span(low: int, high: int) -> str:
    """Return 'sentences 1 to 5' for the sentence ids low to high, as shown."""
    if high <= low:
        return f"sentence {shown(low)}"
    return f"sentences {shown(low)} to {shown(high)}"


def system_message(film: FilmText, story: Story) -> dict[str, str]:
    """Return the system message: the rules, the credits and the numbered plot."""
    year = f" ({film.year})" if film.year else ""
    cast = "; ".join(
        f"{credit.character} (played by {credit.actor})"
        for credit in film.cast[:12]
        if credit.character
    )
    plot = "\n".join(f"[{shown(s.id)}] {s.text}" for s in story.sentences)
    parts = [RULES, f"Film: {film.title}{year}"]
    if cast:
        parts.append(f"Characters: {cast}")
    parts.append(f"Plot sentences:\n{plot}")
    return {"role": "system", "content": "\n\n".join(parts)}


def renumbered(problem: str) -> str:
    """Return a check's complaint with its sentence ids as the model counts them."""

    def number(match: re.Match[str]) -> str:
        ids = re.sub(r"-?\d+", lambda n: str(shown(int(n.group(0)))), match.group(2))
        return f"{match.group(1)} {ids}"

    return NUMBERED.sub(number, problem)


def complaint(problems: list[str]) -> str:
    """Return the follow-up that tells the model what its answer got wrong."""
    listed = "\n".join(f"- {renumbered(problem)}" for problem in problems[:12])
    return (
        "These parts of your answer were rejected:\n"
        f"{listed}\n"
        "Answer again in the same JSON shape. Use only words of the sentences "
        "you cite, and cite the sentences that state what you write."
    )
