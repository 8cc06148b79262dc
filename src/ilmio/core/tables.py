"""Table downloads (CSV, JSON, XLSX) for every export: one formula-injection guard for all.

Two CSV flavours (decision 0012): ``csv`` is for programs — the column keys, commas, UTF-8
without a byte order mark, the same as ``ilmio export aggregates``; ``excel.csv`` is for
people — headers in the reader's language, the separator their spreadsheet expects (``;``
where the decimal separator is a comma: Finnish and Swedish) and a BOM so that Excel reads
UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV, EXCEL_CSV, XLSX = "csv", "excel.csv", "xlsx"
TABLE_FORMATS = (CSV, EXCEL_CSV, XLSX)
BOM = "\ufeff"
# A column's header for people, per key (lazy translations: worded in the reader's language).
Labels = Mapping[str, Any]


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


def excel_dialect() -> tuple[str, str]:
    """(separator, decimal separator) of the active language, as Excel there expects them:
    a spreadsheet that writes 1,5 separates its list items with ";"."""
    from django.utils.formats import get_format

    decimal = str(get_format("DECIMAL_SEPARATOR"))
    return (";" if decimal == "," else ","), decimal


def to_excel_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], labels: Labels) -> str:
    """CSV for a spreadsheet in the active language: translated headers, its separator, a BOM."""
    separator, decimal = excel_dialect()

    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, float | Decimal):
            return str(value).replace(".", decimal)
        return safe_cell(value)

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([safe_cell(str(labels.get(c, c))) for c in columns])
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return BOM + buffer.getvalue()


def column_keys(labels: Labels) -> dict[str, str]:
    """Header (case-folded) → column key, for reading a table back: each key itself and its
    label in every language, so an Excel (CSV) download imports as it was exported."""
    from django.conf import settings
    from django.utils import translation

    keys: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.update({str(label).strip().casefold(): key for key, label in labels.items()})
    keys.update({key.casefold(): key for key in labels})
    return keys


def csv_separator(text: str) -> str:
    """The separator of an uploaded CSV, read from its header line (";" from Excel in fi/sv)."""
    header = text.lstrip(BOM).split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


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
                   title: str = "Ilmiö", labels: Labels | None = None) -> Any:  # fmt: skip
    """A CSV, Excel (CSV) or XLSX attachment of ``rows``; None for any other format (the
    view's 404). ``labels`` word the Excel (CSV) headers; the other two keep the keys."""
    from django.http import HttpResponse

    if fmt == CSV:
        response = HttpResponse(to_csv(rows, columns), content_type="text/csv; charset=utf-8")
    elif fmt == EXCEL_CSV:
        text = to_excel_csv(rows, columns, labels or {})
        response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    elif fmt == XLSX:
        response = HttpResponse(to_xlsx(rows, columns, title=title), content_type=XLSX_TYPE)
    else:
        return None
    extension = "csv" if fmt == EXCEL_CSV else fmt
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response
