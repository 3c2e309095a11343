"""Running the site with gunicorn, in front (`serve`) or behind other work (`demo`)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request

from plotguide.errors import PlotguideError

GRACEFUL_SECONDS = 5


def gunicorn_command(host: str, port: int, workers: int = 0) -> list[str]:
    workers = workers or (os.cpu_count() or 1) + 1
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "plotguide.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--log-level",
        "warning",
        # Requests in flight get this long when the site stops, so a stop
        # asked for by a service manager finishes within its 10 s.
        "--graceful-timeout",
        str(GRACEFUL_SECONDS),
    ]


def start(host: str, port: int, workers: int = 0) -> subprocess.Popen:
    """Start gunicorn in the background and wait until it answers.

    Whatever stops the wait (an interrupt, a server that never answers)
    stops gunicorn too, so no server outlives the command that started it.
    """
    # Its own process group, so that a stop can end the master and its
    # workers together even when the master no longer answers.
    process = subprocess.Popen(
        gunicorn_command(host, port, workers), start_new_session=True
    )
    try:
        wait_until_up(process, host, port)
    except BaseException:
        stop(process)
        raise
    return process


def wait_until_up(process: subprocess.Popen, host: str, port: int) -> None:
    url = f"http://{host}:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PlotguideError(
                f"The web server stopped at start (exit {process.returncode}); "
                f"is port {port} already in use? Try --port {port + 1}.",
                exit_code=1,
            )
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise PlotguideError(
        f"The web server did not answer at {url} within 60 s.", exit_code=1
    )


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers: gracefully, then for good after a deadline."""
    if process.poll() is not None:
        return
    process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=GRACEFUL_SECONDS + 1)
    # Workers left by a master that was slow to go, or killed, go with it.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def serve(host: str, port: int, workers: int = 0) -> int:
    """Serve in the foreground until interrupted; return the exit status."""
    process = start(host, port, workers)
    print(
        f"Serving Plotguide at http://{host}:{port}/ (Ctrl-C to stop).", file=sys.stderr
    )
    try:
        return process.wait()
    finally:
        stop(process)
