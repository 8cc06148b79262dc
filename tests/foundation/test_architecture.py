"""The pure cores stay free of Django, so they run anywhere and fast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ilmio

CORES = ["privacy", "text", "stats"]
ROOT = Path(ilmio.__file__).parent


@pytest.mark.parametrize("core", CORES)
def test_core_does_not_import_django(core: str):
    offenders = []
    for path in (ROOT / core).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "django" or n.startswith("django.") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert (ROOT / core / "__init__.py").exists()
    assert not offenders, offenders


def test_views_do_not_write_models_directly():
    """Writes go through actions: no .save(), .create( or .delete() in views."""
    offenders = []
    for path in ROOT.rglob("views.py"):
        source = path.read_text(encoding="utf-8")
        for marker in (".save(", ".objects.create(", ".delete("):
            if marker in source:
                offenders.append(f"{path.relative_to(ROOT)}: {marker}")
    assert not offenders, offenders
