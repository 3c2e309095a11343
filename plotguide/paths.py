"""Where Plotguide keeps its data: one folder the user can choose."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def data_dir() -> Path:
    """Return the data folder: PLOTGUIDE_DATA_DIR or ~/.local/share/plotguide."""
    chosen = os.environ.get("PLOTGUIDE_DATA_DIR")
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        folder = Path(base) / "plotguide"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir() -> Path:
    """Return the download cache, outside any checkout so CI and reruns reuse it."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(os.environ.get("PLOTGUIDE_CACHE_DIR") or Path(base) / "plotguide")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def secret_key(folder: Path) -> str:
    """Return the site's secret key, generated on first run and kept in the data folder.

    The key never lives in the repository, and it survives restarts so sessions
    and confirmation links stay valid.
    """
    env_key = os.environ.get("PLOTGUIDE_SECRET_KEY")
    if env_key:
        return env_key
    path = folder / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
