"""The social report (sosiaalinen raportti): a phenomenon seen in client work.

Every free-text field holds redacted text only: the write functions in
``ilmio.reports.services`` redact before anything reaches the database.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.models import Organisation
from ilmio.areas.models import County, Municipality
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.core.workflow import HasStatus, Workflow
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

REPORT_WORKFLOW = Workflow.from_spec("report", settings.REPORT_PIPELINE, initial=settings.REPORT_INITIAL_STATUS,
                                     roles=settings.REPORT_STATUS_ROLES)  # fmt: skip


class Report(HasStatus, models.Model):
    WORKFLOW = REPORT_WORKFLOW

    class Kind(models.TextChoices):
        CONCERN = "concern", _("Concern")
        GOOD_PRACTICE = "good_practice", _("Good practice")

    class Prevalence(models.TextChoices):
        ONE_CLIENT = "one_client", _("One client")
        SEVERAL = "several", _("Several clients")
        WIDESPREAD = "widespread", _("Widespread")

    class ObservedSince(models.TextChoices):
        UNDER_MONTH = "under_month", _("Less than a month")
        MONTHS = "months", _("1–6 months")
        HALF_YEAR = "half_year", _("6–12 months")
        OVER_YEAR = "over_year", _("Over a year")
        UNKNOWN = "unknown", _("Don't know")

    class Trend(models.TextChoices):
        GROWING = "growing", _("Growing")
        STABLE = "stable", _("Stable")
        EASING = "easing", _("Easing")
        UNKNOWN = "unknown", _("Don't know")

    class ReporterType(models.TextChoices):
        PROFESSIONAL = "professional", _("Social-care professional")
        PARTNER = "partner", _("Partner organisation")
        CLIENT = "client", _("Client")
        RESIDENT = "resident", _("Resident")

    class Channel(models.TextChoices):
        FORM = "form", _("Form")
        PUBLIC_FORM = "public_form", _("Public form")
        API = "api", _("API")
        IMPORT = "import", _("Import")
        DEMO = "demo", _("Demo data")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="reports")
    title = RedactedCharField(max_length=200)
    description = RedactedTextField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CONCERN)
    phenomena = models.ManyToManyField(Phenomenon, blank=True, related_name="reports")
    # Exactly one phenomenon per report for comparable counts: the reporter's first choice
    # until a coordinator confirms it in triage.
    primary_phenomenon = models.ForeignKey(
        Phenomenon, null=True, blank=True, on_delete=models.PROTECT, related_name="primary_reports"
    )
    target_groups = models.ManyToManyField(TargetGroup, blank=True, related_name="reports")
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="reports")
    whole_county = models.BooleanField(default=False)
    # Where the report counts in statistics: its municipality when it names exactly one,
    # else none (it counts at county level). Kept by reports.actions.set_areas so that
    # aggregates are one GROUP BY over a million reports, not a join per report.
    statistics_municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    service_area = models.ForeignKey(ServiceArea, null=True, blank=True, on_delete=models.PROTECT)
    prevalence = models.CharField(max_length=20, choices=Prevalence.choices, default=Prevalence.SEVERAL)
    observed_since = models.CharField(max_length=20, choices=ObservedSince.choices, default=ObservedSince.UNKNOWN)
    trend = models.CharField(max_length=20, choices=Trend.choices, default=Trend.UNKNOWN)
    effects = RedactedTextField(blank=True)
    proposed_action = RedactedTextField(blank=True)
    reporter_type = models.CharField(max_length=20, choices=ReporterType.choices)
    partner_organisation_type = models.CharField(
        max_length=20, choices=Organisation.Kind.choices, blank=True
    )
    language = models.CharField(max_length=2, default="fi")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)
    # The pipeline is declared in settings.REPORT_PIPELINE (WORKFLOW below); changes go
    # through ilmio.analysis.services.change_status, which records each one.
    status = models.CharField(max_length=20, default=settings.REPORT_INITIAL_STATUS, db_index=True,
                              choices=REPORT_WORKFLOW.choices())  # fmt: skip
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates")
    # Set when a coordinator confirms the classification: such reports are training data.
    classification_confirmed_at = models.DateTimeField(null=True, blank=True)
    classification_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the report counts in the published statistics: always, except a public-form
    # report before a coordinator has triaged it (kept by save(), read by the counts).
    in_statistics = models.BooleanField(default=True, db_default=True)
    # How many details of each type the redaction removed: the count, never the text.
    redaction_counts = models.JSONField(default=dict, blank=True)
    # How many words the redaction removed that the reporter put back in the preview (names
    # or addresses only: ilmio.reports.services.restore_word). A count, never the words.
    restored_words = models.PositiveSmallIntegerField(default=0)
    # A client-chosen key makes a retried submission return the first report, not a copy.
    # Keys belong to their sender: unique per scope ("user:<id>", or "<channel>:<county>"
    # for anonymous submissions), with a fingerprint of the stored content so that the
    # same key with another body is refused instead of answered with the first report.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001 - NULL: no key
    idempotency_scope = models.CharField(max_length=40, blank=True)
    idempotency_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["county", "created_at"])]
        constraints = [models.UniqueConstraint(
            fields=["idempotency_scope", "idempotency_key"], condition=models.Q(idempotency_key__isnull=False),
            name="report_idempotency_key_per_sender",
        )]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        counted, self.in_statistics = self.in_statistics, self.counts_in_statistics()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields and counted != self.in_statistics:
            kwargs["update_fields"] = {*update_fields, "in_statistics"}
        super().save(*args, **kwargs)

    def counts_in_statistics(self) -> bool:
        if self.status_is("retracted"):
            return False
        if self.channel != self.Channel.PUBLIC_FORM:
            return True
        return self.status_is("triaged")

    @property
    def redaction_total(self) -> int:
        return sum(int(v) for v in self.redaction_counts.values())


class ReportNote(models.Model):
    """Something the reporter added to their own report afterwards (redacted like the report)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    text = RedactedTextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note on report {self.report_id}"


