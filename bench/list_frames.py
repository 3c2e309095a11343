"""Which sentences of the most popular films are read as framed? (not a test)

Prints every sentence with a token told inside a frame (plotguide/engine/frames.py:
an alternate world, a dream, a made-up excuse), the framed words in [[ ]], "W" where
the whole sentence is framed, then each frame's opening and the first sentence past
it, so a person can read how many are really framed and where each frame ends.

    PLOTGUIDE_DATA_DIR=DIR .venv/bin/python bench/list_frames.py --films 300
"""

from __future__ import annotations

import argparse
import os

from plotguide.engine import EngineConfig, FilmText, OfflineEngine
from plotguide.engine.doc import Sentence
from plotguide.engine.frames import frame_end, is_framed, opening_kind


def popular_films(count: int) -> list[FilmText]:
    """The catalogue's most popular films with a plot, most popular first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django

    django.setup()
    from plotguide.catalog.models import Film
    from plotguide.stories.services import film_text

    films = Film.objects.exclude(plot="").exclude(popularity=None)
    return [film_text(f) for f in films.order_by("-popularity")[:count]]


def marked(sentence: Sentence) -> str:
    """The sentence with its framed words in [[ ]]."""
    tokens = sentence.tokens
    words = []
    for index, token in enumerate(tokens):
        opens = token.framed and (index == 0 or not tokens[index - 1].framed)
        closes = token.framed and (
            index + 1 == len(tokens) or not tokens[index + 1].framed
        )
        words.append(
            ("[[" if opens else "")
            + token.text
            + ("]]" if closes else "")
            + (" " if token.space else "")
        )
    return "".join(words).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=300)
    args = parser.parse_args()
    films = popular_films(args.films)
    engine = OfflineEngine(EngineConfig(pipeline=("sentences",)))
    framed = whole = sentences = 0
    openings = []
    for film, doc in zip(films, engine.documents(films), strict=True):
        title = f"{film.title} ({film.year})"
        for sentence in doc.sentences or ():
            sentences += 1
            kind = opening_kind(sentence.text)
            if kind:
                end = frame_end(doc.sentences or (), sentence.id, kind)
                openings.append(f"{title} | {sentence.id} {kind}, ends before {end}")
            if any(t.framed for t in sentence.tokens):
                framed += 1
                whole += is_framed(sentence)
                mark = "W" if is_framed(sentence) else "-"
                print(f"{title} | {sentence.id} | {mark} | {marked(sentence)}")
    print("\nFrame openings:", *openings, sep="\n")
    print(
        f"\n{len(films)} films, {sentences} sentences: {framed} with framed words, "
        f"{whole} framed whole, {len(openings)} frame openings"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
