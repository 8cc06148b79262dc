"""Coded passages as rows for CSV/XLSX (the REFI-QDA formats are in ``refi_qda``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ilmio.analysis.models import CodedPassage


def passages_table(passages: Iterable[CodedPassage]) -> tuple[list[str], list[dict[str, Any]]]:
    columns = ["report", "code", "code_path", "start", "end", "snippet", "coded_at"]
    rows = [{"report": str(p.report.public_id), "code": p.code.name, "code_path": p.code.path, "start": p.start,
             "end": p.end, "snippet": p.snippet, "coded_at": p.created_at.isoformat()} for p in passages]  # fmt: skip
    return columns, rows