class FeedbackContact(models.Model):
    """Consent to hear what came of a report. Kept apart from the report; erasable."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="feedback_contact")
    email = models.EmailField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"feedback contact of report {self.report_id}"


class ImportMapping(models.Model):
    """A county's saved column mapping for history imports: target field → column header."""

    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="import_mappings")
    # What the mapping imports: "reports", or another importer's kind (ilmio.reports.import_runs).
    kind = models.CharField(max_length=20, default="reports")
    name = RedactedCharField(max_length=100)
    columns = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["county", "kind", "name"], name="import_mapping_name_per_kind")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from ilmio.reports.import_runs import importer_for

        importer = importer_for(self.kind)
        if not isinstance(self.columns, dict):
            raise ValidationError({"columns": _("The mapping must name a column per field.")})
        for target, header in self.columns.items():
            if target not in importer.targets or not isinstance(header, str) or not 0 < len(header) <= 200:
                raise ValidationError({"columns": _("The mapping names an unknown field or column.")})
        if importer.required not in self.columns:
            raise ValidationError({"columns": str(importer.required_message)})


class ImportRun(models.Model):
    """One import of a county's history of reports: its progress and result. Holds counts and
    problem messages only: never the rows' content (the uploaded file is a private temp file,
    deleted when the run ends)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # Which status may follow which: a failed run may be queued again (resumed).
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.QUEUED: frozenset({Status.RUNNING, Status.FAILED}),
        Status.RUNNING: frozenset({Status.DONE, Status.FAILED}),
        Status.DONE: frozenset(),
        Status.FAILED: frozenset({Status.QUEUED}),
    }
    MAX_PROBLEMS = 1000  # stored messages; problem_count has them all

    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="import_runs")
    kind = models.CharField(max_length=20, default="reports")  # which importer runs it
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = RedactedCharField(max_length=200, blank=True)
    # The mapping the run used (target field → header), kept so that a failed run can resume.
    columns = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)  # [{"row": n, "message": "..."}], redacted
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"import run {self.pk} of county {self.county_id}"

    def move_to(self, status: str) -> None:
        if status not in self.TRANSITIONS[self.status]:
            raise ValueError(f"an import run cannot go from {self.status} to {status}")
        self.status = status

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0
