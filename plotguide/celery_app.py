"""The Celery application for scale-out: story builds spread over workers on Redis.

Start a worker with `celery -A plotguide.celery_app worker`, with
PLOTGUIDE_BROKER_URL (e.g. redis://localhost:6379/0) set for it and the site.
"""

from __future__ import annotations

import os

from celery import Celery

from plotguide.infra.broker import redelivery_seconds

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plotguide.settings")

app = Celery("plotguide", include=["plotguide.stories.tasks"])


def configure() -> Celery:
    """Point the app at the broker the environment names now, and return it."""
    broker = os.environ.get("PLOTGUIDE_BROKER_URL", "redis://localhost:6379/0")
    app.conf.update(
        broker_url=broker,
        result_backend=os.environ.get("PLOTGUIDE_RESULT_URL") or broker,
        # A build is acknowledged only once saved; a worker process killed
        # mid-build hands its build back to the queue instead of losing it.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # A worker killed whole (its machine lost, SIGKILL) hands nothing back:
        # Redis gives its unacknowledged build to another worker once this
        # many seconds have passed since delivery (kombu's default is an hour),
        # swept every 10 s. It must exceed the longest build, or a slow build
        # runs twice.
        broker_transport_options={
            "visibility_timeout": redelivery_seconds(),
            "unacked_restore_throttle": 1,
        },
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
    )
    return app


configure()
