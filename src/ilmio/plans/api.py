"""The implementation plan and its monitoring in the JSON API (read-only)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from ilmio.core.permissions import has_capability
from ilmio.plans import access
from ilmio.plans.models import Plan

router = Router(tags=["plans"])


class PlanMeasureOut(Schema):
    number: int
    description: str
    owner: str
    indicators: str


class PlanAreaOut(Schema):
    name: str
    description: str
    measures: list[PlanMeasureOut]


class PlanApprovalOut(Schema):
    body: str
    approved_on: str


class PlanOut(Schema):
    id: int
    county_code: str
    term_start: int
    term_end: int
    version: int
    status: str
    title: str
    main_goal: str
    approvals: list[PlanApprovalOut]
    objectives: list[str]
    areas: list[PlanAreaOut]
    actors: list[dict[str, str]]
    communication: list[dict[str, str]]


class MonitoringSectionOut(Schema):
    cells: dict[str, int | None]
    total: int | None


class MonitoringOut(Schema):
    id: int
    county_code: str
    year: int
    language: str
    status: str
    figures: dict[str, MonitoringSectionOut]
    evaluation: str


class PlanErrorOut(Schema):
    detail: str


ERRORS: dict[int, Any] = {401: PlanErrorOut, 403: PlanErrorOut}


def _require(request: HttpRequest) -> Any:
    if not has_capability(request.user, access.READ):
        raise HttpError(403, "You do not have access to this.")
    return request.user


def _plan_out(plan: Plan) -> PlanOut:
    return PlanOut(
        id=plan.pk, county_code=plan.county.code, term_start=plan.term_start, term_end=plan.term_end,
        version=plan.version, status=plan.status, title=plan.title, main_goal=plan.main_goal,
        approvals=[PlanApprovalOut(body=a.body, approved_on=a.approved_on.isoformat()) for a in plan.approvals.all()],
        objectives=[o.text for o in plan.objectives.all()],
        areas=[PlanAreaOut(name=a.name, description=a.description, measures=[
            PlanMeasureOut(number=m.number, description=m.description, owner=m.owner, indicators=m.indicators)
            for m in a.measures.all()]) for a in plan.areas.all()],
        actors=[{"name": a.name, "duties": a.duties} for a in plan.actors.all()],
        communication=[{"audience": r.audience, "goals": r.goals, "channels": r.channels} for r in plan.communication.all()],
    )  # fmt: skip


@router.get("/plans", response={200: list[PlanOut], **ERRORS}, summary="Implementation plans of your county")
def list_plans(request: HttpRequest) -> list[PlanOut]:
    user = _require(request)
    plans = access.plans_for(user).select_related("county").prefetch_related(
        "approvals", "objectives", "areas__measures", "actors", "communication")
    return [_plan_out(p) for p in plans]


@router.get("/monitoring-reports", response={200: list[MonitoringOut], **ERRORS},
            summary="Annual monitoring reports of your county")  # fmt: skip
def list_monitoring_reports(request: HttpRequest) -> list[MonitoringOut]:
    user = _require(request)
    return [MonitoringOut(id=r.pk, county_code=r.county.code, year=r.year, language=r.language, status=r.status,
                          figures=r.figures, evaluation=r.evaluation)
            for r in access.monitoring_reports_for(user).select_related("county")]  # fmt: skip
