"""Write-side functions of analysis: triage, status changes, cases, coding, signals."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ilmio.analysis.models import (
    Code,
    CodedPassage,
    PhenomenonCase,
    SavedQueueFilter,
    SignalReview,
    StatusChange,
)
from ilmio.analysis.refi_qda import (
    ParsedProject,
    code_guid,
    colour_or_none,
    from_plain,
    plain_text,
    report_keys,
    xml_text,
)
from ilmio.areas.models import Municipality
from ilmio.core.audit import Event, record_event
from ilmio.core.workflow import TransitionError
from ilmio.reports.models import Report
from ilmio.reports.services import set_areas
from ilmio.taxonomy.models import Phenomenon, TargetGroup


def change_status(report: Report, new_status: str, *, by: Any, reason: str = "") -> StatusChange:
    """Move a report along the pipeline; refuses transitions the pipeline does not allow."""
    with transaction.atomic():
        previous = report.set_status(new_status)
        change = StatusChange.objects.create(
            report=report, from_status=previous, to_status=new_status, changed_by=by, reason=reason[:500]
        )
        record_event(by, Event.REPORT_STATUS_CHANGED, obj=report, from_status=previous, to_status=new_status)
    return change


def bulk_change_status(reports: Iterable[Report], new_status: str, *, by: Any, reason: str = "") -> tuple[int, list[str]]:
    """Apply one change to many reports; those that cannot move are reported, not changed."""
    changed, refused = 0, []
    for report in reports:
        try:
            change_status(report, new_status, by=by, reason=reason)
            changed += 1
        except TransitionError as error:
            refused.append(f"{report.title}: {error}")
    return changed, refused


def classify_report(
    report: Report,
    *,
    primary: Phenomenon,
    secondary: Sequence[Phenomenon] = (),
    target_groups: Sequence[TargetGroup] | None = None,
    municipalities: Sequence[Municipality] | None = None,
    by: Any,
) -> Report:
    """A coordinator's confirmed classification: exactly one primary phenomenon."""
    with transaction.atomic():
        report.primary_phenomenon = primary
        report.classification_confirmed_at = timezone.now()
        report.classification_confirmed_by = by
        report.save(update_fields=["primary_phenomenon", "classification_confirmed_at",
                                   "classification_confirmed_by", "updated_at"])  # fmt: skip
        report.phenomena.set([primary, *[p for p in secondary if p != primary]])
        if target_groups is not None:
            report.target_groups.set(target_groups)
        if municipalities is not None:
            set_areas(report, list(municipalities), whole_county=not municipalities)
        record_event(by, Event.REPORT_CLASSIFIED, obj=report, primary=primary.code,
                     phenomena=[p.code for p in secondary if p != primary],
                     target_groups=[t.code for t in target_groups] if target_groups is not None else None,
                     municipalities=[m.code for m in municipalities] if municipalities is not None else None)  # fmt: skip
        if report.status_is("unclassified"):
            change_status(report, Report.WORKFLOW.named("on_classify"), by=by, reason="classified")
    return report


def mark_duplicate(report: Report, original: Report, *, by: Any, reason: str = "") -> Report:
    if original.pk == report.pk or original.county_id != report.county_id:
        raise TransitionError("a report can only duplicate another report of the same county")
    with transaction.atomic():
        report.duplicate_of = original
        report.save(update_fields=["duplicate_of", "updated_at"])
        change_status(report, Report.WORKFLOW.named("on_duplicate"), by=by, reason=reason or f"duplicate of {original.public_id}")
    return report


def create_case(*, county: Any, title: str, by: Any, phenomenon: Phenomenon | None = None,
                description: str = "", analysis_notes: str = "", reports: Iterable[Report] = ()) -> PhenomenonCase:  # fmt: skip
    with transaction.atomic():
        case = PhenomenonCase.objects.create(county=county, title=title, phenomenon=phenomenon, description=description,
                                             analysis_notes=analysis_notes, created_by=by)  # fmt: skip
        add_reports_to_case(case, reports)
        record_event(by, Event.CASE_CREATED, obj=case, ids=case.reports.values_list("public_id", flat=True))
    return case


def add_reports_to_case(case: PhenomenonCase, reports: Iterable[Report]) -> int:
    same_county = [r for r in reports if r.county_id == case.county_id]
    case.reports.add(*same_county)
    return len(same_county)


