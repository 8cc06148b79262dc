"""Every write of the plans app, each recorded in the audit trail."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.core.audit import Event, record_event
from ilmio.indicators.disclosure import tally
from ilmio.knowledge.models import Action, Decision, FollowUp, Summary
from ilmio.plans import access
from ilmio.plans.models import (
    ACTIONS_DONE,
    ACTIONS_OVERDUE,
    NO_DECISION_YET,
    UNCLASSIFIED,
    Approval,
    CommunicationRow,
    Measure,
    MonitoringReport,
    Objective,
    Plan,
    PlanActor,
    TaskArea,
    YearMeasure,
    YearPlan,
    done_statuses,
)
from ilmio.reports.models import Report


class PlanError(ValueError):
    """A refused change (the message is for the user)."""


def _require_editable(plan: Plan) -> None:
    if not plan.is_editable:
        raise PlanError(_("An approved plan cannot be changed: make a new version."))


# --- the plan ------------------------------------------------------------------------------------


def create_plan(*, county: Any, term_start: int, term_end: int, title: str, main_goal: str = "", by: Any) -> Plan:
    if term_end < term_start:
        raise PlanError(_("The term cannot end before it starts."))
    with transaction.atomic():
        version = (Plan.objects.filter(county=county, term_start=term_start).order_by("-version")
                   .values_list("version", flat=True).first() or 0) + 1  # fmt: skip
        plan = Plan.objects.create(county=county, term_start=term_start, term_end=term_end, version=version,
                                   title=title, main_goal=main_goal)  # fmt: skip
        record_event(by, Event.PLAN_CREATED, obj=plan, version=plan.version)
    return plan


def add_objective(plan: Plan, text: str, *, by: Any) -> Objective:
    _require_editable(plan)
    with transaction.atomic():
        item = Objective.objects.create(plan=plan, text=text, position=plan.objectives.count() + 1)
        record_event(by, Event.PLAN_UPDATED, obj=plan, objective=item.pk)
    return item


def add_area(plan: Plan, name: str, description: str = "", *, by: Any) -> TaskArea:
    _require_editable(plan)
    with transaction.atomic():
        area = TaskArea.objects.create(plan=plan, name=name, description=description, position=plan.areas.count() + 1)
        record_event(by, Event.PLAN_UPDATED, obj=plan, area=area.pk)
    return area


def add_measure(area: TaskArea, description: str, owner: str = "", indicators: str = "", *, by: Any) -> Measure:
    """A development measure, numbered next in its area."""
    _require_editable(area.plan)
    with transaction.atomic():
        number = (area.measures.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        measure = Measure.objects.create(area=area, number=number, description=description, owner=owner,
                                         indicators=indicators)  # fmt: skip
        record_event(by, Event.PLAN_UPDATED, obj=area.plan, measure=measure.pk)
    return measure


def add_actor(plan: Plan, name: str, duties: str = "", *, by: Any) -> PlanActor:
    _require_editable(plan)
    with transaction.atomic():
        actor = PlanActor.objects.create(plan=plan, name=name, duties=duties)
        record_event(by, Event.PLAN_UPDATED, obj=plan, plan_actor=actor.pk)
    return actor


def add_communication(plan: Plan, audience: str, goals: str = "", channels: str = "", *, by: Any) -> CommunicationRow:
    _require_editable(plan)
    with transaction.atomic():
        row = CommunicationRow.objects.create(plan=plan, audience=audience, goals=goals, channels=channels)
        record_event(by, Event.PLAN_UPDATED, obj=plan, communication=row.pk)
    return row


def approve_plan(plan: Plan, *, body: str, approved_on: date, by: Any) -> Approval:
    """Record an approval by a named body; the first one freezes the plan. Later bodies
    (e.g. the council after the board) add their approval to the frozen plan."""
    with transaction.atomic():
        approval = Approval.objects.create(plan=plan, body=body, approved_on=approved_on)
        previous = plan.status
        if plan.can_move_to(Plan.WORKFLOW.named("on_approve")):
            previous = plan.set_status(Plan.WORKFLOW.named("on_approve"))
        record_event(by, Event.PLAN_APPROVED, obj=plan, approval=approval.pk, from_status=previous,
                     to_status=plan.status)  # fmt: skip
    return approval


def publish_plan(plan: Plan, *, by: Any) -> Plan:
    with transaction.atomic():
        plan.published_at = timezone.now()
        previous = plan.set_status(Plan.WORKFLOW.named("on_publish"), also=["published_at"])
        record_event(by, Event.PLAN_PUBLISHED, obj=plan, from_status=previous, to_status=plan.status)
    return plan


def new_version(plan: Plan, *, by: Any) -> Plan:
    """Version N+1 of a frozen plan: a draft copy of all its content (not its approvals)."""
    if not plan.is_frozen:
        raise PlanError(_("Only an approved plan gets a new version; edit the draft instead."))
    if hasattr(plan, "next"):
        raise PlanError(_("This version already has a newer version."))
    with transaction.atomic():
        latest = Plan.objects.filter(county=plan.county, term_start=plan.term_start).order_by("-version").first()
        copy = Plan.objects.create(county=plan.county, term_start=plan.term_start, term_end=plan.term_end,
                                   version=(latest.version if latest else plan.version) + 1, previous=plan,
                                   title=plan.title, main_goal=plan.main_goal)  # fmt: skip
        _copy_content(plan, copy)
        record_event(by, Event.PLAN_CREATED, obj=copy, version=copy.version, previous=plan.pk)
    return copy


def next_term_plan(plan: Plan, *, by: Any) -> Plan:
    """The plan for the following council term, started as a draft copy of this one."""
    if not plan.is_frozen:
        raise PlanError(_("Only an approved plan is carried over to the next term."))
    length = plan.term_end - plan.term_start
    start = plan.term_end
    with transaction.atomic():
        if Plan.objects.filter(county=plan.county, term_start=start).exists():
            raise PlanError(_("The next term already has a plan."))
        copy = Plan.objects.create(county=plan.county, term_start=start, term_end=start + length, version=1,
                                   title=plan.title, main_goal=plan.main_goal)  # fmt: skip
        _copy_content(plan, copy)
        record_event(by, Event.PLAN_CREATED, obj=copy, version=1, previous=plan.pk)
    return copy


def _copy_content(source: Plan, target: Plan) -> None:
    for objective in source.objectives.all():
        Objective.objects.create(plan=target, position=objective.position, text=objective.text)
    for area in source.areas.all():
        new_area = TaskArea.objects.create(plan=target, position=area.position, name=area.name,
                                           description=area.description)  # fmt: skip
        for m in area.measures.all():
            Measure.objects.create(area=new_area, number=m.number, description=m.description, owner=m.owner,
                                   indicators=m.indicators)  # fmt: skip
    for actor in source.actors.all():
        PlanActor.objects.create(plan=target, name=actor.name, duties=actor.duties)
    for row in source.communication.all():
        CommunicationRow.objects.create(plan=target, audience=row.audience, goals=row.goals, channels=row.channels)


def update_main_goal(plan: Plan, main_goal: str, *, by: Any) -> Plan:
    _require_editable(plan)
    with transaction.atomic():
        plan.main_goal = main_goal
        plan.save(update_fields=["main_goal", "updated_at"])
        record_event(by, Event.PLAN_UPDATED, obj=plan, field="main_goal")
    return plan


# --- yearly plans ------------------------------------------------------------------------------------


def create_year_plan(*, county: Any, year: int, by: Any) -> YearPlan:
    if not 2000 <= year <= 2100:
        raise PlanError(_("Give a year between 2000 and 2100."))
    with transaction.atomic():
        year_plan, created = YearPlan.objects.get_or_create(county=county, year=year)
        if created:
            record_event(by, Event.YEAR_PLAN_UPDATED, obj=year_plan, year=year)
    return year_plan


def add_year_measure(year_plan: YearPlan, *, measure: str, responsible: str, goal: str = "",
                     planned_date: date | None = None, notes: str = "", by: Any) -> YearMeasure:  # fmt: skip
    with transaction.atomic():
        item = YearMeasure.objects.create(year_plan=year_plan, measure=measure, responsible=responsible, goal=goal,
                                          planned_date=planned_date, notes=notes)  # fmt: skip
        record_event(by, Event.YEAR_PLAN_UPDATED, obj=year_plan, county=year_plan.county_id, measure=item.pk)
    return item


def update_year_measure(item: YearMeasure, *, status: str, done_date: date | None = None, notes: str | None = None,
                        by: Any) -> YearMeasure:  # fmt: skip
    """Change a yearly measure's status; marked done it gets a done date (today if none)."""
    with transaction.atomic():
        previous = item.status
        if status != item.status:
            item.WORKFLOW.check(item.status, status)
        item.status = status
        done = status in done_statuses(YearMeasure)
        item.done_date = (done_date or item.done_date or timezone.localdate()) if done else done_date
        if notes is not None:
            item.notes = notes
        item.save(update_fields=["status", "done_date", "notes", "updated_at"])
        record_event(by, Event.YEAR_PLAN_UPDATED, obj=item.year_plan, county=item.year_plan.county_id,
                     measure=item.pk, from_status=previous, to_status=status)  # fmt: skip
    return item


