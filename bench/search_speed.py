"""Search latency over the full demo catalogue: p50 and p95 per query kind.

Usage: .venv/bin/python bench/search_speed.py [--limit N] [--repeat 20]

Imports the real demo data (`plotguide fetch` packages) into a temporary data
folder, then times `plotguide.catalog.search.search` on typed titles, typos,
people, characters and plot words, after one warm-up pass. Target: p95 < 20 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {
    "title": ["the godfather", "titanic", "star wars", "avatar", "jaws"],
    "typo": ["godfathr", "titanik", "star wras", "avatr", "intersteller"],
    "person": ["tom hanks", "al pacino", "meryl streep", "leonardo dicaprio"],
    "character": ["michael corleone", "jack dawson", "luke skywalker"],
    "plot": ["undercover police", "ship iceberg", "shark beach", "space war"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="rows per import")
    parser.add_argument("--repeat", type=int, default=20, help="runs per query (20)")
    parser.add_argument(
        "--data-dir", help="reuse this data folder's catalogue (default: a new one)"
    )
    args = parser.parse_args()
    os.environ["PLOTGUIDE_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(
        prefix="plotguide-search-"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from plotguide.catalog.models import Credit, Film, Person
    from plotguide.catalog.search import search
    from plotguide.demo import fetch_demo_data, import_demo_data

    call_command("migrate", verbosity=0)
    if not Film.objects.exists():
        import_demo_data(fetch_demo_data(), limit=args.limit, quiet=True)
    size = (
        f"{Film.objects.count():,} films, {Person.objects.count():,} people, "
        f"{Credit.objects.exclude(character='').count():,} characters"
    )
    print(f"# catalogue: {size}; cores {os.cpu_count()}")
    every: list[float] = []
    for kind, queries in QUERIES.items():
        for query in queries:
            search(query)
        timings = []
        for _ in range(args.repeat):
            for query in queries:
                started = time.perf_counter()
                search(query, limit=20)
                timings.append((time.perf_counter() - started) * 1000)
        every += timings
        print(
            f"search_{kind:10} p50 {percentile(timings, 50):6.2f} ms  "
            f"p95 {percentile(timings, 95):6.2f} ms  queries {len(queries)}"
        )
    p95 = percentile(every, 95)
    print(
        f"search_all        p50 {percentile(every, 50):6.2f} ms  p95 {p95:6.2f} ms"
        f"  target p95 < 20 ms: {'met' if p95 < 20 else 'MISSED'}"
    )
    for query in ("godfathr", "titanik"):
        top = [f"{r.label} ({r.kind})" for r in search(query, limit=3)]
        print(f"# {query!r} -> {', '.join(top)}")
    return 0


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100)[pct - 1] if len(values) > 1 else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
