"""Summaries with cited evidence, proposals → decisions → actions, and feedback."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.analysis.models import PhenomenonCase
from ilmio.areas.models import County, Municipality
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.core.workflow import HasStatus, Reviewed, Step, Workflow
from ilmio.reports.models import Report
from ilmio.sources.models import Finding
from ilmio.taxonomy.models import Phenomenon, ServiceArea


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


# Written, sent for approval, approved, published (and republished to a wider audience).
SUMMARY_WORKFLOW = Workflow("summary", {
    SummaryStatus.DRAFT: Step(SummaryStatus.DRAFT.label, next=(SummaryStatus.IN_REVIEW, SummaryStatus.APPROVED),
                              flags=frozenset({"editable", "submittable", "approvable"})),
    # Nothing changes while it waits for approval: the approver approves it or returns it.
    SummaryStatus.IN_REVIEW: Step(SummaryStatus.IN_REVIEW.label, next=(SummaryStatus.APPROVED, SummaryStatus.DRAFT),
                                  flags=frozenset({"approvable", "returnable"})),
    SummaryStatus.APPROVED: Step(SummaryStatus.APPROVED.label, next=(SummaryStatus.PUBLISHED,),
                                 flags=frozenset({"publishable"})),
    SummaryStatus.PUBLISHED: Step(SummaryStatus.PUBLISHED.label, next=(SummaryStatus.PUBLISHED,),
                                  flags=frozenset({"publishable", "published"})),
}, initial=SummaryStatus.DRAFT, roles={"on_submit": SummaryStatus.IN_REVIEW, "on_approve": SummaryStatus.APPROVED,
                                       "on_publish": SummaryStatus.PUBLISHED,
                                       "on_return": SummaryStatus.DRAFT})  # fmt: skip


class Summary(Reviewed, models.Model):
    """Yhteenveto for a period × phenomena × area; every statement cites its reports."""

    Status = SummaryStatus
    WORKFLOW = SUMMARY_WORKFLOW

    class Audience(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        DECISION_MAKERS = "decision_makers", _("Decision-makers")
        PUBLIC = "public", _("Public")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="summaries")
    title = RedactedCharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    phenomena = models.ManyToManyField(Phenomenon, blank=True)
    municipalities = models.ManyToManyField(Municipality, blank=True)
    introduction = RedactedTextField(blank=True)
    # The language the summary is written in (its generated text too); chosen when created.
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="fi")
    # The story of the period, generated in ``language`` and edited by the coordinator.
    narrative = RedactedTextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The widest audience it is published to: internal < decision-makers < public.
    audience = models.CharField(max_length=20, choices=Audience.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    cases = models.ManyToManyField(PhenomenonCase, blank=True, related_name="summaries")
    # Rendered in the background (ilmio.knowledge.tasks), never in a request.
    # One file per audience version (what each audience may see differs).
    pdf_internal = models.FileField(upload_to="summaries/", blank=True)
    pdf_decision_makers = models.FileField(upload_to="summaries/", blank=True)
    pdf_public = models.FileField(upload_to="summaries/", blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "summaries"

    def __str__(self) -> str:
        return self.title

    # Audiences from the narrowest to the widest: published to one, a summary is visible
    # to every narrower one too. The order is defined here only.
    AUDIENCE_ORDER = (Audience.INTERNAL, Audience.DECISION_MAKERS, Audience.PUBLIC)

    @classmethod
    def audiences_reaching(cls, audience: str) -> list[str]:
        """The audiences a summary must be published to for ``audience`` to see it."""
        order = [str(a) for a in cls.AUDIENCE_ORDER]
        return order[order.index(audience):] if audience in order else []

    def visible_to(self, audience: str) -> bool:
        if not self.is_published or not self.audience:
            return False
        return self.audience in self.audiences_reaching(audience)

    def versions(self) -> list[str]:
        """The audience versions this summary has now (the internal one always)."""
        return [str(a) for a in self.AUDIENCE_ORDER if a == self.Audience.INTERNAL or self.visible_to(a)]

    def pdf_field(self, audience: str) -> Any:
        return getattr(self, f"pdf_{audience}")

    @property
    def can_return(self) -> bool:
        """Waiting for approval: the approver may return it to its writer for changes."""
        return self.status_is("returnable")


class SummaryRevision(models.Model):
    """One recorded step in a summary's life: the content as it stood after the change,
    who made it and (when returned for changes) the reviewer's comment. Diffs between
    revisions are computed from ``content``; nothing here is free text but redacted fields."""

    class Change(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Sent for approval")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    change = models.CharField(max_length=20, choices=Change.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    # A reviewer's comment when returning (redacted like every free text).
    comment = RedactedTextField(blank=True)
    # The summary's content after the change: title, introduction, narrative, statements, quotes.
    content = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["summary", "number"]
        constraints = [models.UniqueConstraint(fields=["summary", "number"], name="summary_revision_once")]

    def __str__(self) -> str:
        return f"{self.summary_id} v{self.number} {self.change}"


class Statement(models.Model):
    """One statement of a summary. Counts are structured, never digits in free text: the
    generated kinds are worded when shown, in the reader's language, with the count each
    audience may see (:mod:`ilmio.knowledge.publishing`)."""

    class Kind(models.TextChoices):
        TOTAL = "total", _("Reports in the period")
        PHENOMENON = "phenomenon", _("Reports on a phenomenon")
        THEME = "theme", _("Recurring theme")
        # Notifications of shortcomings on the summary's phenomena in its period (evidence
        # beside the reports; always counted through the disclosure door).
        SHORTCOMINGS = "shortcomings", _("Notifications of shortcomings")
        # A finding of another knowledge source (an ombudsman's report, a welfare report…),
        # cited as it was published; shown only while its document stays published.
        FINDING = "finding", _("Finding of another source")
        # Client feedback, reminders and complaints on the summary's phenomena in its period
        # (imported from the county's registers; counted through the disclosure door).
        FEEDBACK = "feedback", _("Client feedback, reminders and complaints")
        TEXT = "text", _("Written statement")

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TEXT)
    # A written statement's text; empty for the generated kinds.
    text = RedactedTextField(blank=True)
    phenomenon = models.ForeignKey(Phenomenon, null=True, blank=True, on_delete=models.PROTECT)
    term = RedactedCharField(max_length=100, blank=True)
    citations = models.ManyToManyField(Report, blank=True, related_name="cited_in")
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_in")
    # The exact count of the cited reports; readers who may not read report text see
    # the count of published cells instead.
    count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60] or self.kind


class Quote(models.Model):
    """A representative (already redacted) passage of a report."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="quotes")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="quoted_in")
    text = RedactedTextField()
    approved_for_public = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.text[:60]


