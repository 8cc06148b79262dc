from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Header, Query, Router, Schema, Status
from ninja.errors import HttpError

from ilmio.accounts.models import User
from ilmio.core.access import home_county
from ilmio.core.api_schemas import ERRORS, ErrorOut, FieldError
from ilmio.core.audit import Event, record_event
from ilmio.core.permissions import Capability, has_capability
from ilmio.privacy import PiiType, redact
from ilmio.reports.access import county_reports, reports_for
from ilmio.reports.forms import TEXT_LIMITS, StaffReportForm
from ilmio.reports.models import Report
from ilmio.reports.services import IdempotencyConflict, submit_report

router = Router(tags=["reports"])


class RedactIn(Schema):
    text: str = Field(..., max_length=TEXT_LIMITS["description"])
    lang: Literal["fi", "sv", "en"] | None = None


class RedactionOut(Schema):
    start: int
    end: int
    type: PiiType


class RedactOut(Schema):
    redacted_text: str
    redactions: list[RedactionOut]


class ReportIn(Schema):
    title: str = Field(..., max_length=TEXT_LIMITS["title"])
    description: str = Field(..., max_length=TEXT_LIMITS["description"])
    kind: Literal["concern", "good_practice"] = "concern"
    phenomena: list[str] = Field(default_factory=list, max_length=10)
    target_groups: list[str] = Field(default_factory=list, max_length=7)
    municipalities: list[str] = Field(default_factory=list, max_length=400)
    whole_county: bool = False
    service_area: str | None = None
    prevalence: Literal["one_client", "several", "widespread"] = "several"
    observed_since: Literal["under_month", "months", "half_year", "over_year", "unknown"] = "unknown"
    trend: Literal["growing", "stable", "easing", "unknown"] = "unknown"
    effects: str = Field("", max_length=TEXT_LIMITS["effects"])
    proposed_action: str = Field("", max_length=TEXT_LIMITS["proposed_action"])
    language: Literal["fi", "sv", "en"] = "fi"
    reporter_type: Literal["professional", "partner"] | None = Field(
        None, description="Defaults to partner for partner accounts, otherwise professional."
    )
    partner_organisation_type: str = ""
    wants_feedback: bool = False


class ReportOut(Schema):
    id: UUID
    county: str
    title: str
    description: str
    kind: str
    phenomena: list[str]
    target_groups: list[str]
    municipalities: list[str]
    whole_county: bool
    service_area: str | None
    prevalence: str
    observed_since: str
    trend: str
    effects: str
    proposed_action: str
    language: str
    reporter_type: str
    created_at: datetime
    redaction_counts: dict[str, int]


# Paging beyond this is refused (422): larger offsets overflow the database's integers.
MAX_OFFSET = 10**9


def _require(request: HttpRequest, capability: Capability) -> User:
    """The signed-in user, if they have ``capability``; 403 otherwise."""
    user = request.user
    # has_capability is False for the anonymous user; the isinstance check tells mypy so.
    if not isinstance(user, User) or not has_capability(user, capability):
        raise HttpError(403, "You do not have access to this.")
    return user


def _out(report: Report) -> ReportOut:
    return ReportOut(
        id=report.public_id, county=report.county.code, title=report.title,
        description=report.description, kind=report.kind,
        phenomena=[p.code for p in report.phenomena.all()],
        target_groups=[t.code for t in report.target_groups.all()],
        municipalities=[m.code for m in report.municipalities.all()],
        whole_county=report.whole_county,
        service_area=report.service_area.code if report.service_area else None,
        prevalence=report.prevalence, observed_since=report.observed_since, trend=report.trend,
        effects=report.effects, proposed_action=report.proposed_action, language=report.language,
        reporter_type=report.reporter_type, created_at=report.created_at,
        redaction_counts=report.redaction_counts,
    )  # fmt: skip


def _reports(reports: QuerySet[Report]) -> QuerySet[Report]:
    return reports.select_related("county", "service_area").prefetch_related(
        "phenomena", "target_groups", "municipalities"
    )


@router.post("/redact", response={200: RedactOut, **ERRORS}, summary="Preview what redaction removes")
def redact_text(request: HttpRequest, payload: RedactIn) -> RedactOut:
    """Nothing is stored: returns the text as it would be saved."""
    _require(request, Capability.SUBMIT_REPORT)
    result = redact(payload.text, payload.lang)
    return RedactOut(
        redacted_text=result.text,
        redactions=[RedactionOut(start=r.start, end=r.end, type=r.type) for r in result.redactions],
    )


@router.post(
    "/reports",
    response={200: ReportOut, 201: ReportOut, **ERRORS},
    summary="Submit a social report",
)
def create_report(
    request: HttpRequest,
    payload: ReportIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=100),
) -> Status:
    """Validated and redacted exactly like the form. Repeating a request with the same
    `Idempotency-Key` returns the report created by the first one (200) instead of a copy;
    the same key with another body is refused (422). Keys belong to their sender."""
    user = _require(request, Capability.SUBMIT_REPORT)
    data = payload.dict()
    form = StaffReportForm(data, user=user)
    data["reporter_type"] = data["reporter_type"] or form.default_reporter_type()
    if not form.is_valid():
        errors = [FieldError(field=name if name != "__all__" else "", message=str(message))
                  for name, messages in form.errors.items() for message in messages]  # fmt: skip
        return Status(422, ErrorOut(detail="Invalid report.", errors=errors))
    try:
        report, created = submit_report(
            form.cleaned_data, county=home_county(request.user), channel=Report.Channel.API,
            submitted_by=request.user, idempotency_key=idempotency_key or None,
        )  # fmt: skip
    except IdempotencyConflict:
        return Status(422, ErrorOut(detail="This Idempotency-Key was already used for a report with other "
                                           "content. Send a new key for a new report."))  # fmt: skip
    report = _reports(Report.objects.filter(pk=report.pk)).get()
    return Status(201 if created else 200, _out(report))


@router.get("/reports", response={200: list[ReportOut], **ERRORS}, summary="Reports of your county")
def list_reports(request: HttpRequest, limit: int = Query(50, ge=1, le=500),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> list[ReportOut]:
    _require(request, Capability.READ_REPORT_TEXT)
    limit = max(1, min(limit, 500))
    offset = max(0, offset)
    reports = _reports(county_reports(request.user))[offset : offset + limit]
    out = [_out(r) for r in reports]
    record_event(request.user, Event.REPORTS_LISTED, ids=[r.id for r in out], view="api", offset=offset)
    return out


@router.get("/reports/{report_id}", response={200: ReportOut, 404: ErrorOut, **ERRORS}, summary="One report")
def get_report(request: HttpRequest, report_id: UUID) -> ReportOut:
    _require(request, Capability.VIEW_OWN_REPORTS)
    report = _reports(reports_for(request.user)).filter(public_id=report_id).first()
    if report is None:
        raise HttpError(404, "Not found.")
    record_event(request.user, Event.REPORT_VIEWED, obj=report, view="api")
    return _out(report)
