"""Actions as one CSV/XLSX format that round-trips: export, edit in a spreadsheet, import."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ilmio.core.audit import Event, record_event
from ilmio.core.forms import EARLIEST_DATE, LATEST_DATE, has_control_characters
from ilmio.core.tables import column_keys, csv_separator
from ilmio.core.tables_io import WorkbookTooLarge, xlsx_rows
from ilmio.knowledge.models import Action, Proposal
from ilmio.knowledge.services import LoopError, create_action, edit_action, roll_up, update_action

COLUMNS = ["reference", "parent_reference", "title", "description", "owner", "due_date", "status", "progress", "proposal_id"]
# Headers of the Excel (CSV) download; an import takes these (in any language) or the keys.
LABELS = {
    "reference": _("Reference"), "parent_reference": _("Parent reference"), "title": _("Title"),
    "description": _("Description"), "owner": _("Owner"), "due_date": _("Due date"), "status": _("Status"),
    "progress": _("Progress"), "proposal_id": _("Proposal number"),
}  # fmt: skip
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_XLSX_COLUMNS = 64
REFERENCE_LENGTH = 40  # Action.reference
REFERENCE_RE = re.compile(r"^[A-Za-z0-9_.:-]+$")


def export_rows(actions: QuerySet[Action]) -> list[dict[str, Any]]:
    """The rows of these actions (the caller's access selector chose them)."""
    rows = []
    for action in actions.select_related("parent").order_by("pk"):
        rows.append({
            "reference": action.reference or f"A{action.pk}",
            "parent_reference": (action.parent.reference or f"A{action.parent.pk}") if action.parent else "",
            "title": action.title, "description": action.description, "owner": action.owner,
            "due_date": action.due_date.isoformat() if action.due_date else "", "status": action.status,
            "progress": action.progress, "proposal_id": action.proposal_id or "",
        })  # fmt: skip
    return rows


def max_rows() -> int:
    """How many rows one import may have (the setting ``ACTION_IMPORT_MAX_ROWS``)."""
    return int(getattr(settings, "ACTION_IMPORT_MAX_ROWS", 5000))


def _too_many_rows(limit: int) -> LoopError:
    return LoopError(f"the file has too many rows: import at most {limit} rows at a time")


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
        return _read_csv(text, max_rows())
    if lowered.endswith(".xlsx"):
        if not content.startswith(b"PK"):
            raise LoopError("the file is not an XLSX workbook")
        return _read_xlsx(content, max_rows())
    raise LoopError("upload a .csv or .xlsx file")


def _keys(header: Iterable[Any]) -> list[str]:
    """Column keys of a header row: translated headers (an Excel (CSV) download) read back."""
    keys = column_keys(LABELS)
    names = [str(h or "").strip() for h in header]
    return [keys.get(name.casefold(), name) for name in names]


def _read_csv(text: str, limit: int) -> list[dict[str, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_separator(text))
    header: list[str] | None = None
    rows: list[dict[str, Any]] = []
    try:
        for values in reader:
            if header is None:
                header = _keys(values)
            elif values:  # blank lines are skipped, as csv.DictReader does
                if len(rows) >= limit:
                    raise _too_many_rows(limit)
                rows.append(dict(zip(header, values, strict=False)))
    except csv.Error as error:
        number = len(rows) + 2 if header is not None else 1
        if "field limit" in str(error):
            raise LoopError(f"row {number}: a field is too long (at most {csv.field_size_limit()} characters)") from None
        raise LoopError(f"row {number}: the CSV file could not be read ({error})") from None
    return rows


def _read_xlsx(content: bytes, limit: int) -> list[dict[str, Any]]:
    try:
        header: list[str] | None = None
        rows: list[dict[str, Any]] = []
        seen = 0
        for values in xlsx_rows(content, max_unpacked_bytes=MAX_XLSX_UNPACKED_BYTES, max_col=MAX_XLSX_COLUMNS):
            if header is None:
                header = _keys(values)
                continue
            seen += 1
            if all(v is None for v in values):
                if seen > 10 * limit:
                    raise _too_many_rows(limit)
                continue
            if len(rows) >= limit:
                raise _too_many_rows(limit)
            rows.append({h: ("" if v is None else v) for h, v in zip(header, values, strict=False)})
    except WorkbookTooLarge:
        raise LoopError("the XLSX workbook is too large when unpacked") from None
    except LoopError:
        raise
    except Exception:  # noqa: BLE001 - any parse failure is a bad upload
        raise LoopError("the XLSX workbook could not be read") from None
    return rows


def _text(value: Any) -> str:
    text = str(value or "").strip()
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


def _ascii_number(text: str, *, decimals: bool = False) -> bool:
    """Only 0-9: ``"²".isdigit()`` is true but ``int("²")`` fails; "inf" and "1e400" are floats."""
    pattern = r"[0-9]{1,18}(\.[0-9]{1,6})?" if decimals else r"[0-9]{1,18}(\.0+)?"
    return re.fullmatch(pattern, text) is not None


def _label(reference: str) -> str:
    return reference if len(reference) <= 40 else reference[:37] + "…"


def _parse_row(county: Any, number: int, row: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    for column in COLUMNS:
        if has_control_characters(str(row.get(column) or "")):
            raise LoopError(f"row {number}: {column} contains control characters; remove them")
    reference, title, owner, status = (_text(row.get(k)) for k in ("reference", "title", "owner", "status"))
    parent_reference = _text(row.get("parent_reference"))
    if not reference or not title or not owner:
        raise LoopError(f"row {number}: reference, title and owner are required")
    if len(reference) > REFERENCE_LENGTH or len(parent_reference) > REFERENCE_LENGTH:
        raise LoopError(f"row {number}: a reference is at most {REFERENCE_LENGTH} characters")
    if not REFERENCE_RE.match(reference) or (parent_reference and not REFERENCE_RE.match(parent_reference)):
        # A reference is an identifier, never free text (it is exported as it is).
        raise LoopError(f"row {number}: a reference may hold only letters, digits and . _ : - (no spaces)")
    if status not in Action.Status.values:
        raise LoopError(f"row {number}: unknown status {_label(status)!r}")
    due_text = _text(row.get("due_date"))[:10]
    try:
        due = date.fromisoformat(due_text) if due_text else None
    except ValueError:
        raise LoopError(f"row {number}: bad date {_label(due_text)!r}; write dates as YYYY-MM-DD") from None
    if due is not None and not EARLIEST_DATE <= due <= LATEST_DATE:
        raise LoopError(f"row {number}: the due date must be between {EARLIEST_DATE.year} and {LATEST_DATE.year}")
    progress_text = _text(row.get("progress")) or "0"
    if not _ascii_number(progress_text, decimals=True) or not 0 <= float(progress_text) <= 100:
        raise LoopError(f"row {number}: progress must be a number from 0 to 100, not {_label(progress_text)!r}")
    proposal_id, proposal = _text(row.get("proposal_id")), None
    if proposal_id:
        if not _ascii_number(proposal_id):
            raise LoopError(f"row {number}: proposal_id must be the number of a proposal, not {_label(proposal_id)!r}")
        proposal = Proposal.objects.filter(county=county, pk=int(float(proposal_id))).first()
        if proposal is None:
            raise LoopError(f"row {number}: there is no proposal {_label(proposal_id)} in your county")
    return reference, parent_reference, {
        "title": title[:200], "description": _text(row.get("description")), "owner": owner[:200],
        "due_date": due, "status": status, "progress": int(float(progress_text)), "proposal": proposal}  # fmt: skip


def _rows_label(numbers: Iterable[int]) -> str:
    numbers = sorted(set(numbers))
    return f"row {numbers[0]}" if len(numbers) == 1 else f"rows {', '.join(map(str, numbers))}"


def _check_parents(parsed: list[tuple[int, str, str]], links: Mapping[int, int | None],
                   references: dict[str, int]) -> tuple[list[int | None], list[int | None]]:  # fmt: skip
    """The action each row updates (None: a new one) and its parent (None: none), refused
    where two rows are one action, a parent is unknown, or parents would form a cycle.

    Nodes of the parent graph are existing actions (their pk) and new rows (-row number);
    the database's own links count, so a cycle through actions not in the file is found.
    """

    def existing(reference: str) -> int | None:
        if reference in references:
            return references[reference]
        digits = reference[1:]
        if reference.startswith("A") and digits.isascii() and digits.isdigit() and int(digits) in links:
            return int(digits)
        return None

    targets: list[int | None] = []
    node_of: dict[str, int] = {}
    row_of: dict[int, int] = {}  # node -> row number
    name_of = {pk: ref for ref, pk in references.items()}
    for number, reference, _parent in parsed:
        if reference in node_of:
            raise LoopError(f"rows {row_of[node_of[reference]]}, {number}: the reference {_label(reference)} "
                            "appears more than once")  # fmt: skip
        target = existing(reference)
        node = target if target is not None else -number
        if node in row_of:
            raise LoopError(f"rows {row_of[node]}, {number}: {_label(name_of.get(node, reference))} and "
                            f"{_label(reference)} are the same action")  # fmt: skip
        targets.append(target)
        node_of[reference], row_of[node] = node, number
        name_of[node] = reference
    graph: dict[int, int | None] = dict(links)
    parents: list[int | None] = []
    for number, reference, parent_reference in parsed:
        parent = None
        if parent_reference:
            parent = node_of.get(parent_reference, existing(parent_reference))
            if parent is None:
                raise LoopError(f"row {number}: unknown parent reference {_label(parent_reference)!r}")
        graph[node_of[reference]] = parent
        parents.append(parent)

    def name(node: int) -> str:
        return _label(name_of.get(node) or f"A{node}")

    done: set[int] = set()
    for number, reference, _parent in parsed:
        path: list[int] = []
        position: dict[int, int] = {}
        current: int | None = node_of[reference]
        while current is not None and current not in done:
            if current in position:
                cycle = path[position[current]:]
                if len(cycle) == 1:
                    raise LoopError(f"row {row_of[current]}: the action {name(current)} is its own parent "
                                    f"({name(current)} → {name(current)})")  # fmt: skip
                in_file = [n for n in cycle if n in row_of]
                start = cycle.index(min(in_file, key=row_of.__getitem__)) if in_file else 0
                cycle = cycle[start:] + cycle[:start]
                chain = " → ".join(name(n) for n in [*cycle, cycle[0]])
                rows = [row_of[n] for n in in_file] or [number]
                raise LoopError(f"{_rows_label(rows)}: parent references form a cycle ({chain})")
            position[current] = len(path)
            path.append(current)
            current = graph.get(current)
        done.update(path)
    return targets, parents


def import_rows(county: Any, rows: Iterable[dict[str, Any]], *, by: Any = None) -> tuple[int, int]:
    """Create or update actions by reference in one transaction. Every row, the references
    and the parent tree (no action its own ancestor) are checked before anything changes."""
    rows = list(rows)
    limit = max_rows()
    if len(rows) > limit:
        raise _too_many_rows(limit)
    missing = {"reference", "title", "owner", "status"} - set(rows[0] if rows else COLUMNS)
    if missing:
        raise LoopError(f"missing columns: {', '.join(sorted(missing))}")
    parsed = [(number, *_parse_row(county, number, row)) for number, row in enumerate(rows, start=2)]
    created = updated = 0
    with transaction.atomic():
        actions = Action.objects.filter(county=county)
        links = dict(actions.values_list("pk", "parent_id"))
        references = {ref: pk for pk, ref in actions.exclude(reference="").values_list("pk", "reference")}
        targets, parents = _check_parents([(n, ref, parent) for n, ref, parent, _ in parsed], links, references)
        by_reference: dict[int, Action] = {}
        for (number, reference, _parent, values), target in zip(parsed, targets, strict=True):
            # The same write functions as the pages: completion time, notifications to
            # reporters and follow-up questions happen on import too.
            status, progress = values.pop("status"), values.pop("progress")
            if target is None:
                action = create_action(county=county, reference=reference, by=by, **values)
                by_reference[-number] = action
                created += 1
            else:
                action = Action.objects.get(pk=target)
                edit_action(action, by=by, reference=reference, **values)
                by_reference[target] = action
                updated += 1
            if (status, progress) != (action.status, action.progress):
                update_action(action, status=status, progress=progress, by=by)
        touched: set[int] = set()
        for (number, _reference, _parent, _values), target, parent in zip(parsed, targets, parents, strict=True):
            action = by_reference[target if target is not None else -number]
            parent_pk = by_reference[parent].pk if parent is not None and parent in by_reference else parent
            if action.parent_id != parent_pk:
                if action.parent_id is not None:
                    touched.add(action.parent_id)  # the old parent loses a child
                action.parent_id = parent_pk
                action.save(update_fields=["parent"])
            if parent_pk is not None:
                touched.add(parent_pk)
        for action in Action.objects.filter(pk__in=touched):
            roll_up(action)
        record_event(by, Event.ACTIONS_IMPORTED, county=county, created=created, updated=updated,
                     ids=[a.pk for a in by_reference.values()])
    return created, updated
