"""Parsers are pure: these tests run without Django (``-p no:django``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.catalog.importers.helpers import DATA


@pytest.fixture
def copy_data(tmp_path):
    """Return a function that copies a tests/data folder into tmp_path to edit."""

    def copy(name: str) -> Path:
        return Path(shutil.copytree(DATA / name, tmp_path / name))

    return copy
