"""Parameter types shared by the operations, bounded so bad input is a 422."""

from __future__ import annotations

from typing import Annotated

from ninja import Path

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

Slug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        max_length=90,
        description="The slug in the thing's URL, such as 'rush-1991'.",
    ),
]
