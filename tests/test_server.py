"""`plotguide serve` stops its whole process tree on SIGTERM and SIGINT."""

from __future__ import annotations

import signal

import pytest

from tests.processes import free_port, start_plotguide, stop_tree, wait_for_page


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_gunicorn_and_its_workers_on_a_signal(tmp_path, signum):
    port = free_port()
    process = start_plotguide(tmp_path, "serve", "--port", str(port), "--workers", "2")
    wait_for_page(f"http://127.0.0.1:{port}/")
    output = stop_tree(process, port, signum)
    assert process.returncode == 130
    assert "Interrupted." in output
