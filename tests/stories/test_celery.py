"""At scale, a queued story is built by a real Celery worker through a real Redis.

Everything runs as separate processes on one database file, as in production:
the import and the request in one process each, the worker in another.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REDIS = shutil.which("redis-server")
FILMS = Path(__file__).resolve().parent.parent / "data" / "cli" / "films.csv"
pytestmark = pytest.mark.skipif(
    REDIS is None, reason="redis-server is not installed (scripts/test.sh installs it)"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def environment(redis_url, tmp_path):
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name != "PLOTGUIDE_DATABASE_URL"
    }
    return {
        **inherited,
        "PLOTGUIDE_BROKER_URL": redis_url,
        "PLOTGUIDE_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "plotguide.settings",
    }


def run(environment, *args: str) -> None:
    subprocess.run(args, env=environment, check=True, capture_output=True, timeout=300)


def test_a_queued_story_is_built_by_a_celery_worker(environment, tmp_path):
    run(
        environment,
        sys.executable,
        "-m",
        "plotguide.cli",
        "import",
        "wikipedia",
        str(FILMS),
        "--quiet",
    )
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "plotguide.celery_app",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
        ],
        env=environment,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        run(
            environment,
            sys.executable,
            "-c",
            (
                "import django; django.setup();"
                "from plotguide.catalog.models import Film;"
                "from plotguide.stories.jobs import queue_generation;"
                "queue_generation(Film.objects.get(title='Rush'))"
            ),
        )
        database = tmp_path / "data" / "plotguide.sqlite3"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with sqlite3.connect(database) as db:
                rows = db.execute(
                    "SELECT s.status FROM stories_story s JOIN catalog_film f"
                    " ON f.id = s.film_id WHERE f.title = 'Rush'"
                ).fetchall()
                queued = db.execute("SELECT COUNT(*) FROM stories_generationjob")
                assert queued.fetchone() == (0,)
            if rows:
                break
            time.sleep(0.5)
        else:
            pytest.fail("no story after 120 s; worker log:\n" + log.read_text()[-3000:])
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert "plotguide.generate_story" in log.read_text()