# --- the annual monitoring report ------------------------------------------------------------------------


def _section(counts: dict[str, int], keys: list[str] | None = None) -> dict[str, Any]:
    """One tally through the disclosure door: what may leave, None where hidden."""
    values = {key: int(counts.get(key, 0)) for key in (keys if keys is not None else sorted(counts))}
    shown, total = tally(values) if values else ({}, None)
    return {"cells": {key: cell.value for key, cell in shown.items()},
            "total": total.value if total is not None else 0}  # fmt: skip


def year_figures(county: Any, year: int) -> dict[str, Any]:
    """The year's figures of a county, each section suppressed as one structure."""
    reports = access.year_reports(county, year)
    channels = dict(reports.values_list("channel").annotate(n=Count("pk")).order_by())
    phenomena = Counter({(code or UNCLASSIFIED): n for code, n in
                         reports.values_list("primary_phenomenon__code").annotate(n=Count("pk")).order_by()})  # fmt: skip
    areas = Counter({(code or UNCLASSIFIED): n for code, n in
                     reports.values_list("service_area__code").annotate(n=Count("pk")).order_by()})  # fmt: skip
    summaries = dict(access.year_published_summaries(county, year).values_list("audience")
                     .annotate(n=Count("pk")).order_by())  # fmt: skip
    outcomes = Counter({(outcome or NO_DECISION_YET): n for outcome, n in access.year_proposals(county, year)
                        .values_list("decision__outcome").annotate(n=Count("pk")).order_by()})  # fmt: skip
    actions = access.county_actions(county)
    year_end = date(year, 12, 31)
    done = actions.filter(status__in=done_statuses(Action), completed_at__year=year).count()
    overdue = actions.filter(Q(status__in=Action.open_statuses()), due_date__year=year, due_date__lte=min(
        year_end, timezone.localdate())).count()
    answers = dict(access.year_follow_up_answers(county, year).values_list("answer").annotate(n=Count("pk")).order_by())
    return {
        "channels": _section(channels, [str(c) for c in Report.Channel.values]),
        "phenomena": _section(dict(phenomena)),
        "service_areas": _section(dict(areas)),
        "summaries": _section(summaries, [str(a) for a in Summary.AUDIENCE_ORDER]),
        "proposals": _section(dict(outcomes), [*Decision.Outcome.values, NO_DECISION_YET]),
        "actions": _section({ACTIONS_DONE: done, ACTIONS_OVERDUE: overdue}, [ACTIONS_DONE, ACTIONS_OVERDUE]),
        "follow_ups": _section(answers, list(FollowUp.Answer.values)),
    }


