"""Imports point one way, from the web edges down to the data and the engine."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plotguide"

APPS = ("plotguide.catalog", "plotguide.stories", "plotguide.audience")
WEB = ("plotguide.site", "plotguide.api")

# For each part of the package, the parts it must never import. Every module
# belongs to at least one part, so a new top-level module gets rules too.
FORBIDDEN = {
    "plotguide": ("plotguide.",),
    "plotguide.engine": ("django", "ninja", "plotguide"),
    "plotguide.catalog.importers": ("django", "plotguide.stories", "plotguide.site"),
    "plotguide.catalog": (*APPS[1:], *WEB),
    "plotguide.stories": ("plotguide.audience", *WEB),
    "plotguide.audience": WEB,
    "plotguide.infra": ("plotguide.engine", *APPS, *WEB),
    "plotguide.site": ("plotguide.api",),
    "plotguide.api": (),
    "plotguide.errors": ("django", "plotguide."),
    "plotguide.paths": ("django", "plotguide."),
    "plotguide.progress": ("django", "plotguide."),
    "plotguide.server": ("django", *APPS, *WEB),
    "plotguide.cli": WEB,
    "plotguide.demo": WEB,
    "plotguide.celery_app": WEB,
    "plotguide.settings": (*APPS, *WEB),
    "plotguide.wsgi": (*APPS, *WEB),
    "plotguide.urls": (),  # the root URLconf: it joins the web parts
}
ALLOWED_WITHIN = {"plotguide.engine": ("plotguide.engine",)}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def belongs(module: str, part: str) -> bool:
    return module == part or (part != "plotguide" and module.startswith(part + "."))


def matches(name: str, prefix: str) -> bool:
    if prefix.endswith("."):
        return name.startswith(prefix)
    return name == prefix or name.startswith(prefix + ".")


def imported_names(path: Path, module: str) -> set[str]:
    """Return the modules a file imports, relative imports made absolute."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            if node.module:
                names.add(f"{base}.{node.module}")
            else:
                names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def violations(root: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        parts = [part for part in FORBIDDEN if belongs(module, part)]
        if not parts:
            found.append(f"{module} belongs to no part; give it rules in FORBIDDEN")
        for part in parts:
            allowed = ALLOWED_WITHIN.get(part, ())
            for name in imported_names(path, module):
                if any(matches(name, a) for a in allowed):
                    continue
                if any(matches(name, f) for f in FORBIDDEN[part]):
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


def test_a_relative_import_against_the_layers_is_caught(tmp_path):
    stories = tmp_path / "plotguide" / "stories"
    stories.mkdir(parents=True)
    (tmp_path / "plotguide" / "__init__.py").write_text("")
    (stories / "__init__.py").write_text("")
    (stories / "leak.py").write_text("from ..site import views\nfrom . import models\n")
    (tmp_path / "plotguide" / "newtool.py").write_text("")
    assert violations(tmp_path / "plotguide") == [
        "plotguide.newtool belongs to no part; give it rules in FORBIDDEN",
        "plotguide.stories.leak imports plotguide.site",
    ]
