"""The docs keep up with the code: every subcommand and import format is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plotguide.catalog.importers import FORMATS
from plotguide.cli import subcommand_names

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", subcommand_names())
def test_every_subcommand_is_in_the_cli_docs(name):
    assert f"| `{name}" in (DOCS / "cli.md").read_text()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_import_format_is_in_the_cli_docs(name):
    assert f"| `{name}` |" in (DOCS / "cli.md").read_text()


def environment_settings() -> list[str]:
    package = DOCS.parent / "plotguide"
    found = {
        match
        for path in package.rglob("*.py")
        for match in re.findall(
            r"environ[^\"]{0,30}\"(PLOTGUIDE_[A-Z_]+)\"", path.read_text()
        )
    }
    return sorted(found)


@pytest.mark.parametrize("name", environment_settings())
def test_every_environment_setting_is_documented(name):
    assert f"| `{name}` |" in (DOCS / "settings.md").read_text()


def check_ids() -> list[str]:
    package = DOCS.parent / "plotguide"
    return sorted(
        {
            match
            for path in package.rglob("checks.py")
            for match in re.findall(r'id="([a-z]+\.[EW]\d{3})"', path.read_text())
        }
    )


def test_every_check_id_is_listed_in_the_errors_docs():
    listed = re.findall(
        r"^\| `([a-z]+\.[EW]\d{3})` \|", (DOCS / "errors.md").read_text(), re.M
    )
    assert check_ids() and sorted(listed) == check_ids()