def generate_monitoring_report(*, county: Any, year: int, language: str, by: Any) -> MonitoringReport:
    """Fill (or refill, while a draft) the year's monitoring report from Ilmiö's figures."""
    if language not in MonitoringReport.Language.values:
        raise PlanError(_("Choose Finnish or Swedish."))
    # Complete periods only, as everywhere numbers leave: a year's figures once it has ended.
    if year >= timezone.localdate().year:
        raise PlanError(_("A monitoring report is made once the year has ended."))
    with transaction.atomic():
        report = MonitoringReport.objects.filter(county=county, year=year).first()
        if report is not None and not report.is_editable:
            raise PlanError(_("The report is approved: its figures no longer change."))
        figures = year_figures(county, year)
        if report is None:
            report = MonitoringReport.objects.create(county=county, year=year, language=language, figures=figures,
                                                     generated_at=timezone.now())  # fmt: skip
        else:
            report.figures, report.language, report.generated_at = figures, language, timezone.now()
            report.save(update_fields=["figures", "language", "generated_at", "updated_at"])
        record_event(by, Event.MONITORING_GENERATED, obj=report, year=year, language=language)
    return report


def write_evaluation(report: MonitoringReport, evaluation: str, *, by: Any) -> MonitoringReport:
    if not report.is_editable:
        raise PlanError(_("The report is approved: its evaluation no longer changes."))
    with transaction.atomic():
        report.evaluation = evaluation
        report.save(update_fields=["evaluation", "updated_at"])
        record_event(by, Event.MONITORING_EVALUATED, obj=report)
    return report


def approve_monitoring_report(report: MonitoringReport, *, by: Any) -> MonitoringReport:
    with transaction.atomic():
        report.approved_by = by if getattr(by, "is_authenticated", False) else None
        report.approved_at = timezone.now()
        previous = report.set_status(report.WORKFLOW.named("on_approve"), also=["approved_by", "approved_at"])
        record_event(by, Event.MONITORING_APPROVED, obj=report, from_status=previous, to_status=report.status)
    return report


def publish_monitoring_report(report: MonitoringReport, *, by: Any) -> MonitoringReport:
    with transaction.atomic():
        report.published_at = timezone.now()
        previous = report.set_status(report.WORKFLOW.named("on_publish"), also=["published_at"])
        record_event(by, Event.MONITORING_PUBLISHED, obj=report, from_status=previous, to_status=report.status)
    return report
