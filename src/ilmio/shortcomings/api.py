"""Notifications of shortcomings in the JSON API (tag ``shortcomings``): the same access as
the pages (``ilmio.shortcomings.access``) and the same write function as the form.

The notifier's identity is never in the API: the page shows it to the receiver, and an
integration (a case-management system, a dashboard) has no need to know who notified.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from ilmio.accounts.models import Organisation
from ilmio.core.api_schemas import ERRORS as SHARED_ERRORS
from ilmio.core.api_schemas import ErrorOut
from ilmio.shortcomings import access, services
from ilmio.shortcomings.forms import WHAT_LIMIT
from ilmio.shortcomings.models import Shortcoming
from ilmio.taxonomy.models import Phenomenon

router = Router(tags=["shortcomings"])

ServiceArea = Literal["older_people", "disability", "child_family", "adult_social_work", "mental_health_substance",
                      "other"]  # fmt: skip


class ShortcomingIn(Schema):
    unit: int = Field(..., description="Id of a unit (organisation) of the caller's county.")
    service_area: ServiceArea
    what: str = Field(..., min_length=1, max_length=WHAT_LIMIT, description="Redacted before it is stored.")
    since: date | None = None
    safety_at_risk_now: bool = False
    phenomena: list[str] = Field(default_factory=list, max_length=10)
    language: Literal["fi", "sv", "en"] | None = None


class CorrectiveActionOut(Schema):
    what: str
    due: date | None
    done: bool


class ShortcomingOut(Schema):
    id: int
    county_code: str
    unit: str
    service_area: str
    what: str
    since: date | None
    safety_at_risk_now: bool
    status: str
    created_at: datetime
    acknowledge_by: date
    correct_by: date
    escalated_at: datetime | None
    phenomena: list[str]
    corrective_actions: list[CorrectiveActionOut]


ERRORS: dict[int, Any] = {**SHARED_ERRORS, 404: ErrorOut}


def _out(item: Shortcoming) -> ShortcomingOut:
    return ShortcomingOut(
        id=item.pk, county_code=item.county.code, unit=item.unit.name, service_area=item.service_area, what=item.what,
        since=item.since, safety_at_risk_now=item.safety_at_risk_now, status=item.status, created_at=item.created_at,
        acknowledge_by=item.acknowledge_by, correct_by=item.correct_by, escalated_at=item.escalated_at,
        phenomena=[p.code for p in item.phenomena.all()],
        corrective_actions=[CorrectiveActionOut(what=a.what, due=a.due, done=a.is_done) for a in item.actions.all()],
    )  # fmt: skip


class ListFilters(Schema):
    status: str | None = None
    limit: int = Field(100, ge=1, le=500)


@router.get("/shortcomings", response={200: list[ShortcomingOut], **ERRORS}, summary="Notifications of shortcomings")
def list_shortcomings(request: HttpRequest, filters: Query[ListFilters]) -> Any:
    """The caller's own notifications, and for a unit's responsible person (a manager) the county's."""
    items = access.shortcomings_for(request.user).select_related("unit", "county").prefetch_related("phenomena", "actions")
    if filters.status:
        if filters.status not in Shortcoming.Status.values:
            raise HttpError(422, "Unknown status.")
        items = items.filter(status=filters.status)
    return [_out(item) for item in items.order_by("-created_at", "-pk")[: filters.limit]]


@router.get("/shortcomings/{shortcoming_id}", response={200: ShortcomingOut, **ERRORS}, summary="One notification")
def get_shortcoming(request: HttpRequest, shortcoming_id: int) -> Any:
    item = access.shortcoming_for(request.user, shortcoming_id)
    if item is None:
        raise HttpError(404, "Not found.")
    return _out(item)


@router.post("/shortcomings", response={201: ShortcomingOut, **ERRORS}, summary="Notify a shortcoming")
def create_shortcoming(request: HttpRequest, payload: ShortcomingIn) -> Any:
    """Notify the unit's responsible person (the form's write function; the text is redacted)."""
    if not access.may_notify(request.user):
        raise HttpError(403, "You cannot notify shortcomings.")
    unit = access.units_for(request.user).filter(pk=payload.unit).first()
    if unit is None or not isinstance(unit, Organisation):
        raise HttpError(422, "Choose a unit of your own county.")
    phenomena = list(Phenomenon.objects.filter(code__in=payload.phenomena, active=True))
    if len(phenomena) != len(set(payload.phenomena)):
        raise HttpError(422, "Unknown phenomenon code.")
    try:
        item = services.file_shortcoming(unit=unit, service_area=payload.service_area, what=payload.what, by=request.user,
                                         since=payload.since, safety_at_risk_now=payload.safety_at_risk_now,
                                         phenomena=phenomena, language=payload.language)  # fmt: skip
    except ValueError as error:
        raise HttpError(422, str(error)) from error
    return Status(201, _out(item))
