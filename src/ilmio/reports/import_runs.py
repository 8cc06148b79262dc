"""The coordinators' history import: saved mappings, a dry-run preview, and runs in the background.

The uploaded bytes hold identifying details, so they never reach the database or
MEDIA_ROOT: they wait in a private directory (mode 0700, files 0600) under a random token
between the preview and the import, and as ``run-<id>.upload`` while a run works; the file
is deleted when the run ends (done or failed) and any left over is swept after an hour.
Rows are stored only through :func:`ilmio.reports.importing.import_reports` (redaction,
idempotency, the REPORTS_IMPORTED audit event).
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilmio.areas.models import County
from ilmio.core.fields import redact_text
from ilmio.reports.importing import (
    HEADER_GUESSES,
    ColumnMapping,
    ImportResult,
    Lookups,
    RowProblem,
    TableError,
    import_reports,
    import_scope,
    parse_row,
    read_table,
)
from ilmio.reports.models import ImportMapping, ImportRun, Report

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".csv", ".xlsx")
PENDING_SECONDS = 60 * 60  # an upload waiting for its import is deleted after an hour
RUN_FILE_SECONDS = 24 * 60 * 60  # the file of a run whose worker died is deleted after a day
PREVIEW_ROWS = 20
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class ImportRefused(ValueError):
    """The upload or the mapping cannot be used (the message says why, in the user's language)."""


# --- importers: what a file's rows become ---------------------------------------------------


@dataclass(frozen=True)
class Importer:
    """One kind of table import. The upload area, saved mappings, dry run, runs in the
    background, progress and resume are shared; an importer says what its rows become.

    ``run`` has the signature of :func:`ilmio.reports.importing.import_reports`;
    ``problems_of`` parses rows only (the problems of the rows before a resume point);
    ``stored_count`` counts what the county's imports of this kind have stored;
    ``page`` is the URL name of its page (``<page>_run`` and ``<page>_status`` follow);
    its templates extend the reports' ones, replacing the blocks that name what is stored."""

    kind: str
    guesses: Mapping[str, tuple[str, ...]]
    labels: Mapping[str, Any]
    helps: Mapping[str, Any]
    required: str
    required_message: Any
    run: Callable[..., ImportResult]
    problems_of: Callable[[County, list[dict[str, str]], ColumnMapping], list[RowProblem]]
    stored_count: Callable[[County], int]
    page: str
    template: str = "reports/import.html"
    run_template: str = "reports/import_run.html"

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(self.guesses)

    @property
    def order(self) -> list[str]:
        return [t for t in self.labels if t in self.guesses] + [t for t in self.guesses if t not in self.labels]

    def guess(self, headers: list[str], overrides: Mapping[str, str] | None = None) -> ColumnMapping:
        return ColumnMapping.guess(headers, overrides, guesses=self.guesses)


def _report_problems(county: County, rows: list[dict[str, str]], mapping: ColumnMapping) -> list[RowProblem]:
    lookups = Lookups(county)
    return [problem for number, row in enumerate(rows, 1) for problem in parse_row(number, row, mapping, lookups)[1]]


REPORTS = Importer(
    kind="reports", guesses=HEADER_GUESSES,
    labels={"description": gettext_lazy("Description"), "title": gettext_lazy("Title"),
            "created_at": gettext_lazy("Date of the report"), "municipality": gettext_lazy("Municipality"),
            "phenomenon": gettext_lazy("Phenomenon"), "effects": gettext_lazy("Effects"),
            "proposed_action": gettext_lazy("Proposed action"), "language": gettext_lazy("Language"),
            "source_id": gettext_lazy("Row id in the source")},
    helps={"created_at": gettext_lazy("Finnish dates (1.2.2024 or 1.2.2024 14.30), ISO dates and Excel dates are read."),
           "municipality": gettext_lazy("Municipality names in Finnish or Swedish, or municipality codes."),
           "phenomenon": gettext_lazy("Phenomenon names or codes; an unknown one is left for triage to suggest."),
           "source_id": gettext_lazy("With an id, a row imported again is recognised even if its text changed.")},
    required="description", required_message=gettext_lazy("Choose the column that holds the description."),
    run=import_reports, problems_of=_report_problems,
    stored_count=lambda county: Report.objects.filter(idempotency_scope=import_scope(county)).count(),
    page="reports:import",
)  # fmt: skip
IMPORTERS: dict[str, Importer] = {REPORTS.kind: REPORTS}


def register_importer(importer: Importer) -> None:
    """Called by the app that owns the rows (its AppConfig.ready), so this layer need not know it."""
    IMPORTERS[importer.kind] = importer


def importer_for(kind: str) -> Importer:
    try:
        return IMPORTERS[kind]
    except KeyError:
        raise ImportRefused(_("This kind of import is not available.")) from None


# --- the private file area -----------------------------------------------------------------


def upload_dir() -> Path:
    """The private directory of waiting uploads (outside MEDIA_ROOT), created 0700."""
    configured = getattr(settings, "REPORT_IMPORT_DIR", None)
    # Beside MEDIA_ROOT (DATA_DIR/media), never inside it: nothing here is ever served.
    directory = (
        Path(configured)
        if configured
        else Path(settings.MEDIA_ROOT).resolve().parent / "report-imports"
    )
    media = Path(settings.MEDIA_ROOT).resolve()
    resolved = directory.resolve()
    if resolved == media or media in resolved.parents:
        raise RuntimeError("REPORT_IMPORT_DIR must be outside MEDIA_ROOT")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(directory, 0o700)
    return directory


def _write_private(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)


def _pending_path(token: str) -> Path:
    if not TOKEN_RE.match(token or ""):
        raise ImportRefused(_("The uploaded file is no longer available. Upload it again."))
    return upload_dir() / f"pending-{token}.upload"


def run_path(run: ImportRun) -> Path:
    return upload_dir() / f"run-{run.pk}.upload"


def sweep_uploads(max_age: int = PENDING_SECONDS) -> int:
    """Delete waiting uploads older than ``max_age`` seconds, and files of runs that ended."""
    removed = 0
    now = time.time()
    directory = upload_dir()
    for path in directory.glob("*.upload"):
        try:
            age = now - path.stat().st_mtime
        except OSError:  # deleted meanwhile (another request's sweep, a run ending)
            continue
        stale = age > max_age
        if path.name.startswith("run-"):
            # A running run keeps its file; a worker that died leaves it for a day at most.
            number = path.name[4:].split(".", 1)[0]
            run = ImportRun.objects.filter(pk=int(number)).first() if number.isdigit() else None
            stale = (stale and (run is None or not run.running)) or age > RUN_FILE_SECONDS
        if stale:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def safe_file_name(name: str) -> str:
    """The upload's base name only, redacted (a file name may name a person)."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable())[:150]
    return str(redact_text(base)) if base else ""


def check_upload(name: str, size: int) -> None:
    if not str(name or "").lower().endswith(UPLOAD_SUFFIXES):
        raise ImportRefused(_("Upload a CSV or XLSX file (.csv or .xlsx)."))
    if size > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file is larger than %(size)s MB. Split it into smaller files.")
                            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})  # fmt: skip
    if size == 0:
        raise ImportRefused(_("The file is empty."))


def read_rows(content: bytes, file_name: str) -> list[dict[str, str]]:
    """The file's rows, or ImportRefused with a clear message."""
    try:
        return read_table(content, file_name)
    except TableError as error:
        raise ImportRefused(str(error)) from None
    except (csv.Error, UnicodeError, ValueError, OSError):
        raise ImportRefused(_("The file is not a CSV or XLSX table.")) from None


@dataclass(frozen=True)
class PendingUpload:
    token: str
    file_name: str  # redacted base name
    headers: list[str]
    row_count: int


def hold_upload(content: bytes, file_name: str) -> PendingUpload:
    """Check and read an upload, then keep it in the private area under a new token."""
    check_upload(file_name, len(content))
    rows = read_rows(content, file_name)
    headers = list(rows[0].keys())
    sweep_uploads()
    token = secrets.token_urlsafe(24)
    _write_private(_pending_path(token), content)
    return PendingUpload(token, safe_file_name(file_name), headers, len(rows))


def pending_content(token: str) -> bytes:
    path = _pending_path(token)
    try:
        if time.time() - path.stat().st_mtime <= PENDING_SECONDS:
            return path.read_bytes()
    except OSError:
        pass
    path.unlink(missing_ok=True)
    raise ImportRefused(_("The uploaded file is no longer available. Upload it again."))


def discard_upload(token: str) -> None:
    with contextlib.suppress(ImportRefused):
        _pending_path(token).unlink(missing_ok=True)


# --- mappings ------------------------------------------------------------------------------


def clean_columns(columns: dict[str, Any], importer: Importer = REPORTS) -> dict[str, str]:
    cleaned = {t: str(h) for t, h in (columns or {}).items() if t in importer.targets and h}
    if importer.required not in cleaned:
        raise ImportRefused(str(importer.required_message))
    return cleaned


def save_mapping(county: County, name: str, columns: dict[str, Any], *, by: Any,
                 importer: Importer = REPORTS) -> ImportMapping:  # fmt: skip
    """Save (or replace) the county's mapping of this name. Not audited: a mapping names
    column headers only, and changes no report."""
    name = " ".join(str(name or "").split())[:100]
    if not name:
        raise ImportRefused(_("Give the mapping a name."))
    mapping = ImportMapping(county=county, kind=importer.kind, name=name, columns=clean_columns(columns, importer),
                            created_by=by)  # fmt: skip
    mapping.clean()
    try:
        with transaction.atomic():
            existing = ImportMapping.objects.filter(county=county, kind=importer.kind, name=name).first()
            if existing is not None:
                existing.columns, existing.created_by = mapping.columns, by
                existing.save(update_fields=["columns", "created_by", "updated_at"])
                return existing
            mapping.save()
    except IntegrityError:
        raise ImportRefused(_("A mapping with this name already exists.")) from None
    return mapping


def delete_mapping(mapping: ImportMapping, *, by: Any) -> None:
    mapping.delete()


# --- preview -------------------------------------------------------------------------------


@dataclass
class Preview:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    would_create: int = 0
    duplicates: int = 0
    total_rows: int = 0


def preview_import(county: County, content: bytes, file_name: str, mapping: ColumnMapping,
                   importer: Importer = REPORTS) -> Preview:  # fmt: skip
    """A dry run: what the first rows would be stored as (redacted), and every row's problem.
    Stores nothing."""
    rows = read_rows(content, file_name)
    clean_columns(mapping.columns, importer)
    result = importer.run(county, rows, mapping, dry_run=True, preview_rows=PREVIEW_ROWS)
    return Preview(rows=result.preview, problems=[{"row": p.row, "message": p.message} for p in result.problems],
                   would_create=result.created, duplicates=result.skipped_duplicates, total_rows=len(rows))  # fmt: skip


# --- runs ----------------------------------------------------------------------------------


def start_import(county: County, content: bytes, file_name: str, mapping: ColumnMapping, *, by: Any,
                 token: str = "", importer: Importer = REPORTS) -> ImportRun:  # fmt: skip
    """Queue the import of an uploaded file; the task runs it (at once in tests and the demo)."""
    rows = read_rows(content, file_name)
    columns = clean_columns(mapping.columns, importer)
    run = ImportRun.objects.create(county=county, kind=importer.kind, created_by=by,
                                   file_name=safe_file_name(file_name), columns=columns, total_rows=len(rows))  # fmt: skip
    _write_private(run_path(run), content)
    if token:
        discard_upload(token)
    _enqueue(run)
    run.refresh_from_db()
    return run


def resume_import(
    run: ImportRun, content: bytes | None = None, file_name: str = "", *, by: Any
) -> ImportRun:
    """Continue a failed run from the row it had reached: with its file if it is still kept,
    else with the same file uploaded again (rows already stored are skipped either way)."""
    if not run.failed:
        raise ImportRefused(_("Only a failed import can be continued."))
    path = run_path(run)
    if not path.exists():
        if content is None:
            raise ImportRefused(
                _("The file of this import was deleted. Upload the same file again to continue.")
            )
        check_upload(file_name, len(content))
        rows = read_rows(content, file_name)
        if len(rows) != run.total_rows:
            raise ImportRefused(_("This file has %(rows)s rows, the import had %(total)s. Upload the same file.")
                                % {"rows": len(rows), "total": run.total_rows})  # fmt: skip
        _write_private(path, content)
    run.move_to(ImportRun.Status.QUEUED)
    run.finished_at = None
    run.save(update_fields=["status", "finished_at"])
    _enqueue(run)
    run.refresh_from_db()
    return run


def _enqueue(run: ImportRun) -> None:
    from ilmio.reports.tasks import run_import

    try:
        run_import.enqueue(run.pk)
    except Exception:  # noqa: BLE001 - the queue refused: the run fails, its file goes
        fail_run(run.pk, _("The import could not be started. Try again later."))


def fail_run(run_id: int, message: str) -> None:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return
    if run.status != ImportRun.Status.FAILED:
        run.move_to(ImportRun.Status.FAILED)
    run.problems = [*run.problems, {"row": run.processed_rows, "message": message}][
        -ImportRun.MAX_PROBLEMS :
    ]
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "problems", "finished_at"])
    run_path(run).unlink(missing_ok=True)


