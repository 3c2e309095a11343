"""Shared by the benches that load a real server: wrk runs and gunicorn's life.

wrk's own summary is parsed, so what a bench reports is what wrk counted:
requests per second, the 99th percentile latency, answers that were not 2xx
or 3xx, and socket errors (connect, read, write, timeout).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from plotguide import server

ROOT = Path(__file__).resolve().parent.parent
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run counted."""

    requests: int
    requests_per_second: float
    p99_ms: float
    bad_statuses: int
    socket_errors: int

    @property
    def failures(self) -> int:
        """Answers a reader would notice as failed: a bad status or none at all."""
        return self.bad_statuses + self.socket_errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk_command(
    url: str, seconds: float, connections: int, threads: int = 2
) -> list[str]:
    threads = max(1, min(threads, connections))
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        url,
    ]


def parse(output: str) -> WrkResult:
    """Read wrk's summary; exit naming the output when it has no figures."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    total = re.search(r"^\s+(\d+) requests in", output, re.M)
    if not rate or not p99 or not total:
        sys.exit(f"wrk gave no figures:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests=int(total.group(1)),
        requests_per_second=float(rate.group(1)),
        p99_ms=float(p99.group(1)) * _UNITS[p99.group(2)],
        bad_statuses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(map(int, errors.groups())) if errors else 0,
    )


def run_wrk(command: list[str]) -> WrkResult:
    """Run a wrk command line to its end and return what it counted."""
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse(done.stdout)


def start_gunicorn(
    port: int, workers: int = 0, env: dict | None = None
) -> subprocess.Popen:
    """Start the site as `plotguide serve` does, quiet, and wait until it answers.

    The access log goes nowhere: under load it would cost the server more
    than the pages. Stop it with stop_group(); it has its own process group,
    so its workers go with it.
    """
    process = subprocess.Popen(
        server.gunicorn_command("127.0.0.1", port, workers),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        server.wait_until_up(process, "127.0.0.1", port)
    except BaseException:
        server.stop(process)
        raise
    return process


# Stops gunicorn, or any process started in its own session, with all it
# started: SIGTERM, then SIGKILL for the group after a grace.
stop_group = server.stop
