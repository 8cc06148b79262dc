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


# --- statuses are owned by their models ------------------------------------------------

# Files where status codes are declared: the models, the settings and the migrations.
DECLARING = {"models.py", "settings.py"}


def status_codes() -> set[str]:
    from ilmio.knowledge.models import Action, Summary
    from ilmio.reports.models import Report

    return {code for model in (Report, Summary, Action) for code in model.WORKFLOW.codes}


def literal_strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module, without docstrings and without `__all__` entries."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            skipped.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Subscript):  # data["approved"]: a field name, not a status
            skipped.add(id(node.slice))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]  # fmt: skip


def test_no_status_string_literal_outside_models_settings_and_migrations():
    import re

    import ilmio_demo

    codes = status_codes()
    # Words that are statuses elsewhere but mean something else here.
    allowed = {
        ("core/audit_views.py", "approved"),  # the label of an audit-log detail column
        ("core/workflow.py", "published"),  # the workflow flag of that name (Reviewed.is_published)
    }
    offenders = []
    for root in (ROOT, Path(ilmio_demo.__file__).parent):
        for path in root.rglob("*.py"):
            if path.name in DECLARING or "migrations" in path.parts:
                continue
            name = str(path.relative_to(root))
            offenders += [f"{name}:{line}: {value!r}" for line, value in literal_strings(path)
                          if value in codes and (name, value) not in allowed]  # fmt: skip
        for path in root.rglob("*.html"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for value in re.findall(r"status\s*[!=]=\s*[\"']([a-z_]+)[\"']", line):
                    offenders.append(f"{path.relative_to(root)}:{number}: status == {value!r}")
    assert not offenders, "ask the model (WORKFLOW.named/flags) instead:\n" + "\n".join(offenders)


def test_the_status_literal_check_catches_a_literal(tmp_path: Path):
    sample = tmp_path / "services.py"
    sample.write_text('def f(r):\n    """Moves to "closed"."""\n    return r.status == "closed"\n', encoding="utf-8")
    assert [value for _line, value in literal_strings(sample) if value in status_codes()] == ["closed"]


# --- the product apart from the demo -------------------------------------------------


def test_importing_the_product_imports_no_demo_or_corpus_builder():
    import subprocess
    import sys

    probe = ("import sys, ilmio.reports, ilmio.knowledge, ilmio.analysis, ilmio.indicators, ilmio.situation; "
             "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('ilmio'))))")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = result.stdout.split()
    assert "ilmio.reports" in loaded and "ilmio.knowledge" in loaded
    assert not [m for m in loaded if m.startswith("ilmio_demo") or "corpus" in m or m.endswith(".demo")], loaded


def test_demo_app_is_not_installed_in_production_settings():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("ILMIO_")}
    env["ILMIO_SECRET_KEY"] = "x" * 60
    probe = ("import django; from django.conf import settings; django.setup(); import sys; "
             "print('ilmio_demo' in settings.INSTALLED_APPS, any(m.startswith('ilmio_demo') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**env, "DJANGO_SETTINGS_MODULE": "ilmio.settings"})  # fmt: skip
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_building_the_demo_refuses_outside_demo_mode(settings):
    import ilmio_demo

    settings.DEMO_MODE = False
    with pytest.raises(ilmio_demo.DemoModeRequired):
        ilmio_demo.require_demo_mode()


# --- the layers are a contract ---------------------------------------------------------


def test_an_upward_import_breaks_the_layer_contract(tmp_path: Path):
    """import-linter's contract (pyproject.toml) fails on a lower layer importing a higher
    one: a copy of the package with one planted upward import is refused."""
    import shutil
    import subprocess
    import sys

    project = Path(__file__).resolve().parents[2]
    shutil.copytree(project / "src", tmp_path / "src", ignore=shutil.ignore_patterns("data", "locale", "*.egg-info",
                                                                                     "__pycache__", "static"))  # fmt: skip
    shutil.copy(project / "pyproject.toml", tmp_path / "pyproject.toml")
    lint = Path(sys.executable).with_name("lint-imports")
    env = {"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"}
    kept = subprocess.run([str(lint), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    planted = tmp_path / "src" / "ilmio" / "reports" / "planted.py"
    planted.write_text("from ilmio.knowledge import services  # noqa: F401\n", encoding="utf-8")
    broken = subprocess.run([str(lint), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert broken.returncode != 0
    assert "ilmio.reports.planted -> ilmio.knowledge.services" in broken.stdout