def update_case(case: PhenomenonCase, *, by: Any = None, **fields: Any) -> PhenomenonCase:
    allowed = {"title", "description", "analysis_notes", "phenomenon", "links"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"cannot update {name}")
        setattr(case, name, value)
    with transaction.atomic():
        case.save()
        record_event(by, Event.CASE_UPDATED, obj=case, fields=sorted(fields))
    return case


def create_code(*, county: Any, name: str, description: str = "", parent: Code | None = None,
                colour: str | None = None) -> Code:  # fmt: skip
    if parent is not None and parent.county_id != county.pk:
        raise ValueError("a code's parent must belong to the same county")
    extra = {"colour": colour} if colour else {}
    return Code.objects.create(county=county, name=name.strip(), description=description, parent=parent, **extra)


def code_passage(report: Report, code: Code, start: int, end: int, *, by: Any,
                 field: str = CodedPassage.Field.DESCRIPTION) -> CodedPassage:  # fmt: skip
    """Attach a code to text[start:end] of one of the report's texts (the description, the
    effects or the proposed action); offsets are checked against that text."""
    if code.county_id != report.county_id:
        raise ValueError("the code belongs to another county")
    if field not in CodedPassage.Field.values:
        raise ValueError("unknown text field")
    text = getattr(report, field) or ""
    if not (0 <= start < end <= len(text)):
        raise ValueError("the passage is outside the report text")
    return CodedPassage.objects.create(report=report, code=code, start=start, end=end, field=field,
                                       snippet=text[start:end], created_by=by)  # fmt: skip


@dataclass
class CodingImport:
    """What an import of REFI-QDA coding did."""

    codes_created: int = 0
    codes_matched: int = 0
    passages_created: int = 0
    passages_present: int = 0
    sources_matched: int = 0
    sources_not_found: int = 0  # not a report of the county (or of no county at all: the same)
    sources_changed: int = 0  # the text differs from the report's: positions would be wrong
    selections_skipped: int = 0  # outside the text, or coded with no code of the file


def import_coding(project: ParsedProject, *, county: Any, codes: QuerySet[Code], reports: QuerySet[Report],
                  by: Any) -> CodingImport:  # fmt: skip
    """Codes and coded passages of a REFI-QDA file into ``county``'s codebook.

    ``codes`` and ``reports`` are what the importing user may work on (their access
    selectors): a code is the same when its guid is one Ilmiö gave it, or its name is the
    same under the same parent; a source is a report when its guid (or an id in its name) is
    the report's public id and its text is the report's text. Anything else is counted,
    never looked up elsewhere, so another county's report is told apart from no report at
    all by nothing. Importing the same file twice changes nothing the second time.
    """
    result = CodingImport()
    existing = list(codes.filter(county=county))
    by_guid = {code_guid(code): code for code in existing}
    by_name = {(code.parent_id, code.name): code for code in existing}
    mapped: dict[str, Code] = {}
    with transaction.atomic():
        for item in project.codes:
            parent = mapped.get(item.parent) if item.parent else None
            name = " ".join(xml_text(item.name).split())[:100] or item.guid[:8]
            code = by_guid.get(item.guid) or by_name.get((parent.pk if parent else None, name))
            if code is None:
                code = create_code(county=county, name=name, description=xml_text(item.description)[:1000],
                                   parent=parent, colour=(colour_or_none(item.colour or "") or "").lower())  # fmt: skip
                by_name[(code.parent_id, code.name)] = code
                result.codes_created += 1
            else:
                result.codes_matched += 1
            mapped[item.guid] = code
        for source in project.sources:
            keys = report_keys(source)
            report = reports.filter(public_id__in=keys).first() if keys else None
            if report is None:
                result.sources_not_found += 1
                continue
            text = report.description
            if source.text is None or plain_text(source.text).lstrip("\ufeff") != plain_text(text):
                result.sources_changed += 1
                continue
            result.sources_matched += 1
            length = len(plain_text(text))
            for selection in source.selections:
                targets = [mapped[g] for g in dict.fromkeys(selection.codes) if g in mapped]
                if not targets or selection.end > length:
                    result.selections_skipped += 1
                    continue
                start, end = from_plain(text, selection.start), from_plain(text, selection.end)
                for code in targets:
                    if CodedPassage.objects.filter(report=report, code=code, start=start, end=end,
                                                   field=CodedPassage.Field.DESCRIPTION).exists():
                        result.passages_present += 1
                    else:
                        code_passage(report, code, start, end, by=by)
                        result.passages_created += 1
    return result


