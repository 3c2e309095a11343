"""Real processes for tests: free ports, waiting for a server, process trees."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if is_open(port):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing answered on port {port} within {seconds} s")


def wait_for_page(url: str, seconds: float = 60) -> None:
    """Wait until the URL answers 200: the server and its workers are up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def is_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def children(pid: int) -> list[int]:
    """Return the ids of a process's direct children (Linux /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except OSError:
        return []


def descendants(pid: int) -> set[int]:
    """Return every process started under pid, however deep."""
    found: set[int] = set()
    waiting = children(pid)
    while waiting:
        child = waiting.pop()
        found.add(child)
        waiting.extend(children(child))
    return found


def alive(pid: int) -> bool:
    """Whether the process still runs (a zombie waiting for its parent does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z" and os.path.exists(f"/proc/{pid}")


def start_plotguide(tmp_path: Path, *args: str) -> subprocess.Popen:
    """Start `plotguide ARGS` the way a service manager does, in its own session."""
    environment = {
        **{k: v for k, v in os.environ.items() if k != "PLOTGUIDE_DATABASE_URL"},
        "PLOTGUIDE_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "plotguide.cli", *args],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop_tree(process: subprocess.Popen, port: int, signum: int) -> str:
    """Send the signal; return the output once the tree is gone and the port closed.

    Fails when any process of the tree still runs STOP_SECONDS after the
    signal (then kills them, so no test leaves a server behind).
    """
    tree = descendants(process.pid)
    assert tree, "the command started no process"
    started = time.monotonic()
    process.send_signal(signum)
    try:
        output, _ = process.communicate(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        output = ""
    while any(alive(pid) for pid in tree) and time.monotonic() - started < 10:
        time.sleep(0.1)
    survivors = [pid for pid in (*tree, process.pid) if alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], f"still running {STOP_SECONDS} s after the signal"
    assert not is_open(port)
    return output
