"""Analysis: status history, phenomenon cases, the codebook and coded passages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon


class StatusChange(models.Model):
    """Every status change of a report: who, when, from what to what, and why."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = RedactedCharField(max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} → {self.to_status}"

    @property
    def from_label(self) -> str:
        return Report.WORKFLOW.label(self.from_status)

    @property
    def to_label(self) -> str:
        return Report.WORKFLOW.label(self.to_status)


class PhenomenonCase(models.Model):
    """Ilmiökortti: related reports grouped into one phenomenon, with analysis notes."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="cases")
    title = RedactedCharField(max_length=200)
    phenomenon = models.ForeignKey(Phenomenon, null=True, blank=True, on_delete=models.PROTECT)
    description = RedactedTextField(blank=True)
    analysis_notes = RedactedTextField(blank=True)
    reports = models.ManyToManyField(Report, blank=True, related_name="cases")
    # Links to other knowledge (statistics, ombudsman reports, welfare reports …).
    links = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title


class Code(models.Model):
    """A code of the county's qualitative codebook; codes nest."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="codes")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    name = RedactedCharField(max_length=100)
    description = RedactedTextField(blank=True)
    colour = models.CharField(max_length=7, default="#0b5394")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["county", "parent", "name"], name="code_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def path(self) -> str:
        return f"{self.parent.path} / {self.name}" if self.parent else self.name


class CodedPassage(models.Model):
    """A highlighted passage of one of a report's texts with a code attached."""

    class Field(models.TextChoices):
        DESCRIPTION = "description", _("What has been noticed")
        EFFECTS = "effects", _("Effects on clients")
        PROPOSED_ACTION = "proposed_action", _("What should be done?")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="coded_passages")
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="passages")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    snippet = RedactedTextField()
    # Which text the offsets point into (REFI-QDA projects carry the description only).
    field = models.CharField(max_length=20, choices=Field.choices, default=Field.DESCRIPTION)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report_id", "start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="passage_not_empty")]

    def __str__(self) -> str:
        return f"{self.code}: {self.snippet[:40]}"


class SignalReview(models.Model):
    """A coordinator's decision on an emerging-signal alert."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    county = models.ForeignKey(County, on_delete=models.PROTECT)
    phenomenon = models.ForeignKey(Phenomenon, on_delete=models.PROTECT)
    municipality_code = models.CharField(max_length=3)
    last_month = models.CharField(max_length=7)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    note = RedactedCharField(max_length=500, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    reviewed_at = models.DateTimeField(auto_now_add=True)
    # The case a confirmed signal became (services.create_case_from_signal).
    case = models.ForeignKey(PhenomenonCase, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="signal_reviews")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["phenomenon", "municipality_code", "last_month"],
                                               name="signal_review_unique")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.phenomenon_id} {self.municipality_code} {self.last_month}: {self.decision}"


class SavedQueueFilter(models.Model):
    """A coordinator's named view of the triage queue: the query string of its filters and sort."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_queue_filters")
    # Typed by the coordinator: redacted like every free text.
    name = RedactedCharField(max_length=80)
    # Only the queue's validated filter parameters, never its free-text search (a search
    # word can identify a person); re-validated by the filter form when applied.
    query = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="saved_queue_filter_name_once")]

    def __str__(self) -> str:
        return self.name
