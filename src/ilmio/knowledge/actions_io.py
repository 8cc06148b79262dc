"""Actions as one CSV/XLSX format that round-trips: export, edit in a spreadsheet, import."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from ilmio.knowledge.actions import LoopError, roll_up
from ilmio.knowledge.models import Action, Proposal

COLUMNS = ["reference", "parent_reference", "title", "description", "owner", "due_date", "status", "progress", "proposal_id"]
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def export_rows(county: Any) -> list[dict[str, Any]]:
    rows = []
    for action in Action.objects.filter(county=county).select_related("parent").order_by("pk"):
        rows.append({
            "reference": action.reference or f"A{action.pk}",
            "parent_reference": (action.parent.reference or f"A{action.parent.pk}") if action.parent else "",
            "title": action.title, "description": action.description, "owner": action.owner,
            "due_date": action.due_date.isoformat() if action.due_date else "", "status": action.status,
            "progress": action.progress, "proposal_id": action.proposal_id or "",
        })  # fmt: skip
    return rows


def read_upload(name: str, content: bytes) -> list[dict[str, Any]]:
    """Rows of an uploaded CSV or XLSX, checked by type and size before parsing."""
    if len(content) > MAX_IMPORT_BYTES:
        raise LoopError("the file is larger than 2 MB")
    lowered = name.lower()
    if lowered.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LoopError("the CSV file is not UTF-8 text") from None
        return list(csv.DictReader(io.StringIO(text)))
    if lowered.endswith(".xlsx"):
        if not content.startswith(b"PK"):
            raise LoopError("the file is not an XLSX workbook")
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception:  # noqa: BLE001 - any parse failure is a bad upload
            raise LoopError("the XLSX workbook could not be read") from None
        values = list(sheet.iter_rows(values_only=True))
        if not values:
            return []
        header = [str(h or "").strip() for h in values[0]]
        return [{h: ("" if v is None else v) for h, v in zip(header, row, strict=False)} for row in values[1:]]
    raise LoopError("upload a .csv or .xlsx file")


def _text(value: Any) -> str:
    text = str(value or "").strip()
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


def import_rows(county: Any, rows: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """Create or update actions by reference. All rows are checked before anything changes."""
    rows = list(rows)
    missing = {"reference", "title", "owner", "status"} - set(rows[0] if rows else COLUMNS)
    if missing:
        raise LoopError(f"missing columns: {', '.join(sorted(missing))}")
    parsed = []
    for number, row in enumerate(rows, start=2):
        reference, title, owner, status = (_text(row.get(k)) for k in ("reference", "title", "owner", "status"))
        if not reference or not title or not owner:
            raise LoopError(f"row {number}: reference, title and owner are required")
        if status not in Action.Status.values:
            raise LoopError(f"row {number}: unknown status {status!r}")
        due_text = _text(row.get("due_date"))[:10]
        try:
            due = date.fromisoformat(due_text) if due_text else None
            progress = int(float(_text(row.get("progress")) or 0))
        except ValueError:
            raise LoopError(f"row {number}: bad date or progress") from None
        if not 0 <= progress <= 100:
            raise LoopError(f"row {number}: progress must be 0–100")
        proposal_id = _text(row.get("proposal_id"))
        proposal = Proposal.objects.filter(county=county, pk=int(proposal_id)).first() if proposal_id.isdigit() else None
        parsed.append((reference, _text(row.get("parent_reference")), {
            "title": title[:200], "description": _text(row.get("description")), "owner": owner[:200],
            "due_date": due, "status": status, "progress": progress, "proposal": proposal}))  # fmt: skip
    created = updated = 0
    with transaction.atomic():
        by_reference: dict[str, Action] = {}
        for reference, _parent, values in parsed:
            action = Action.objects.filter(county=county, reference=reference).first()
            if action is None and reference.startswith("A") and reference[1:].isdigit():
                action = Action.objects.filter(county=county, pk=int(reference[1:])).first()
            if action is None:
                action = Action.objects.create(county=county, reference=reference, **values)
                created += 1
            else:
                for key, value in values.items():
                    setattr(action, key, value)
                action.reference = reference
                action.save()
                updated += 1
            by_reference[reference] = action
        for reference, parent_reference, _values in parsed:
            parent = by_reference.get(parent_reference) if parent_reference else None
            if parent_reference and parent is None:
                raise LoopError(f"unknown parent reference {parent_reference!r}")
            action = by_reference[reference]
            if action.parent_id != (parent.pk if parent else None):
                action.parent = parent
                action.save(update_fields=["parent"])
        for action in by_reference.values():
            roll_up(action.parent)
    return created, updated
