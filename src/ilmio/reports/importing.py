"""Import a county's history of social reports from Webropol/Forms exports and Excel sheets.

Every row goes through :func:`ilmio.reports.services.submit_report` (the one write path:
redaction, fingerprint, idempotency, audit), so an imported report is stored exactly as a
submitted one. The idempotency key of a row is its source id (if a column is mapped) or a
hash of its content, in the scope ``import:<county>``: re-importing the same file adds nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.areas.models import County, Municipality
from ilmio.core.audit import Event, record_event
from ilmio.core.tables import csv_separator
from ilmio.core.tables_io import WorkbookTooLarge, WorkbookUnreadable, xlsx_rows
from ilmio.reports.models import Report
from ilmio.reports.services import IdempotencyConflict, submit_report
from ilmio.taxonomy.models import Phenomenon

BATCH_SIZE = 500
MAX_ROWS = 200_000

# Target field → header spellings (normalised: lower case, no accents/punctuation) that map to it.
HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "source_id": ("vastaajan id", "vastaaja id", "respondent id", "respondentens id", "id", "tunniste", "rivi id"),
    "created_at": ("vastausaika", "aloitusaika", "lopetusaika", "paivamaara", "pvm", "date", "datum", "svarstid",
                   "submitted", "created", "ilmoitettu"),
    "municipality": ("kunta", "kommun", "municipality", "kuntakoodi", "kommunkod"),
    "phenomenon": ("ilmio", "fenomen", "phenomenon", "ilmion koodi", "phenomenon code"),
    "title": ("otsikko", "rubrik", "title", "aihe"),
    "description": ("kuvaus", "beskrivning", "description", "havainto", "kuvaile havaintosi"),
    "effects": ("vaikutukset", "konsekvenser", "effects"),
    "proposed_action": ("toimenpide ehdotus", "ehdotus", "forslag", "proposed action"),
    "language": ("kieli", "sprak", "language"),
}  # fmt: skip
TARGETS = tuple(HEADER_GUESSES)


class TableError(ValueError):
    """The file is not a table this import can read (the message says why)."""


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based data row (the header is row 0)
    message: str


@dataclass
class ImportResult:
    created: int = 0
    skipped_duplicates: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    last_row: int = 0
    report_ids: list[int] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)


def normalise(text: Any) -> str:
    """A header or a name as compared: lower case ASCII words (accents and punctuation dropped)."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# --- reading ----------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(
        _("The file is not text in a known encoding.")
    )  # pragma: no cover (latin-1 decodes all)


def read_table(source: str | Path | IO[bytes] | bytes, name: str = "") -> list[dict[str, str]]:
    """Rows of a CSV (``;`` or ``,``) or XLSX file as header → text."""
    if isinstance(source, (str, Path)):
        name = name or str(source)
        content = Path(source).read_bytes()
    elif isinstance(source, bytes):
        content = source
    else:
        content = source.read()
    if content[:2] == b"PK" or name.lower().endswith(".xlsx"):
        rows = _read_xlsx(content)
    else:
        text = _decode(content)
        if "\x00" in text:
            raise TableError(_("The file is not a CSV or XLSX table."))
        reader = csv.reader(io.StringIO(text), delimiter=csv_separator(text))
        rows = [list(row) for row in reader]
    rows = [row for row in rows if any(str(cell).strip() for cell in row)]
    if len(rows) < 2:
        raise TableError(_("The file has no data rows."))
    if len(rows) - 1 > MAX_ROWS:
        raise TableError(
            _("The file has too many rows: import at most %(limit)s rows at a time.")
            % {"limit": MAX_ROWS}
        )
    header = [str(cell).strip() for cell in rows[0]]
    return [{header[i]: str(row[i]).strip() if i < len(row) else "" for i in range(len(header)) if header[i]}
            for row in rows[1:]]  # fmt: skip


def _read_xlsx(content: bytes) -> list[list[str]]:
    try:
        return [[_cell(value) for value in row]
                for row in xlsx_rows(content, max_unpacked_bytes=500 * 1024 * 1024)]  # fmt: skip
    except WorkbookTooLarge:
        raise TableError(_("The file is too large.")) from None
    except WorkbookUnreadable as error:
        raise TableError(_("The file is not a CSV or XLSX table.")) from error


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- mapping ----------------------------------------------------------------------------