def execute_run(run_id: int) -> None:
    """The task's body: import the run's file from the row it has reached, then delete the file."""
    run = ImportRun.objects.select_related("county", "created_by").filter(pk=run_id).first()
    if run is None or run.status != ImportRun.Status.QUEUED:
        return
    path = run_path(run)
    importer = importer_for(run.kind)
    # What this county's imports of the kind had stored before the run: after a failure, the
    # difference is what the run stored (the batches before the error are kept).
    before = importer.stored_count(run.county)
    try:
        run.move_to(ImportRun.Status.RUNNING)
        run.save(update_fields=["status"])
        rows = read_rows(path.read_bytes(), "")  # an XLSX is told by its first bytes

        def progress(done: int, total: int) -> None:
            ImportRun.objects.filter(pk=run_id).update(processed_rows=done, total_rows=total)

        mapping = ColumnMapping(dict(run.columns))
        start = min(run.processed_rows, len(rows))
        result = importer.run(run.county, rows, mapping, by=run.created_by, start_row=start, progress=progress)
        run.refresh_from_db()
        run.processed_rows, run.total_rows = len(rows), len(rows)
        run.created_count += result.created
        run.skipped_count += result.skipped_duplicates
        # A failed attempt's problems were not kept: those of the rows before the resume
        # point are read again (parsing only), so the result lists every row's problem.
        problems = [*(importer.problems_of(run.county, rows[:start], mapping) if start else []), *result.problems]
        run.problem_count = len(problems)
        run.problems = [{"row": p.row, "message": str(redact_text(p.message))[:300]}
                        for p in problems[: ImportRun.MAX_PROBLEMS]]  # fmt: skip
        run.move_to(ImportRun.Status.DONE)
        run.finished_at = timezone.now()
        run.save()
    except Exception:  # noqa: BLE001 - any failure ends the run; it can be continued
        ImportRun.objects.filter(pk=run_id).update(
            created_count=F("created_count") + max(importer.stored_count(run.county) - before, 0)
        )
        fail_run(
            run_id,
            _("The import stopped because of an error. Continue it from the row it reached."),
        )
    finally:
        path.unlink(missing_ok=True)
