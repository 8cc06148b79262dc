"""The implementation plan (toteutussuunnitelma) of a county's structural social work,
its yearly plans and the annual monitoring reports filled from Ilmiö's own figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.core.workflow import HasStatus, Reviewed, Step, Workflow


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


# A draft is edited; an approved plan is frozen (an update makes the next version).
PLAN_WORKFLOW = Workflow("plan", {
    PlanStatus.DRAFT: Step(PlanStatus.DRAFT.label, next=(PlanStatus.APPROVED,), flags=frozenset({"editable"})),
    PlanStatus.APPROVED: Step(PlanStatus.APPROVED.label, next=(PlanStatus.PUBLISHED,),
                              flags=frozenset({"frozen", "publishable"})),
    PlanStatus.PUBLISHED: Step(PlanStatus.PUBLISHED.label, flags=frozenset({"frozen", "published"})),
}, initial=PlanStatus.DRAFT, roles={"on_approve": PlanStatus.APPROVED, "on_publish": PlanStatus.PUBLISHED})  # fmt: skip


class Plan(HasStatus, models.Model):
    """One version of a county's plan for a council term."""

    Status = PlanStatus
    WORKFLOW = PLAN_WORKFLOW

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="plans")
    term_start = models.PositiveSmallIntegerField()
    term_end = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField(default=1)
    previous = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next")
    title = RedactedCharField(max_length=200)
    main_goal = RedactedTextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-term_start", "-version"]
        constraints = [models.UniqueConstraint(fields=["county", "term_start", "version"], name="plan_version_once")]

    def __str__(self) -> str:
        return f"{self.title} ({self.term_start}–{self.term_end}) v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status_is("editable")

    @property
    def is_frozen(self) -> bool:
        return self.status_is("frozen")

    @property
    def can_publish(self) -> bool:
        return self.status_is("publishable")


class Approval(models.Model):
    """Approval by a named body (e.g. the regional board) on a date."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="approvals")
    body = RedactedCharField(max_length=200)
    approved_on = models.DateField()

    class Meta:
        ordering = ["approved_on", "pk"]

    def __str__(self) -> str:
        return f"{self.body} {self.approved_on}"


class Objective(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveSmallIntegerField(default=0)
    text = RedactedTextField()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class TaskArea(models.Model):
    """A task area (tehtäväalue): knowledge work, participation work, justice work …"""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas")
    position = models.PositiveSmallIntegerField(default=0)
    name = RedactedCharField(max_length=200)
    description = RedactedTextField(blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Measure(models.Model):
    """A development measure (kehittämistoimenpide), numbered within its task area."""

    area = models.ForeignKey(TaskArea, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveSmallIntegerField()
    description = RedactedTextField()
    owner = RedactedCharField(max_length=200, blank=True)
    indicators = RedactedTextField(blank=True)

    class Meta:
        ordering = ["number", "pk"]
        constraints = [models.UniqueConstraint(fields=["area", "number"], name="measure_number_once")]

    def __str__(self) -> str:
        return f"{self.area} {self.number}"


class PlanActor(models.Model):
    """An actor and its duties (the plan's table of actors)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actors")
    name = RedactedCharField(max_length=200)
    duties = RedactedTextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class CommunicationRow(models.Model):
    """One row of the communication plan: audience × goals × channels."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="communication")
    audience = RedactedCharField(max_length=200)
    goals = RedactedTextField(blank=True)
    channels = RedactedTextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.audience


class YearPlan(models.Model):
    """The yearly plan (vuosisuunnitelma) of a county: goals and measures of one year."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="year_plans")
    year = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["county", "year"], name="year_plan_once")]

    def __str__(self) -> str:
        return str(self.year)


class YearMeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")


def _year_step(status: YearMeasureStatus, *flags: str) -> Step:
    # Plans change during the year: any status may follow any other.
    return Step(status.label, next=tuple(s for s in YearMeasureStatus if s != status), flags=frozenset(flags))


YEAR_MEASURE_WORKFLOW = Workflow("year_measure", {
    YearMeasureStatus.PLANNED: _year_step(YearMeasureStatus.PLANNED),
    YearMeasureStatus.IN_PROGRESS: _year_step(YearMeasureStatus.IN_PROGRESS),
    YearMeasureStatus.DONE: _year_step(YearMeasureStatus.DONE, "done"),
    YearMeasureStatus.POSTPONED: _year_step(YearMeasureStatus.POSTPONED),
}, initial=YearMeasureStatus.PLANNED, roles={"on_complete": YearMeasureStatus.DONE})  # fmt: skip


class YearMeasure(HasStatus, models.Model):
    Status = YearMeasureStatus
    WORKFLOW = YEAR_MEASURE_WORKFLOW

    year_plan = models.ForeignKey(YearPlan, on_delete=models.CASCADE, related_name="measures")
    goal = RedactedTextField(blank=True)
    measure = RedactedTextField()
    responsible = RedactedCharField(max_length=200)
    planned_date = models.DateField(null=True, blank=True)
    done_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    notes = RedactedTextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["planned_date", "pk"]

    def __str__(self) -> str:
        return self.measure[:60]

    @property
    def is_done(self) -> bool:
        return self.status_is("done")


class MonitoringStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


# Generated (and regenerated) as a draft, evaluated by the coordinator, approved by the
# manager or steering group, then published on the county's public pages.
MONITORING_WORKFLOW = Workflow("monitoring", {
    MonitoringStatus.DRAFT: Step(MonitoringStatus.DRAFT.label, next=(MonitoringStatus.APPROVED,),
                                 flags=frozenset({"editable", "approvable"})),
    MonitoringStatus.APPROVED: Step(MonitoringStatus.APPROVED.label, next=(MonitoringStatus.PUBLISHED,),
                                    flags=frozenset({"publishable"})),
    MonitoringStatus.PUBLISHED: Step(MonitoringStatus.PUBLISHED.label, flags=frozenset({"published"})),
}, initial=MonitoringStatus.DRAFT, roles={"on_approve": MonitoringStatus.APPROVED,
                                          "on_publish": MonitoringStatus.PUBLISHED})  # fmt: skip

# The keys of the action tally in a report's figures.
ACTIONS_DONE = "done"
ACTIONS_OVERDUE = "overdue"
# A proposal without a decision yet, among the outcomes.
NO_DECISION_YET = "pending"
UNCLASSIFIED = "unclassified"


class MonitoringReport(Reviewed, models.Model):
    """Vuosiseurantaraportti: the year's figures (as the disclosure door shows them, fixed
    at generation), the status of each yearly measure and the coordinator's evaluation."""

    Status = MonitoringStatus
    WORKFLOW = MONITORING_WORKFLOW

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="monitoring_reports")
    year = models.PositiveSmallIntegerField()
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.FI)
    # {section: {"cells": {code: int | None}, "total": int | None}}; None = hidden.
    figures = models.JSONField(default=dict)
    evaluation = RedactedTextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    generated_at = models.DateTimeField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["county", "year"], name="monitoring_report_once")]

    def __str__(self) -> str:
        return f"{self.county} {self.year}"



# Workflow flags read outside this module (their names are also status codes elsewhere).
DONE = "done"
PUBLISHED = "published"


def published_statuses(model: type[HasStatus]) -> list[str]:
    return model.WORKFLOW.with_flag(PUBLISHED)


def done_statuses(model: type[HasStatus]) -> list[str]:
    return model.WORKFLOW.with_flag(DONE)
