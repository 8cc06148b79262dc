"""Other knowledge sources (seed 001, 5.2.1): a source document — an ombudsman's report, a
welfare report, a client-experience report, research, a self-monitoring report — and its
findings, each linked to phenomena, target groups and municipalities.

A document belongs to one county; only its staff see it until it is published, and only
published findings reach the phenomenon brief (``ilmio.sources.access``). Every free-text
field holds redacted text only. The uploaded file is a PDF or a Word (DOCX) document,
checked by its contents (``ilmio.sources.files``), stored under ``MEDIA_ROOT/sources/``
with a generated name (an uploaded file's name may itself identify someone).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County, Municipality
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.taxonomy.models import Phenomenon, TargetGroup

TITLE_LIMIT = 300
ORGANISATION_LIMIT = 200
SUMMARY_LIMIT = 5000
FINDING_LIMIT = 3000
LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")))


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        SOCIAL_OMBUDSMAN = "social_ombudsman", _("Social ombudsman's report")
        PATIENT_OMBUDSMAN = "patient_ombudsman", _("Patient ombudsman's report")
        WELFARE_REPORT = "welfare_report", _("Welfare report")
        CLIENT_EXPERIENCE = "client_experience", _("Client-experience report")
        RESEARCH = "research", _("Research")
        SELF_MONITORING = "self_monitoring", _("Self-monitoring report")
        OTHER = "other", _("Other source")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="source_documents")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = RedactedCharField(max_length=TITLE_LIMIT)
    author_organisation = RedactedCharField(max_length=ORGANISATION_LIMIT, blank=True)
    year = models.PositiveSmallIntegerField()
    # None chosen: the document concerns the whole county.
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="source_documents")
    file = models.FileField(upload_to="sources/", max_length=200)
    summary = RedactedTextField(blank=True)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    published = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-pk"]
        indexes = [models.Index(fields=["county", "published"], name="sourcedoc_county_published")]

    def __str__(self) -> str:
        return f"source document {self.pk}"

    @property
    def file_extension(self) -> str:
        name = self.file.name or ""
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class Finding(models.Model):
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="findings")
    text = RedactedTextField()
    phenomena = models.ManyToManyField(Phenomenon, blank=True, related_name="source_findings")
    target_groups = models.ManyToManyField(TargetGroup, blank=True, related_name="source_findings")
    # None chosen: the finding concerns the document's area.
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="source_findings")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "position", "pk"]

    def __str__(self) -> str:
        return f"finding {self.pk}"

    @property
    def language(self) -> str:
        """The language its text was written in (the redaction door reads it)."""
        return self.document.language


class FeedbackItem(models.Model):
    """One piece of client feedback, a reminder (muistutus) or a complaint (kantelu),
    imported in bulk from a county's sheet (ilmio.sources.feedback). Counted by phenomenon,
    unit and period through the disclosure door (ilmio.sources.feedback_counts); its text is
    redacted and read only by the county's staff."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Client feedback")
        REMINDER = "reminder", _("Reminder")
        COMPLAINT = "complaint", _("Complaint")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="feedback_items")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FEEDBACK)
    received_on = models.DateField()
    unit = RedactedCharField(max_length=ORGANISATION_LIMIT, blank=True)
    service_area = models.ForeignKey("taxonomy.ServiceArea", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")  # fmt: skip
    phenomenon = models.ForeignKey(Phenomenon, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = RedactedTextField(blank=True)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    # The row's source id or content hash: the same row imported again is not added twice.
    import_key = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["county", "import_key"], name="feedback_import_key_per_county")]
        indexes = [models.Index(fields=["county", "received_on"], name="feedback_county_received")]

    def __str__(self) -> str:
        return f"feedback item {self.pk}"
