"""Spreadsheet exports (actions and other tables) are safe from formula injection."""

from __future__ import annotations

import io

import pytest

pytestmark = pytest.mark.django_db


def test_xlsx_export_is_safe_from_formula_injection(reference_data):
    from openpyxl import load_workbook

    from ilmio.core.tables import to_xlsx

    data = to_xlsx([{"title": "=HYPERLINK(\"http://evil\")"}], ["title"])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value.startswith("'=")
