"""The load and faults bench runs end to end on five real films; no timing is
asserted, only what it counts and that it leaves no process behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import alive, descendants
from tests.site.real_films import has_demo_data

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not shutil.which("wrk") or not shutil.which("redis-server"),
        reason="needs wrk and redis-server (scripts/test.sh installs them)",
    ),
    pytest.mark.skipif(
        not has_demo_data(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]


def test_three_phases_meet_every_target_and_leave_nothing_running(tmp_path):
    bench = subprocess.Popen(
        [sys.executable, "bench/load.py", "--duration", "2", "--connections", "4"]
        + ["--films", "5", "--builds", "2", "--settle", "60", "--redelivery", "5"]
        + ["--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started: set[int] = set()
    while True:
        started |= descendants(bench.pid)
        try:
            output, errors = bench.communicate(timeout=0.5)
            break
        except subprocess.TimeoutExpired:
            pass
    # The targets are measured (docs/benchmarks.md, 60 s phases), not asserted
    # here: two-second phases on a loaded CI machine miss them by timing alone
    # (exit 1). The bench must run all three phases, judge every target and
    # leave nothing running.
    assert bench.returncode in (0, 1), errors[-3000:] + output[-3000:]
    assert re.findall(r"^phase (\d) ", output, re.M) == ["1", "2", "3"], output
    for target in (
        "0 failed answers: ",
        "every story of the build saved: ",
        "0 lost builds: ",
        "0 requests stuck in 'queued': ",
    ):
        assert re.search(re.escape(target) + "(met|MISSED)", output), output
    assert [pid for pid in started if alive(pid)] == []
