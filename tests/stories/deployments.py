"""Plotguide as an operator runs it, in separate processes on one database.

A Deployment runs Python in a fresh process (as a web request or an admin
would), and builds queued stories the way its mode says: `plotguide work`
draining the database queue, or a real Celery worker on a real Redis.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.processes import children

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS = shutil.which("redis-server")

# Run first in every probe process: helpers that describe what readers and
# editors would see of a film.
PRELUDE = """
import json, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from plotguide.audience.models import SummaryRequest
from plotguide.catalog.models import Film
from plotguide.stories.models import GenerationJob, Story

def story(title):
    found = Story.objects.filter(film__title=title).first()
    if found is None:
        return None
    return {"status": found.status, "title": found.data.get("title"),
            "sections": sorted(found.data), "is_faithful": found.is_faithful}

def job(title):
    found = GenerationJob.objects.filter(film__title=title).first()
    return None if found is None else {"status": found.status, "error": found.error}

def request_status(title):
    return (SummaryRequest.objects.filter(film__title=title)
            .values_list("status", flat=True).first())

def wait(condition, seconds=180):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
"""


class Deployment:
    """One database, and either the database queue or Celery on Redis.

    The database is an SQLite file in the data folder, or the PostgreSQL
    database database_url names.
    """

    def __init__(
        self, tmp_path: Path, broker_url: str = "", database_url: str = ""
    ) -> None:
        self.tmp_path = tmp_path
        self.environment = {
            **{k: v for k, v in os.environ.items() if k != "PLOTGUIDE_DATABASE_URL"},
            "PLOTGUIDE_DATA_DIR": str(tmp_path / "data"),
            "DJANGO_SETTINGS_MODULE": "plotguide.settings",
            "PYTHONPATH": str(ROOT),
            # These builds test queues and crashes, not stories: without the
            # sentence encoder each process starts and builds faster.
            "PLOTGUIDE_SENTENCE_ENCODER": "0",
        }
        if broker_url:
            self.environment["PLOTGUIDE_BROKER_URL"] = broker_url
        if database_url:
            self.environment["PLOTGUIDE_DATABASE_URL"] = database_url
        self.worker: subprocess.Popen | None = None
        self.log = tmp_path / "worker.log"

    @property
    def uses_celery(self) -> bool:
        return "PLOTGUIDE_BROKER_URL" in self.environment

    def python(self, code: str) -> Any:
        """Run code after the prelude in a new process; return its JSON output."""
        result = subprocess.run(
            [sys.executable, "-c", PRELUDE + code],
            env=self.environment,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = result.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    def start_worker(self) -> None:
        """Start what builds queued stories: a Celery worker, or `plotguide work`."""
        if self.uses_celery:
            command = ["-m", "celery", "-A", "plotguide.celery_app", "worker"]
            command += ["--pool=prefork", "--concurrency=1", "--loglevel=INFO"]
        else:
            command = ["-m", "plotguide.cli", "work", "--interval", "0.5"]
        self.worker = subprocess.Popen(
            [sys.executable, *command],
            env=self.environment,
            cwd=ROOT,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
        )

    def building_process(self) -> int:
        """Return the id of the process that runs the engine."""
        assert self.worker is not None
        if not self.uses_celery:
            return self.worker.pid
        deadline = time.monotonic() + 60
        while not children(self.worker.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        return children(self.worker.pid)[0]

    def stop_worker(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            self.worker.send_signal(signal.SIGTERM)
            try:
                self.worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.worker.kill()
                self.worker.wait()
        self.worker = None

    def worker_log(self) -> str:
        return self.log.read_text()[-3000:] if self.log.exists() else ""
