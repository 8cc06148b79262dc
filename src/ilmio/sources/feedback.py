"""Import client feedback, reminders (muistutus) and complaints (kantelu) from a county's sheet.

The upload, column mapping, dry run, background run with its progress bar and resume are
the history import's (:mod:`ilmio.reports.import_runs`); this module says what a row
becomes: a :class:`~ilmio.sources.models.FeedbackItem`, its text redacted by the model
field on the way in. A bad row is reported with its number and the reason, and the other
rows are stored. A row imported before (its source id, or else its content) is skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilmio.areas.models import County
from ilmio.core.audit import Event, record_event
from ilmio.core.fields import redact_text
from ilmio.reports.import_runs import Importer
from ilmio.reports.importing import (
    BATCH_SIZE,
    ColumnMapping,
    ImportResult,
    Lookups,
    RowProblem,
    checked_date,
    normalise,
    row_key,
    row_problems,
)
from ilmio.sources.models import FINDING_LIMIT, ORGANISATION_LIMIT, FeedbackItem
from ilmio.taxonomy.models import ServiceArea

KIND = "feedback"

# Target field → header spellings (normalised) that map to it, in Finnish, Swedish and English.
HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "received_on": ("saapunut", "vastaanotettu", "paivamaara", "pvm", "date", "datum", "received on", "inkommit",
                    "vastausaika"),
    "kind": ("tyyppi", "laji", "palautteen tyyppi", "typ", "kind", "type"),
    "unit": ("yksikko", "toimipiste", "enhet", "unit"),
    "service_area": ("palvelualue", "tulosalue", "serviceomrade", "service area"),
    "phenomenon": ("ilmio", "aihe", "teema", "fenomen", "tema", "phenomenon", "theme"),
    "municipality": ("kunta", "kommun", "municipality"),
    "text": ("palaute", "palautteen sisalto", "kuvaus", "sisalto", "respons", "beskrivning", "feedback", "text"),
    "language": ("kieli", "sprak", "language"),
    "source_id": ("id", "tunniste", "diaarinumero", "asianumero", "arendenummer", "case number"),
}  # fmt: skip

# A kind cell's words (normalised) → the kind.
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("palaute", "asiakaspalaute", "kiitos", "respons", "kundrespons", "feedback", "client feedback"),
                    FeedbackItem.Kind.FEEDBACK),
    **dict.fromkeys(("muistutus", "anmarkning", "reminder"), FeedbackItem.Kind.REMINDER),
    **dict.fromkeys(("kantelu", "klagomal", "klagan", "complaint"), FeedbackItem.Kind.COMPLAINT),
}  # fmt: skip
KEY_LIMIT = 80


class FeedbackLookups(Lookups):
    """The history import's municipalities and phenomena, and service areas by code or name."""

    def __init__(self, county: County) -> None:
        super().__init__(county)
        self.service_areas: dict[str, ServiceArea] = {}
        for area in ServiceArea.objects.filter(active=True):
            for name in (area.code, area.label_fi, area.label_sv, area.label_en):
                if name:
                    self.service_areas.setdefault(normalise(name), area)


def _key(row: Mapping[str, str], source_id: str) -> str:
    key = row_key(row, {"source_id": source_id})
    return key if len(key) <= KEY_LIMIT else "src:" + hashlib.sha256(key.encode()).hexdigest()


def parse_feedback_row(number: int, row: Mapping[str, str], mapping: ColumnMapping, lookups: FeedbackLookups,
                       county: County) -> tuple[FeedbackItem | None, list[RowProblem]]:  # fmt: skip
    """An unsaved item, or the row's problems (translated)."""
    problems: list[str] = []
    raw_date = mapping.value(row, "received_on")
    received = None
    if not raw_date:
        problems.append(_("the date is missing"))
    else:
        received, problem = checked_date(raw_date)
        if problem:
            problems.append(problem)
    raw_kind = mapping.value(row, "kind")
    kind = KIND_WORDS.get(normalise(raw_kind), "") if raw_kind else FeedbackItem.Kind.FEEDBACK
    if not kind:
        problems.append(_("“%(value)s” is not feedback, a reminder or a complaint") % {"value": raw_kind[:60]})
    raw_area = mapping.value(row, "service_area")
    area = lookups.service_areas.get(normalise(raw_area)) if raw_area else None
    if raw_area and area is None:
        problems.append(_("the service area “%(value)s” is not in the taxonomy") % {"value": raw_area[:60]})
    raw_phenomenon = mapping.value(row, "phenomenon")
    phenomenon = lookups.phenomena.get(normalise(raw_phenomenon)) if raw_phenomenon else None
    if raw_phenomenon and phenomenon is None:
        problems.append(_("the phenomenon “%(value)s” is not in the taxonomy") % {"value": raw_phenomenon[:60]})
    municipalities, missing = lookups.municipalities_in(mapping.value(row, "municipality"))
    problems += missing
    if len(municipalities) > 1:
        problems.append(_("name one municipality per row"))
    text = mapping.value(row, "text")
    if len(text) > FINDING_LIMIT:
        problems.append(_("the text is longer than %(limit)s characters") % {"limit": FINDING_LIMIT})
    if problems or received is None:
        return None, row_problems(number, problems)
    language = mapping.value(row, "language").lower()[:2]
    item = FeedbackItem(county=county, kind=kind, received_on=received.date(), unit=mapping.value(row, "unit")[:ORGANISATION_LIMIT],
                        service_area=area, phenomenon=phenomenon,
                        municipality=municipalities[0] if municipalities else None, text=text,
                        language=language if language in ("fi", "sv", "en") else "fi",
                        import_key=_key(row, mapping.value(row, "source_id")))  # fmt: skip
    return item, []


