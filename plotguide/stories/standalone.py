"""The story of a plot file, for editors and evaluations; no database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plotguide.engine import FilmText
from plotguide.errors import PlotguideError
from plotguide.stories.workers import story_of


def story_from_files(plot_path: Path, meta_path: Path | None) -> dict[str, Any]:
    """Return the story of the plot in plot_path, with the metadata of meta_path."""
    plot = _read(plot_path)
    meta: dict[str, Any] = {"title": plot_path.stem, "year": None}
    if meta_path is not None:
        try:
            meta = json.loads(_read(meta_path))
        except json.JSONDecodeError as exc:
            raise PlotguideError(
                f"{meta_path}, line {exc.lineno}: not valid JSON ({exc.msg})."
            ) from exc
        if not isinstance(meta, dict):
            raise PlotguideError(f"{meta_path}: expected a JSON object with a title.")
    film = FilmText.from_meta(plot, meta)
    return story_of(film)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PlotguideError(f"{path}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise PlotguideError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8."
        ) from exc
