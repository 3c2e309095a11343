"""Small helpers for reading parser output in tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from plotguide.catalog.importers.records import FilmRecord, Rejection

DATA = Path(__file__).resolve().parents[2] / "data"
TWO_MB = 2 * 1024 * 1024


def films(results: Iterable[FilmRecord | Rejection]) -> list[FilmRecord]:
    return [item for item in results if isinstance(item, FilmRecord)]


def rejections(results: Iterable[FilmRecord | Rejection]) -> list[Rejection]:
    return [item for item in results if isinstance(item, Rejection)]


def by_title(results: Iterable[FilmRecord | Rejection]) -> dict[str, FilmRecord]:
    return {film.title: film for film in films(results)}


def append_bytes(path: Path, data: bytes) -> None:
    with path.open("ab") as file:
        file.write(data)
