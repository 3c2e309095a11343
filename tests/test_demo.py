"""`plotguide demo` stops its site and its story builders on SIGTERM, losing nothing."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from plotguide.paths import cache_dir
from tests.processes import (
    descendants,
    free_port,
    start_plotguide,
    stop_tree,
    wait_for_page,
)

DATA = cache_dir() / "demo-data"
SECTIONS = {"timeline", "characters", "summary", "quiz", "report"}
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not (DATA / "tmdb" / "movies.csv").exists(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]


def builders(pid: int) -> list[int]:
    """Return the story builders under pid: multiprocessing's spawned engines."""
    return [
        child for child in descendants(pid) if b"multiprocessing" in _cmdline(child)
    ]


def story_count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM stories_story").fetchone()[0]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_sigterm_mid_build_stops_everything_and_leaves_only_whole_stories(tmp_path):
    port = free_port()
    process = start_plotguide(tmp_path, "demo", "--limit", "60", "--port", str(port))
    wait_for_page(f"http://127.0.0.1:{port}/", seconds=300)
    database = tmp_path / "data" / "plotguide.sqlite3"
    deadline = time.monotonic() + 180
    while not (builders(process.pid) and story_count(database)):
        assert time.monotonic() < deadline, "no story was built"
        time.sleep(0.1)
    output = stop_tree(process, port, signal.SIGTERM)
    assert process.returncode == 130, output
    with sqlite3.connect(database) as connection:
        stories = connection.execute("SELECT data, plot_digest FROM stories_story")
        for data, plot_digest in stories:
            assert set(json.loads(data)) >= SECTIONS and plot_digest
