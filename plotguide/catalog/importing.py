"""One import run: read the whole file, then write it in one transaction."""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import transaction

from plotguide.catalog.importers import get_parser, plotguide_json
from plotguide.catalog.importers.records import FilmRecord, Rejection
from plotguide.catalog.limits import check_storable
from plotguide.catalog.services import (
    ImportReport,
    import_collections,
    import_records,
    yearless_by_title,
)
from plotguide.progress import track


def run_import(
    format_name: str,
    path: Path,
    *,
    update_only: bool = False,
    dry_run: bool = False,
    limit: int | None = None,
    quiet: bool = True,
) -> ImportReport:
    """Import a file and return the report.

    The file is parsed completely before the first write, so a file that turns
    out not to be the format named (a fatal ImportFormatError) writes nothing.
    """
    started = time.monotonic()
    with _collector_paused():
        parse = get_parser(format_name)
        rows: list[FilmRecord | Rejection] = [
            check_storable(row) for row in itertools.islice(parse(path), limit)
        ]
        with transaction.atomic():
            report = import_records(
                track(
                    rows, total=len(rows), label=f"Importing {path.name}", quiet=quiet
                ),
                update_only=update_only,
                dry_run=dry_run,
                yearless=yearless_by_title(rows),
            )
            if format_name == "json" and not dry_run:
                import_collections(
                    plotguide_json.load_document(path).get("collections", [])
                )
    report.seconds = time.monotonic() - started
    return report


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one import.

    An import builds millions of objects (records, people, rows) that all live
    until it ends; the collector would walk them again and again for nothing,
    a tenth of the import's time. Reference counting still frees the rest.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
