"""Imports point one way, from the web edges down to the data and the engine."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plotguide"

# For each part of the package, the parts it must never import.
FORBIDDEN = {
    "plotguide.engine": ("django", "ninja", "plotguide"),
    "plotguide.catalog.importers": ("django", "plotguide.stories", "plotguide.site"),
    "plotguide.catalog": (
        "plotguide.stories",
        "plotguide.audience",
        "plotguide.site",
        "plotguide.api",
    ),
    "plotguide.stories": ("plotguide.site", "plotguide.api"),
    "plotguide.audience": ("plotguide.site", "plotguide.api"),
}
ALLOWED_WITHIN = {"plotguide.engine": ("plotguide.engine",)}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        for part, forbidden in FORBIDDEN.items():
            if module != part and not module.startswith(part + "."):
                continue
            allowed = ALLOWED_WITHIN.get(part, ())
            for name in imported_names(path):
                if any(name == a or name.startswith(a + ".") for a in allowed):
                    continue
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    found.append(f"{module} imports {name}")
    return found


def test_no_module_imports_against_the_direction_of_the_layers():
    assert violations() == []


@pytest.mark.parametrize("module", ["plotguide.engine", "plotguide.catalog.importers"])
def test_pure_parts_import_with_django_unavailable(module):
    code = f"import sys; sys.modules['django'] = None; import {module}"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
