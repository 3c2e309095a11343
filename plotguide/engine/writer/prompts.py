"""What the model is told: the plot once in the system message, then each section.

The system message is the same for every section of a film, so a server with a
prompt cache (llama.cpp, vLLM) reads the plot once per film.
"""

from __future__ import annotations

from plotguide.engine.film import FilmText
from plotguide.engine.story import Story

RULES = (
    "You write pages of a film guide from the film's plot. State only what the "
    "numbered plot sentences state: no outside knowledge, no guesses, no opinions. "
    "Keep every name exactly as the sentences write it, and reuse their words. "
    "Never drop words such as 'not', 'nearly', 'tries' or 'believes' that change "
    "whether something happens. Each sentence you write cites, in 'sources', the "
    "ids of the one to three plot sentences it rests on, and uses no word those "
    "sentences lack except small words like 'the', 'and', 'is'. Answer with JSON "
    "only."
)


def system_message(film: FilmText, story: Story) -> dict[str, str]:
    """Return the system message: the rules, the credits and the numbered plot."""
    year = f" ({film.year})" if film.year else ""
    cast = "; ".join(
        f"{credit.character} (played by {credit.actor})"
        for credit in film.cast[:12]
        if credit.character
    )
    plot = "\n".join(f"[{s.id}] {s.text}" for s in story.sentences)
    parts = [RULES, f"Film: {film.title}{year}"]
    if cast:
        parts.append(f"Characters: {cast}")
    parts.append(f"Plot sentences:\n{plot}")
    return {"role": "system", "content": "\n\n".join(parts)}


def complaint(problems: list[str]) -> str:
    """Return the follow-up that tells the model what its answer got wrong."""
    listed = "\n".join(f"- {problem}" for problem in problems[:12])
    return (
        "These parts of your answer were rejected:\n"
        f"{listed}\n"
        "Answer again in the same JSON shape. Use only words of the sentences "
        "you cite, and cite the sentences that state what you write."
    )
