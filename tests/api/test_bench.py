"""The API speed bench still runs end to end; no timing is asserted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "api_speed.py"


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="needs wrk (apt-get install wrk)"
)
def test_the_bench_measures_the_story_and_the_page_on_one_film(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCH), "--duration", "1", "--connections", "2"]
        + ["--threads", "1", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("site film page (cached HTML)")
    assert lines[1].startswith("api film story (JSON)")
    assert all("req/s" in line and "p99" in line for line in lines)