def _preview(number: int, item: FeedbackItem) -> dict[str, Any]:
    return {"row": number, "received_on": item.received_on, "kind": item.get_kind_display(),
            "unit": redact_text(item.unit, item.language), "phenomenon": item.phenomenon.label if item.phenomenon else "",
            "municipality": item.municipality.name if item.municipality else "",
            "text": redact_text(item.text, item.language)}  # fmt: skip


def import_feedback(county: County, rows: list[dict[str, str]], mapping: ColumnMapping, *, by: Any = None,
                    dry_run: bool = False, start_row: int = 0, progress: Callable[[int, int], None] | None = None,
                    preview_rows: int = 20) -> ImportResult:  # fmt: skip
    """Import rows (1-based numbers; rows up to ``start_row`` are done already), a batch at a time."""
    result = ImportResult(last_row=start_row)
    lookups = FeedbackLookups(county)
    total, seen, stored = len(rows), set(), 0
    for batch_start in range(start_row, total, BATCH_SIZE):
        parsed: list[tuple[int, FeedbackItem]] = []
        for offset, row in enumerate(rows[batch_start : batch_start + BATCH_SIZE]):
            number = batch_start + offset + 1
            item, problems = parse_feedback_row(number, row, mapping, lookups, county)
            if item is None:
                result.problems.extend(problems)
            elif item.import_key in seen:
                result.skipped_duplicates += 1
            else:
                seen.add(item.import_key)
                parsed.append((number, item))
        keys = [item.import_key for _, item in parsed]
        before = set(FeedbackItem.objects.filter(county=county, import_key__in=keys).values_list("import_key", flat=True))
        new = [(number, item) for number, item in parsed if item.import_key not in before]
        result.skipped_duplicates += len(parsed) - len(new)
        if dry_run:
            result.preview += [_preview(n, i) for n, i in new[: max(preview_rows - len(result.preview), 0)]]
        else:
            with transaction.atomic():
                FeedbackItem.objects.bulk_create([item for _, item in new])
            stored += len(new)
        result.created += len(new)
        result.last_row = min(batch_start + BATCH_SIZE, total)
        if progress is not None:
            progress(result.last_row, total)
    if not dry_run:
        record_event(by, Event.FEEDBACK_IMPORTED, county=county, created=stored, skipped=result.skipped_duplicates,
                     problems=len(result.problems))  # fmt: skip
    return result


def feedback_problems(county: County, rows: list[dict[str, str]], mapping: ColumnMapping) -> list[RowProblem]:
    lookups = FeedbackLookups(county)
    return [p for number, row in enumerate(rows, 1) for p in parse_feedback_row(number, row, mapping, lookups, county)[1]]


FEEDBACK = Importer(
    kind=KIND, guesses=HEADER_GUESSES,
    labels={"received_on": gettext_lazy("Date received"), "kind": gettext_lazy("Kind (feedback, reminder, complaint)"),
            "text": gettext_lazy("Feedback text"), "unit": gettext_lazy("Unit"),
            "service_area": gettext_lazy("Service area"), "phenomenon": gettext_lazy("Phenomenon"),
            "municipality": gettext_lazy("Municipality"), "language": gettext_lazy("Language"),
            "source_id": gettext_lazy("Row id in the source")},
    helps={"received_on": gettext_lazy("Finnish dates (1.2.2024), ISO dates and Excel dates are read."),
           "kind": gettext_lazy("palaute/muistutus/kantelu, respons/anmärkning/klagomål or feedback/reminder/complaint; "
                                "without this column every row is client feedback."),
           "phenomenon": gettext_lazy("Phenomenon names or codes of the national taxonomy."),
           "text": gettext_lazy("Identifying details are removed before the text is stored."),
           "source_id": gettext_lazy("With an id, a row imported again is recognised even if its text changed.")},
    required="received_on", required_message=gettext_lazy("Choose the column that holds the date received."),
    run=import_feedback, problems_of=feedback_problems,
    stored_count=lambda county: FeedbackItem.objects.filter(county=county).count(),
    page="sources:feedback_import", template="sources/feedback_import.html",
    run_template="sources/feedback_import_run.html",
)  # fmt: skip
