"""Requests per second and p99 latency of the API's story against the site's page.

Candidate: GET /api/v1/films/<slug>/story (JSON). Baseline, in the same run and
on the same gunicorn server: the cached HTML film page /films/<slug>/. Both use
the same spoiler mode. The figure is the ratio of the two.

By default a fresh data folder gets one film, built from a real plot by the
real engine; --slug with --existing measures a film of your own database.

Run: `.venv/bin/python bench/api_speed.py` (needs `wrk`: apt-get install wrk).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wrk import (  # noqa: E402
    WrkResult,
    free_port,
    run_wrk,
    start_gunicorn,
    stop_group,
    wrk_command,
)

DEFAULT_PLOT = ROOT / "tests" / "data" / "site" / "rush.txt"


@dataclass(frozen=True)
class Result:
    name: str
    requests_per_second: float
    p99_ms: float


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk -c (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--spoilers", default="all", help="spoiler mode (all)")
    parser.add_argument("--plot", type=Path, default=DEFAULT_PLOT, help="plot file")
    parser.add_argument("--slug", help="film to load; default: the seeded one")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="use the configured database instead of a fresh one (needs --slug)",
    )
    args = parser.parse_args(argv)
    if args.existing and not args.slug:
        parser.error("--existing needs --slug, e.g. --slug rush-1991")
    return args


def seed(plot_file: Path) -> tuple[str, int]:
    """Create one film from a plot file and publish its story; return slug, words."""
    from django.core.management import call_command

    from plotguide.catalog.models import Film
    from plotguide.stories.services import build_stories

    call_command("migrate", verbosity=0)
    plot = plot_file.read_text(encoding="utf-8")
    film = Film.objects.create(title="Bench Film", year=1991, plot=plot)
    report = build_stories(Film.objects.filter(pk=film.pk), publish=True)
    if not report.published:
        sys.exit(f"{plot_file}: the story was not published ({report.summary()}).")
    return film.slug, len(plot.split())


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def measure_once(url: str, args: argparse.Namespace, duration: int) -> WrkResult:
    """Load the URL once; exit when any answer failed."""
    command = wrk_command(url, duration, args.connections, args.threads)
    result = run_wrk(command)
    if result.failures:
        sys.exit(f"wrk on {url} counted {result.failures} failed answers.")
    return result


def measure(name: str, url: str, args: argparse.Namespace) -> Result:
    measure_once(url, args, duration=min(2, args.duration))  # warm-up: caches filled
    found = measure_once(url, args, duration=args.duration)
    return Result(name, found.requests_per_second, found.p99_ms)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed; install it with `apt-get install -y wrk`.")
    if not args.existing:
        os.environ["PLOTGUIDE_DATA_DIR"] = tempfile.mkdtemp(prefix="plotguide-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django

    django.setup()
    slug, words = (args.slug, 0) if args.existing else seed(args.plot)
    port = free_port()
    server = start_gunicorn(port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        query = f"?spoilers={args.spoilers}"
        api_url = f"{base}/api/v1/films/{slug}/story{query}"
        page_url = f"{base}/films/{slug}/{query}"
        if status_of(api_url) != 200:
            sys.exit(f"{api_url} does not answer 200; is the story of {slug} out?")
        results = []
        if status_of(page_url) == 200:
            results.append(measure("site film page (cached HTML)", page_url, args))
        else:
            print(f"No site film page at {page_url}; measuring the API alone.")
        results.append(measure("api film story (JSON)", api_url, args))
    finally:
        stop_group(server)
    baseline = results[0].requests_per_second
    size = f"film {slug}" + (f", {words}-word plot" if words else "")
    for result in results:
        print(
            f"{result.name:30} {result.requests_per_second:9,.0f} req/s  "
            f"p99 {result.p99_ms:7.2f} ms  "
            f"ratio {result.requests_per_second / baseline:.2f}  "
            f"{size}, spoilers={args.spoilers}, {os.cpu_count()} cores"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
