"""Progress for long work: a bar on a terminal, a line every few seconds in a log."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")
LOG_INTERVAL_SECONDS = 10.0


def track(
    items: Iterable[T], *, total: int | None, label: str, quiet: bool = False
) -> Iterator[T]:
    """Yield the items while showing how far along the work is on stderr."""
    if quiet:
        yield from items
        return
    if sys.stderr.isatty():
        yield from tqdm(items, total=total, desc=label, unit=" films", file=sys.stderr)
        return
    started = last = time.monotonic()
    for count, item in enumerate(items, start=1):
        yield item
        now = time.monotonic()
        if now - last >= LOG_INTERVAL_SECONDS:
            last = now
            of = f"/{total:,}" if total else ""
            rate = count / (now - started)
            print(
                f"{label}: {count:,}{of} ({rate:,.0f}/s)", file=sys.stderr, flush=True
            )