class Proposal(models.Model):
    """Toimenpide-ehdotus addressed to a named body."""

    class Body(models.TextChoices):
        SERVICE_AREA_MANAGEMENT = "service_area_management", _("Service-area management group")
        STEERING_GROUP = "steering_group", _("Steering group")
        REGIONAL_BOARD = "regional_board", _("Regional board")
        MUNICIPALITY = "municipality", _("Municipality")
        NGO = "ngo", _("NGO")
        OTHER = "other", _("Other body")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="proposals")
    summary = models.ForeignKey(Summary, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals")
    case = models.ForeignKey(PhenomenonCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals")
    title = RedactedCharField(max_length=200)
    text = RedactedTextField()
    addressed_to = models.CharField(max_length=30, choices=Body.choices)
    addressed_to_name = RedactedCharField(max_length=200, blank=True)
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True, on_delete=models.PROTECT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        REJECTED = "rejected", _("Rejected")
        NO_DECISION = "no_decision", _("No decision")

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    decided_on = models.DateField()
    body = RedactedCharField(max_length=200)
    rationale = RedactedTextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.proposal}: {self.outcome}"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


def _action_step(status: ActionStatus, progress: int, *flags: str) -> Step:
    # An action may move to any other status (plans change; a done action can reopen).
    return Step(status.label, next=tuple(s for s in ActionStatus if s != status), flags=frozenset(flags),
                data={"progress": progress})  # fmt: skip


# Decidim's accountability model: each status carries a default progress.
ACTION_WORKFLOW = Workflow("action", {
    ActionStatus.NOT_STARTED: _action_step(ActionStatus.NOT_STARTED, 0),
    ActionStatus.PLANNED: _action_step(ActionStatus.PLANNED, 10),
    ActionStatus.IN_PROGRESS: _action_step(ActionStatus.IN_PROGRESS, 50),
    ActionStatus.DONE: _action_step(ActionStatus.DONE, 100, "done"),
    # A cancelled sub-action does not pull its parent's progress down.
    ActionStatus.CANCELLED: _action_step(ActionStatus.CANCELLED, 0, "not_counted"),
}, initial=ActionStatus.NOT_STARTED, roles={"on_complete": ActionStatus.DONE})  # fmt: skip


class Action(HasStatus, models.Model):
    Status = ActionStatus
    WORKFLOW = ACTION_WORKFLOW

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="actions")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    reference = models.CharField(max_length=40, blank=True, help_text="Stable id for import and export")
    title = RedactedCharField(max_length=200)
    description = RedactedTextField(blank=True)
    owner = RedactedCharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    # Set by the owner or a manager (0–100), defaulting to the status's progress; a parent
    # with counted sub-actions gets the mean of theirs instead (services.roll_up).
    progress = models.PositiveSmallIntegerField(default=0)
    progress_note = RedactedCharField(max_length=500, blank=True)
    # The day the last due-date reminder was sent: at most one while due soon and one
    # once overdue per due date (services.send_action_reminders).
    reminded_on = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [models.UniqueConstraint(fields=["county", "reference"], condition=~models.Q(reference=""),
                                               name="action_reference_unique")]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.status_is("done")

    @classmethod
    def open_statuses(cls) -> list[str]:
        """Statuses of actions still to be done (neither done nor left out of the counts)."""
        return [s for s in cls.WORKFLOW.without_flag("done") if not cls.WORKFLOW.has(s, "not_counted")]

    @property
    def default_progress(self) -> int:
        return int(self.WORKFLOW.data(self.status, "progress", 0))

    @property
    def rolls_up(self) -> bool:
        """Whether its progress is the mean of its sub-actions (it has a counted one)."""
        return any(not self.WORKFLOW.has(child.status, "not_counted") for child in self.children.all())

    # "Due soon" means due within this many days (flags on the list and the reminder mail).
    DUE_SOON_DAYS = 7

    @property
    def is_open(self) -> bool:
        return self.status in self.open_statuses()

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today

    def is_due_soon(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.is_open and self.due_date is not None
                and today <= self.due_date <= today + timedelta(days=self.DUE_SOON_DAYS))  # fmt: skip

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def due_soon(self) -> bool:
        return self.is_due_soon()


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = RedactedCharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class Notification(models.Model):
    """What came of a report, told to the reporter who consented (in-app and e-mail)."""

    class Kind(models.TextChoices):
        IN_SUMMARY = "in_summary", _("Your report is part of a summary")
        DECISION = "decision", _("A decision was made")
        ACTION_DONE = "action_done", _("An action was completed")
        FOLLOW_UP = "follow_up", _("Did things change?")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject_id = models.PositiveIntegerField(help_text="The summary, decision or action it is about")
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["report", "kind", "subject_id"], name="notification_once")]

    def __str__(self) -> str:
        return f"{self.kind} for report {self.report_id}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class FollowUp(models.Model):
    """Four weeks after an action is done, the reporters are asked whether things changed."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes, things changed")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")
        DONT_KNOW = "dont_know", _("I don't know")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="follow_ups")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    # A link in an e-mail is answered once, within this time of being sent.
    VALID_FOR = timedelta(days=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "action"], name="follow_up_once")]

    def __str__(self) -> str:
        return f"follow-up of report {self.report_id} on action {self.action_id}"

    @property
    def expires_at(self) -> datetime:
        return (self.sent_at or self.due_at) + self.VALID_FOR

    def refusal(self, now: datetime) -> str:
        """Why the link can no longer be answered ("" while it can)."""
        if self.answered_at is not None:
            return str(_("This question has already been answered. Thank you!"))
        if now >= self.expires_at:
            return str(_("This link has expired. Thank you for your report all the same."))
        return ""


class NewsletterSubscription(models.Model):
    """A staff member's opt-in to the county's monthly digest; ``last_month`` ("2026-11")
    is the last month sent to them, so a month is never sent twice."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_subscription")
    subscribed_at = models.DateTimeField(auto_now_add=True)
    last_month = models.CharField(max_length=7, blank=True)

    def __str__(self) -> str:
        return f"newsletter of user {self.user_id}"