def review_signal(*, county: Any, phenomenon: Phenomenon, municipality_code: str, last_month: str,
                  decision: str, by: Any, note: str = "") -> SignalReview:  # fmt: skip
    with transaction.atomic():
        review, _ = SignalReview.objects.update_or_create(
            phenomenon=phenomenon, municipality_code=municipality_code, last_month=last_month,
            defaults={"county": county, "decision": decision, "note": note[:500], "reviewed_by": by},
        )  # fmt: skip
        record_event(by, Event.SIGNAL_REVIEWED, obj=review, decision=decision, phenomenon=phenomenon.code,
                     municipality=municipality_code, last_month=last_month)  # fmt: skip
    return review


# Months of a signal's recent window: the default of ilmio.stats.signals.detect_emerging,
# which the situation page's signals use.
SIGNAL_WINDOW_MONTHS = 3


def signal_period(last_month: str) -> tuple[datetime, datetime]:
    """The start of a signal's first month and the start of the month after its last."""
    year, month = (int(part) for part in last_month.split("-"))
    end = (year + month // 12, month % 12 + 1)
    first = year * 12 + month - 1 - (SIGNAL_WINDOW_MONTHS - 1)
    start = (first // 12, first % 12 + 1)
    return (timezone.make_aware(datetime(start[0], start[1], 1)), timezone.make_aware(datetime(end[0], end[1], 1)))


def create_case_from_signal(*, county: Any, phenomenon: Phenomenon, municipality: Any, last_month: str,
                            title: str, by: Any) -> PhenomenonCase:  # fmt: skip
    """Confirm an emerging signal (unless it already is) and open a case with the signal's
    phenomenon and the reports it counted: the phenomenon's reports of the municipality in
    the signal's months. A signal that already became a case returns that case."""
    if municipality.county_id != county.pk:
        raise TransitionError("a signal of another county's municipality")
    with transaction.atomic():
        review = SignalReview.objects.filter(phenomenon=phenomenon, municipality_code=municipality.code,
                                             last_month=last_month, county=county).first()  # fmt: skip
        if review is not None and review.case_id is not None and review.case is not None:
            return review.case
        start, end = signal_period(last_month)
        reports = Report.objects.filter(county=county, primary_phenomenon=phenomenon, statistics_municipality=municipality,
                                        in_statistics=True, created_at__gte=start, created_at__lt=end)  # fmt: skip
        case = create_case(county=county, title=title, by=by, phenomenon=phenomenon, reports=reports)
        # Confirmed by turning it into a case (a note written before is kept).
        review, _created = SignalReview.objects.update_or_create(
            phenomenon=phenomenon, municipality_code=municipality.code, last_month=last_month,
            defaults={"county": county, "decision": SignalReview.Decision.CONFIRMED, "reviewed_by": by, "case": case},
        )  # fmt: skip
        record_event(by, Event.SIGNAL_REVIEWED, obj=review, decision=review.decision, phenomenon=phenomenon.code,
                     municipality=municipality.code, last_month=last_month, case=case.pk)  # fmt: skip
    return case


# --- saved queue filters -------------------------------------------------------------------


def save_queue_filter(user: Any, name: str, query: str, *, limit: int) -> SavedQueueFilter:
    """Save (or replace, by name) one of the user's queue filters; ``query`` is already
    validated (:func:`ilmio.analysis.forms.saved_query`)."""
    from django.utils.translation import gettext as _

    name = name.strip()
    if not name:
        raise ValueError(_("Give the filter a name."))
    mine = SavedQueueFilter.objects.filter(user=user)
    if not mine.filter(name=name).exists() and mine.count() >= limit:
        raise ValueError(_("You have %(count)s saved filters: delete one first.") % {"count": limit})
    saved, _created = SavedQueueFilter.objects.update_or_create(user=user, name=name, defaults={"query": query[:500]})
    return saved


def delete_queue_filter(saved: SavedQueueFilter) -> None:
    saved.delete()