@dataclass
class ColumnMapping:
    """Target field → source column header."""

    columns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def guess(cls, headers: Iterable[str], overrides: Mapping[str, str] | None = None,
              guesses: Mapping[str, tuple[str, ...]] = HEADER_GUESSES) -> ColumnMapping:  # fmt: skip
        columns: dict[str, str] = {}
        normalised = {normalise(h): h for h in headers}
        for target, spellings in guesses.items():
            for spelling in spellings:
                if spelling in normalised and normalised[spelling] not in columns.values():
                    columns[target] = normalised[spelling]
                    break
        for target, header in (overrides or {}).items():
            if target in guesses:
                if header:
                    columns[target] = header
                else:
                    columns.pop(target, None)
        return cls(columns)

    def value(self, row: Mapping[str, str], target: str) -> str:
        header = self.columns.get(target)
        return (row.get(header) or "").strip() if header else ""


# --- parsing ----------------------------------------------------------------------------

DATE_FORMATS = ("%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M.%S", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d.%m.%y")  # fmt: skip
_DATE_SHAPE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2,4})")


def parse_date(text: str) -> datetime | None:
    """A Finnish-format date (d.m.yyyy [h.mm]), ISO, or an Excel serial; None if unreadable."""
    text = text.strip()
    if re.fullmatch(r"\d{5}(\.\d+)?", text):  # Excel serial day number (1900 system)
        serial = float(text)
        return datetime(1899, 12, 30) + timedelta(days=serial)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


class Lookups:
    """Municipalities and phenomena by every name and code, loaded once per import."""

    def __init__(self, county: County) -> None:
        self.municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.filter(county=county):
            for key in (municipality.code, municipality.code.lstrip("0"), municipality.name_fi, municipality.name_sv,
                        municipality.name_en):  # fmt: skip
                if key:
                    self.municipalities.setdefault(normalise(key), municipality)
        self.phenomena: dict[str, Phenomenon] = {}
        for phenomenon in Phenomenon.objects.filter(active=True):
            for key in (
                phenomenon.code,
                phenomenon.label_fi,
                phenomenon.label_sv,
                phenomenon.label_en,
            ):
                if key:
                    self.phenomena.setdefault(normalise(key), phenomenon)

    def municipalities_in(self, raw: str) -> tuple[list[Municipality], list[str]]:
        """The municipalities a cell names (separated by ; , or /), and a problem per unknown one."""
        found: list[Municipality] = []
        problems: list[str] = []
        for part in re.split(r"[;,/]", raw or ""):
            if part.strip():
                municipality = self.municipalities.get(normalise(part))
                if municipality is None:
                    problems.append(_("the municipality “%(value)s” is not in this county") % {"value": part.strip()})
                else:
                    found.append(municipality)
        return found, problems


def checked_date(raw: str) -> tuple[datetime | None, str]:
    """A row's date, or the problem with it (translated): unreadable, not a real day, or
    outside 1990–today."""
    value = parse_date(raw)
    if value is None:
        if _DATE_SHAPE.match(raw):
            return None, _("the date “%(value)s” does not exist") % {"value": raw}
        return None, _("“%(value)s” is not a date (use d.m.yyyy)") % {"value": raw}
    if value.year < 1990 or value.date() > timezone.localdate():
        return None, _("the date “%(value)s” is outside the accepted range") % {"value": raw}
    return value, ""


def row_problems(number: int, problems: list[str]) -> list[RowProblem]:
    return [RowProblem(number, _("Row %(row)s: %(problem)s") % {"row": number, "problem": p}) for p in problems]


