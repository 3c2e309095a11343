"""A FilmRecord as JSON and back, so a held record can be applied later as it was."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from plotguide.catalog.importers.records import (
    AwardRecord,
    CreditRecord,
    FilmRecord,
    Location,
    PostCreditsRecord,
)


def record_to_json(record: FilmRecord) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["release_date"] = (
        record.release_date.isoformat() if record.release_date else None
    )
    data.pop("warnings", None)
    return data


def record_from_json(data: dict[str, Any]) -> FilmRecord:
    values = dict(data)
    values["location"] = Location(**values["location"])
    if values.get("release_date"):
        values["release_date"] = date.fromisoformat(values["release_date"])
    values["credits"] = tuple(CreditRecord(**c) for c in values.get("credits", ()))
    values["awards"] = tuple(AwardRecord(**a) for a in values.get("awards", ()))
    for name in ("studios", "genres", "keywords"):
        values[name] = tuple(values.get(name, ()))
    if values.get("post_credits"):
        values["post_credits"] = PostCreditsRecord(**values["post_credits"])
    return FilmRecord(**values)
