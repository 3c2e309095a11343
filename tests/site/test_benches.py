"""The page-speed bench keeps working; no test asserts a timing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not shutil.which("wrk") or not Path("/usr/sbin/nginx").exists(),
    reason="wrk and nginx are missing; scripts/browser_deps.sh installs them.",
)
def test_page_speed_bench_prints_all_four_results():
    result = subprocess.run(
        [sys.executable, "bench/page_speed.py", "--seconds", "1", "--warmup", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for name in [
        "a_static_nginx",
        "b_nginx_proxy_cache",
        "c_gunicorn_film_page",
        "d_gunicorn_trivial_view",
    ]:
        assert name in result.stdout
    assert "nginx cache after warm-up: HIT" in result.stdout