def parse_row(number: int, row: Mapping[str, str], mapping: ColumnMapping,
              lookups: Lookups) -> tuple[dict[str, Any] | None, list[RowProblem]]:  # fmt: skip
    """A clean record for submit_report, or the row's problems (translated)."""
    problems: list[str] = []
    data: dict[str, Any] = {}
    for name in ("title", "description", "effects", "proposed_action"):
        data[name] = mapping.value(row, name)
    if not data["description"]:
        problems.append(_("the description is empty"))
    if not data["title"] and data["description"]:
        data["title"] = data["description"][:80]
    raw_date = mapping.value(row, "created_at")
    created_at: datetime | None = None
    if raw_date:
        created_at, problem = checked_date(raw_date)
        if problem:
            problems.append(problem)
    municipalities, missing = lookups.municipalities_in(mapping.value(row, "municipality"))
    problems += missing
    raw_phenomenon = mapping.value(row, "phenomenon")
    phenomena: list[Phenomenon] = []
    if raw_phenomenon:
        found_phenomenon = lookups.phenomena.get(normalise(raw_phenomenon))
        # An unknown label is left for triage's suggestion rather than refusing the row.
        if found_phenomenon is not None:
            phenomena.append(found_phenomenon)
    language = mapping.value(row, "language").lower()[:2]
    data["language"] = language if language in ("fi", "sv", "en") else "fi"
    if problems:
        return None, row_problems(number, problems)
    data["municipalities"] = municipalities
    data["phenomena"] = phenomena
    data["whole_county"] = not municipalities
    if created_at is not None:
        if created_at.time() == time(0, 0):
            created_at = created_at.replace(hour=12)
        data["created_at"] = (
            timezone.make_aware(created_at) if timezone.is_naive(created_at) else created_at
        )
    data["source_id"] = mapping.value(row, "source_id")
    return data, []


def row_key(row: Mapping[str, str], data: dict[str, Any]) -> str:
    """A stable idempotency key: the source id if mapped, else a hash of the row's content."""
    if data.get("source_id"):
        return "src:" + str(data["source_id"])[:200]
    canonical = "\x1f".join(f"{k}={row[k]}" for k in sorted(row))
    return "row:" + hashlib.sha256(canonical.encode()).hexdigest()


def import_scope(county: County) -> str:
    return f"{Report.Channel.IMPORT}:{county.code}"


# --- importing --------------------------------------------------------------------------


def import_reports(county: County, rows: list[dict[str, str]], mapping: ColumnMapping, *, by: Any = None,
                   dry_run: bool = False, start_row: int = 0,
                   progress: Callable[[int, int], None] | None = None,
                   preview_rows: int = 20) -> ImportResult:  # fmt: skip
    """Import rows (1-based numbers; rows up to ``start_row`` are skipped as done already)."""
    from ilmio.reports.services import preview_redaction

    result = ImportResult(last_row=start_row)
    lookups = Lookups(county)
    scope = import_scope(county)
    total = len(rows)
    seen: set[str] = set()
    for batch_start in range(start_row, total, BATCH_SIZE):
        batch = rows[batch_start : batch_start + BATCH_SIZE]
        with transaction.atomic():
            for offset, row in enumerate(batch):
                number = batch_start + offset + 1
                data, problems = parse_row(number, row, mapping, lookups)
                if data is None:
                    result.problems.extend(problems)
                    continue
                key = row_key(row, data)
                if dry_run:
                    duplicate = key in seen or Report.objects.filter(idempotency_scope=scope,
                                                                    idempotency_key=key).exists()  # fmt: skip
                    seen.add(key)
                    if duplicate:
                        result.skipped_duplicates += 1
                        continue
                    result.created += 1
                    if len(result.preview) < preview_rows:
                        texts = preview_redaction(data, data["language"]).redacted_values
                        result.preview.append({"row": number, "title": texts.get("title", "")[:200],
                                               "description": texts.get("description", ""),
                                               "created_at": data.get("created_at"),
                                               "municipalities": [m.name_fi for m in data["municipalities"]],
                                               "phenomenon": data["phenomena"][0].code if data["phenomena"] else ""})  # fmt: skip
                    continue
                try:
                    report, created = submit_report(data, county=county, channel=Report.Channel.IMPORT,
                                                    idempotency_key=key, created_at=data.get("created_at"))  # fmt: skip
                except IdempotencyConflict:
                    result.problems.append(
                        RowProblem(
                            number,
                            _(
                                "Row %(row)s: a report with this id was imported before with other content"
                            )
                            % {"row": number},
                        )
                    )
                    continue
                if created:
                    result.created += 1
                    result.report_ids.append(report.pk)
                else:
                    result.skipped_duplicates += 1
        result.last_row = min(batch_start + BATCH_SIZE, total)
        if progress is not None:
            progress(result.last_row, total)
    if not dry_run:
        record_event(by, Event.REPORTS_IMPORTED, ids=result.report_ids, county=county,
                     created=result.created, skipped=result.skipped_duplicates, problems=len(result.problems))  # fmt: skip
    return result
