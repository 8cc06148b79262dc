"""Reading uploaded XLSX workbooks: one zip-bomb guard for every import.

A small XLSX can unpack to gigabytes, so the unpacked size is checked before openpyxl
unpacks anything. Each import keeps its own policy (limits, cell conversion, header keys,
messages) and turns these errors into its own.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any


class WorkbookTooLarge(ValueError):
    """The workbook unpacks to more than the allowed size."""


class WorkbookUnreadable(ValueError):
    """The bytes are not an XLSX workbook openpyxl can read."""


def xlsx_rows(
    content: bytes, *, max_unpacked_bytes: int, max_col: int | None = None
) -> Iterator[tuple[Any, ...]]:
    """The rows (tuples of cell values) of the workbook's active sheet (the one Excel opens on)."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(item.file_size for item in archive.infolist()) > max_unpacked_bytes:
                raise WorkbookTooLarge("the workbook is too large when unpacked")
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except WorkbookTooLarge:
        raise
    except Exception as error:  # noqa: BLE001 - any parse failure is a bad upload
        raise WorkbookUnreadable("the workbook could not be read") from error
    try:
        sheet = book.active or book.worksheets[0]
        yield from sheet.iter_rows(values_only=True, max_col=max_col)
    except Exception as error:  # noqa: BLE001 - a broken sheet inside a valid zip
        raise WorkbookUnreadable("the workbook could not be read") from error
    finally:
        book.close()
