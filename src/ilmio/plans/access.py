"""Which plans, yearly plans and monitoring reports a user may see, and the rows a
monitoring report counts — all scoped through :mod:`ilmio.core.access`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ilmio.areas.models import County
from ilmio.core.access import in_county, is_id, of_county
from ilmio.core.permissions import Capability, has_capability
from ilmio.knowledge.models import Action, FollowUp, Proposal, Summary
from ilmio.plans.models import MonitoringReport, Plan, YearMeasure, YearPlan, published_statuses
from ilmio.reports.models import Report

# Staff and decision-makers of the county read its plan and its monitoring.
READ = Capability.READ_FORWARDED


def plans_for(user: Any) -> QuerySet[Plan]:
    if not has_capability(user, READ):
        return Plan.objects.none()
    return in_county(Plan.objects.all(), user)


def plan_for(user: Any, pk: Any) -> Plan | None:
    return plans_for(user).filter(pk=pk).first() if is_id(pk) else None


def year_plans_for(user: Any) -> QuerySet[YearPlan]:
    if not has_capability(user, READ):
        return YearPlan.objects.none()
    return in_county(YearPlan.objects.all(), user)


def year_plan_for(user: Any, pk: Any) -> YearPlan | None:
    return year_plans_for(user).filter(pk=pk).first() if is_id(pk) else None


def year_measure_of(year_plan: YearPlan, pk: Any) -> YearMeasure | None:
    return year_plan.measures.filter(pk=pk).first() if is_id(pk) else None


def monitoring_reports_for(user: Any) -> QuerySet[MonitoringReport]:
    if not has_capability(user, READ):
        return MonitoringReport.objects.none()
    return in_county(MonitoringReport.objects.all(), user)


def monitoring_report_for(user: Any, pk: Any) -> MonitoringReport | None:
    return monitoring_reports_for(user).filter(pk=pk).first() if is_id(pk) else None


# --- public pages ----------------------------------------------------------------------------


def public_county(code: str) -> County | None:
    return County.objects.filter(code=code).first() if code.isascii() and code.isdigit() else None


def public_monitoring_reports(county: Any) -> QuerySet[MonitoringReport]:
    published = MonitoringReport.objects.filter(status__in=published_statuses(MonitoringReport))
    return of_county(published, county)


def public_monitoring_report(pk: Any) -> MonitoringReport | None:
    if not is_id(pk):
        return None
    return MonitoringReport.objects.filter(pk=pk, status__in=published_statuses(MonitoringReport)).first()


# --- what a monitoring report counts (raw rows: counted through the disclosure door) ------


def year_reports(county: Any, year: int) -> QuerySet[Report]:
    """Reports received in the year that count in statistics (as in every published table)."""
    return of_county(Report.objects.filter(created_at__year=year, in_statistics=True), county)


def year_published_summaries(county: Any, year: int) -> QuerySet[Summary]:
    published = Summary.objects.filter(status__in=published_statuses(Summary), published_at__year=year)
    return of_county(published, county)


def year_proposals(county: Any, year: int) -> QuerySet[Proposal]:
    return of_county(Proposal.objects.filter(created_at__year=year), county)


def county_actions(county: Any) -> QuerySet[Action]:
    return of_county(Action.objects.all(), county)


def year_follow_up_answers(county: Any, year: int) -> QuerySet[FollowUp]:
    return of_county(FollowUp.objects.filter(answered_at__year=year).exclude(answer=""), county, field="action__county")


def area_of(plan: Plan, pk: Any) -> Any:
    return plan.areas.filter(pk=pk).first() if is_id(pk) else None


def term_reports(plan: Plan) -> QuerySet[MonitoringReport]:
    """The monitoring reports of the years of a plan's term, oldest first."""
    reports = MonitoringReport.objects.filter(year__gte=plan.term_start, year__lte=plan.term_end)
    return of_county(reports, plan.county).order_by("year")
