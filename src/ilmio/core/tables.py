"""Table downloads (CSV, JSON, XLSX) for every export: one formula-injection guard for all."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Spreadsheet formula injection guard: text starting like a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    # RFC 4180 line ends: a field holding a bare "\r" is then quoted, so it cannot start
    # a new row (and a formula) in a spreadsheet.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def to_json(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=1) + "\n"


def to_xlsx(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str = "Ilmiö") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(columns))
    for row in rows:
        sheet.append([safe_cell(row.get(c)) for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_download(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, name: str,
                   title: str = "Ilmiö") -> Any:  # fmt: skip
    """A CSV or XLSX attachment of ``rows``; None for any other format (the view's 404)."""
    from django.http import HttpResponse

    if fmt == "csv":
        response = HttpResponse(to_csv(rows, columns), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(to_xlsx(rows, columns, title=title), content_type=XLSX_TYPE)
    else:
        return None
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
