"""Plan pages: thin views over the access layer and the write functions."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ilmio.core.access import home_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.plans import access, documents, services
from ilmio.plans.forms import (
    ActorForm,
    ApprovalForm,
    AreaForm,
    CommunicationForm,
    EvaluationForm,
    GenerateForm,
    MainGoalForm,
    MeasureForm,
    ObjectiveForm,
    PlanForm,
    YearForm,
    YearMeasureForm,
    YearMeasureUpdateForm,
)
from ilmio.plans.models import MonitoringReport, Plan, YearPlan

EDIT = (Capability.TRIAGE,)  # the coordinator keeps the plan
APPROVE = (Capability.APPROVE_SUMMARY,)  # the manager (for the steering group) approves
FORMATS = {"pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}  # fmt: skip


def _or_404(obj: Any) -> Any:
    if obj is None:
        raise Http404
    return obj


# --- the list ----------------------------------------------------------------------------


def _create_plan(request: HttpRequest, target: None, form: PlanForm) -> HttpResponse:
    plan = services.create_plan(county=home_county(request.user), by=request.user, **form.cleaned_data)
    return redirect("plans:plan", pk=plan.pk)


def _create_year(request: HttpRequest, target: None, form: YearForm) -> HttpResponse:
    year_plan = services.create_year_plan(county=home_county(request.user), year=form.cleaned_data["year"], by=request.user)
    return redirect("plans:year", pk=year_plan.pk)


LIST_ACTIONS = {
    "plan": FormAction(_create_plan, PlanForm, capabilities=EDIT),
    "year": FormAction(_create_year, YearForm, capabilities=EDIT),
}


@requires(access.READ)
def plan_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        done = dispatch(request, None, LIST_ACTIONS, success=lambda: redirect("plans:plans"))
        return done.response or redirect("plans:plans")
    return render(request, "plans/plans.html", {
        "plans": access.plans_for(request.user), "year_plans": access.year_plans_for(request.user),
        "reports": access.monitoring_reports_for(request.user), "may_edit": has_capability(request.user, Capability.TRIAGE),
        "plan_form": PlanForm(), "year_form": YearForm()})  # fmt: skip


# --- one plan version ---------------------------------------------------------------------


def _main_goal(request: HttpRequest, plan: Plan, form: MainGoalForm) -> str:
    services.update_main_goal(plan, form.cleaned_data["main_goal"], by=request.user)
    return _("Main goal saved.")


def _objective(request: HttpRequest, plan: Plan, form: ObjectiveForm) -> str:
    services.add_objective(plan, form.cleaned_data["text"], by=request.user)
    return _("Objective added.")


def _area(request: HttpRequest, plan: Plan, form: AreaForm) -> str:
    services.add_area(plan, by=request.user, **form.cleaned_data)
    return _("Task area added.")


def _measure(request: HttpRequest, plan: Plan, form: MeasureForm) -> str:
    data = dict(form.cleaned_data)
    area = access.area_of(plan, data.pop("area"))
    if area is None:
        raise ValueError(_("The task area was not found."))
    services.add_measure(area, by=request.user, **data)
    return _("Development measure added.")


def _actor(request: HttpRequest, plan: Plan, form: ActorForm) -> str:
    services.add_actor(plan, by=request.user, **form.cleaned_data)
    return _("Actor added.")


def _communication(request: HttpRequest, plan: Plan, form: CommunicationForm) -> str:
    services.add_communication(plan, by=request.user, **form.cleaned_data)
    return _("Communication plan row added.")


def _approve_plan(request: HttpRequest, plan: Plan, form: ApprovalForm) -> str:
    services.approve_plan(plan, by=request.user, **form.cleaned_data)
    return _("Approval recorded.")


def _publish_plan(request: HttpRequest, plan: Plan, form: None) -> str:
    services.publish_plan(plan, by=request.user)
    return _("Plan published.")


def _new_version(request: HttpRequest, plan: Plan, form: None) -> HttpResponse:
    copy = services.new_version(plan, by=request.user)
    return redirect("plans:plan", pk=copy.pk)


def _next_term(request: HttpRequest, plan: Plan, form: None) -> HttpResponse:
    copy = services.next_term_plan(plan, by=request.user)
    return redirect("plans:plan", pk=copy.pk)


PLAN_ACTIONS = {
    "main_goal": FormAction(_main_goal, MainGoalForm, capabilities=EDIT),
    "objective": FormAction(_objective, ObjectiveForm, capabilities=EDIT),
    "area": FormAction(_area, AreaForm, capabilities=EDIT),
    "measure": FormAction(_measure, MeasureForm, capabilities=EDIT),
    "actor": FormAction(_actor, ActorForm, capabilities=EDIT),
    "communication": FormAction(_communication, CommunicationForm, capabilities=EDIT),
    "approve": FormAction(_approve_plan, ApprovalForm, capabilities=APPROVE),
    "publish": FormAction(_publish_plan, capabilities=APPROVE),
    "new_version": FormAction(_new_version, capabilities=EDIT),
    "next_term": FormAction(_next_term, capabilities=EDIT),
}


@requires(access.READ)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _or_404(access.plan_for(request.user, pk))
    if request.method == "POST":
        done = dispatch(request, plan, PLAN_ACTIONS, success=lambda: redirect("plans:plan", pk=plan.pk))
        return done.response or redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan.html", {
        "plan": plan, "areas": plan.areas.prefetch_related("measures"),
        "may_edit": has_capability(request.user, Capability.TRIAGE) and plan.is_editable,
        "may_update": has_capability(request.user, Capability.TRIAGE) and plan.is_frozen and not hasattr(plan, "next"),
        "may_approve": has_capability(request.user, Capability.APPROVE_SUMMARY),
        # Each form's ids carry its name: several forms on the page share field names.
        "forms": {"main_goal": MainGoalForm(initial={"main_goal": plan.main_goal}, auto_id="goal_%s"),
                  "objective": ObjectiveForm(auto_id="objective_%s"), "area": AreaForm(auto_id="area_%s"),
                  "measure": MeasureForm(auto_id="measure_%s"), "actor": ActorForm(auto_id="actor_%s"),
                  "communication": CommunicationForm(auto_id="communication_%s"),
                  "approval": ApprovalForm(auto_id="approval_%s")}})  # fmt: skip


@requires(access.READ)
def plan_diff(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _or_404(access.plan_for(request.user, pk))
    return render(request, "plans/diff.html", {"plan": plan, "lines": documents.plan_diff(plan)})


@requires(access.READ)
def term_trends(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _or_404(access.plan_for(request.user, pk))
    reports = list(access.term_reports(plan))
    return render(request, "plans/term.html", {"plan": plan, "reports": reports,
                                               "trends": documents.term_trends(reports)})  # fmt: skip


# --- a yearly plan ------------------------------------------------------------------------


def _year_measure(request: HttpRequest, year_plan: YearPlan, form: YearMeasureForm) -> str:
    services.add_year_measure(year_plan, by=request.user, **form.cleaned_data)
    return _("Measure added.")


def _update_year_measure(request: HttpRequest, year_plan: YearPlan, form: YearMeasureUpdateForm) -> str:
    data = dict(form.cleaned_data)
    item = access.year_measure_of(year_plan, data.pop("pk"))
    if item is None:
        raise ValueError(_("The measure was not found."))
    services.update_year_measure(item, by=request.user, **data)
    return _("Measure updated.")


def _generate(request: HttpRequest, year_plan: YearPlan, form: GenerateForm) -> HttpResponse:
    report = services.generate_monitoring_report(county=year_plan.county, year=year_plan.year,
                                                 language=form.cleaned_data["language"], by=request.user)  # fmt: skip
    return redirect("plans:report", pk=report.pk)


YEAR_ACTIONS = {
    "add": FormAction(_year_measure, YearMeasureForm, capabilities=EDIT),
    "update": FormAction(_update_year_measure, YearMeasureUpdateForm, capabilities=EDIT),
    "generate": FormAction(_generate, GenerateForm, capabilities=EDIT),
}


@requires(access.READ)
def year_detail(request: HttpRequest, pk: int) -> HttpResponse:
    year_plan = _or_404(access.year_plan_for(request.user, pk))
    if request.method == "POST":
        done = dispatch(request, year_plan, YEAR_ACTIONS, success=lambda: redirect("plans:year", pk=year_plan.pk))
        return done.response or redirect("plans:year", pk=year_plan.pk)
    return render(request, "plans/year.html", {
        "year_plan": year_plan, "measures": year_plan.measures.all(),
        "may_edit": has_capability(request.user, Capability.TRIAGE), "add_form": YearMeasureForm(),
        "statuses": YearMeasureUpdateForm.base_fields["status"].choices,  # type: ignore[attr-defined]
        "generate_form": GenerateForm()})  # fmt: skip


# --- the monitoring report ----------------------------------------------------------------


def _evaluate(request: HttpRequest, report: MonitoringReport, form: EvaluationForm) -> str:
    services.write_evaluation(report, form.cleaned_data["evaluation"], by=request.user)
    return _("Evaluation saved.")


def _approve_report(request: HttpRequest, report: MonitoringReport, form: None) -> str:
    services.approve_monitoring_report(report, by=request.user)
    return _("Monitoring report approved.")


def _publish_report(request: HttpRequest, report: MonitoringReport, form: None) -> str:
    services.publish_monitoring_report(report, by=request.user)
    return _("Monitoring report published on the county's public pages.")


REPORT_ACTIONS = {
    "evaluate": FormAction(_evaluate, EvaluationForm, capabilities=EDIT),
    "approve": FormAction(_approve_report, capabilities=APPROVE),
    "publish": FormAction(_publish_report, capabilities=APPROVE),
}


@requires(access.READ)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _or_404(access.monitoring_report_for(request.user, pk))
    if request.method == "POST":
        done = dispatch(request, report, REPORT_ACTIONS, success=lambda: redirect("plans:report", pk=report.pk))
        return done.response or redirect("plans:report", pk=report.pk)
    return render(request, "plans/report.html", {
        **documents.report_context(report, report.language),
        "may_edit": has_capability(request.user, Capability.TRIAGE),
        "may_approve": has_capability(request.user, Capability.APPROVE_SUMMARY),
        "evaluation_form": EvaluationForm(initial={"evaluation": report.evaluation})})  # fmt: skip


def report_file(request: HttpRequest, report: MonitoringReport, fmt: str) -> HttpResponse:
    language = request.GET.get("lang", report.language)
    if fmt not in FORMATS or language not in MonitoringReport.Language.values:
        raise Http404
    content = documents.report_pdf(report, language) if fmt == "pdf" else documents.report_docx(report, language)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="ilmio-monitoring-{report.year}-{language}.{fmt}"'
    record_event(request.user, Event.MONITORING_EXPORTED, obj=report, format=fmt, language=language)
    return response


@requires(access.READ)
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return report_file(request, _or_404(access.monitoring_report_for(request.user, pk)), fmt)


# --- public pages ---------------------------------------------------------------------------


@requires(PUBLIC)
def public_reports(request: HttpRequest, county_code: str) -> HttpResponse:
    county = _or_404(access.public_county(county_code))
    return render(request, "plans/public_reports.html", {"county": county,
                                                         "reports": access.public_monitoring_reports(county)})  # fmt: skip


@requires(PUBLIC)
def public_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _or_404(access.public_monitoring_report(pk))
    return render(request, "plans/public_report.html", documents.report_context(report, report.language))


@requires(PUBLIC)
def public_report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return report_file(request, _or_404(access.public_monitoring_report(pk)), fmt)
