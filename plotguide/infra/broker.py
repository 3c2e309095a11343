"""Where story builds are queued for Celery, read from the environment.

Kept apart from Celery itself (an optional dependency) and from the models, so
the start-up checks and the Celery app read the same values the same way.
"""

from __future__ import annotations

import os

REDELIVERY_VARIABLE = "PLOTGUIDE_BUILD_REDELIVERY_SECONDS"


def broker_url() -> str:
    """The broker Celery workers take builds from; empty: builds run in-process."""
    return os.environ.get("PLOTGUIDE_BROKER_URL", "")


def redelivery_seconds() -> int:
    """Seconds before an unfinished build goes to another worker (15 min:
    the writer engine takes minutes per film on CPU)."""
    value = os.environ.get(REDELIVERY_VARIABLE, "900")
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValueError(
            f"{REDELIVERY_VARIABLE} is {value!r}; give a whole "
            "number of seconds, longer than the slowest story build."
        )
    return int(value)
