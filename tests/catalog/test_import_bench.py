"""The import bench keeps working on a few films; no test asserts a timing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plotguide.paths import cache_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.realdata
@pytest.mark.skipif(
    not (cache_dir() / "demo-data" / "tmdb" / "movies.csv").exists(),
    reason="the demo data is not fetched; run `plotguide fetch`",
)
def test_the_import_bench_prints_the_baseline_and_the_import():
    result = subprocess.run(
        [sys.executable, "bench/import_speed.py", "--limit", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    notes = [line for line in result.stdout.splitlines() if line.startswith("#")]
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    assert "load average" in notes[0]
    assert "median of 10 reads" in notes[1]
    assert lines[0].startswith("baseline csv read")
    assert lines[1].startswith("plotguide import")
    # Wall and CPU time, each with its ratio to the baseline.
    assert lines[1].count("films/s") == 2 and lines[1].count("ratio") == 2
