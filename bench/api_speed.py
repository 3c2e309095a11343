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
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLOT = ROOT / "tests" / "data" / "site" / "rush.txt"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    """Start gunicorn without an access log, and wait until it answers."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "plotguide.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start (exit {process.returncode}).")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/meta", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit("gunicorn did not answer within 60 s.")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def run_wrk(url: str, args: argparse.Namespace, duration: int) -> tuple[float, float]:
    """Return (requests per second, p99 in ms) of one wrk run."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{duration}s",
            "--latency",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors or not rate or not p99:
        sys.exit(f"wrk on {url} did not give clean results:\n{output}")
    return float(rate.group(1)), float(p99.group(1)) * _UNITS[p99.group(2)]


def measure(name: str, url: str, args: argparse.Namespace) -> Result:
    run_wrk(url, args, duration=min(2, args.duration))  # warm-up: caches filled
    rate, p99 = run_wrk(url, args, duration=args.duration)
    return Result(name, rate, p99)


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
    server = start_server(port, args.workers)
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
        server.terminate()
        server.wait(timeout=30)
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
