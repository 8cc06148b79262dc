"""The doors hold by construction: views, API modules and template tags ask the access
layer which objects a user may see and the disclosure module for every number."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ilmio

ROOT = Path(ilmio.__file__).parent
# Modules that answer requests: they parse, call a selector or an action, and render.
DOOR_MODULES = sorted(
    [*ROOT.rglob("views.py"), *ROOT.rglob("*_views.py"), *ROOT.rglob("api.py"), *ROOT.glob("*/templatetags/*.py"),
     ROOT / "situation" / "picture.py"]  # what the situational picture's views render
)
QUERY_METHODS = {"filter", "exclude", "get", "get_or_create", "update_or_create", "first"}
SCOPE_WORDS = ("county", "audience")
# Raw counts and the suppression engine are reached only through ilmio.indicators.disclosure.
RAW_NUMBER_MODULES = ("ilmio.indicators.aggregates", "ilmio.indicators.counts", "ilmio.stats.suppression",
                      "ilmio.stats.signals")  # fmt: skip


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def scope_filters(tree: ast.AST) -> list[int]:
    """Lines where a query narrows by county or audience itself."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in QUERY_METHODS:
            for keyword in node.keywords:
                if keyword.arg and any(word in keyword.arg for word in SCOPE_WORDS):
                    lines.append(node.lineno)
    return lines


def raw_number_imports(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in getattr(node, "names", [])]
        if isinstance(node, ast.Import | ast.ImportFrom) and any(n in RAW_NUMBER_MODULES for n in names):
            lines.append(node.lineno)
    return lines


def public_view_counts(tree: ast.AST) -> list[int]:
    """Counting inside a public view: a number that skipped the door."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        public = any(isinstance(d, ast.Call) and ast.unparse(d) == "requires(PUBLIC)" for d in node.decorator_list)
        if not public:
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                called = ast.unparse(inner.func)
                if called.endswith(".count") or called.endswith("Count"):
                    lines.append(inner.lineno)
    return lines


@pytest.mark.parametrize("path", DOOR_MODULES, ids=_name)
def test_no_view_filters_by_county_or_audience_itself(path: Path):
    assert not scope_filters(ast.parse(path.read_text(encoding="utf-8"))), _name(path)


@pytest.mark.parametrize("path", DOOR_MODULES, ids=_name)
def test_no_view_reads_raw_numbers(path: Path):
    assert not raw_number_imports(ast.parse(path.read_text(encoding="utf-8"))), _name(path)


@pytest.mark.parametrize("path", DOOR_MODULES, ids=_name)
def test_no_public_view_counts_itself(path: Path):
    assert not public_view_counts(ast.parse(path.read_text(encoding="utf-8"))), _name(path)


def test_the_checks_catch_what_they_look_for():
    """Each check fails on the code it forbids (so a passing run means something)."""
    sample = ast.parse(
        "from ilmio.stats.suppression import suppress\n"
        "@requires(PUBLIC)\n"
        "def page(request):\n"
        "    n = Report.objects.filter(county_id=request.user.county_id).count()\n"
        "    s = Summary.objects.exclude(audience='internal')\n"
    )
    assert sorted(scope_filters(sample)) == [4, 5]
    assert raw_number_imports(sample) == [1]
    assert public_view_counts(sample) == [4]


def test_templates_do_not_hard_code_the_threshold():
    offenders = []
    for path in ROOT.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for marker in (">= 5", "< 5", "<5 ", "> 4", "gte 5"):
            if marker in text:
                offenders.append(f"{_name(path)}: {marker}")
    assert not offenders, offenders
