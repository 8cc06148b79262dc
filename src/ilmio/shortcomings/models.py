"""A notification of a shortcoming (epäkohtailmoitus) and what the unit did about it.

Staff notify the person responsible for the unit of a shortcoming, or an obvious threat of
one, in a client's social care (valvontalaki 741/2023). The receiver acknowledges it,
corrects it with corrective actions, or finds it unfounded; what is not corrected in time
is notified to the supervisory authority — by the receiver, by the notifier, or by the
deadline passing. The notifier's identity is protected: only the receiver and the
notifier themselves ever see it (``ilmio.shortcomings.access``).

Every free-text field holds redacted text only (``RedactedTextField``).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.models import Organisation
from ilmio.areas.models import County
from ilmio.core.fields import RedactedTextField
from ilmio.core.workflow import HasStatus, Step, Workflow
from ilmio.taxonomy.models import Phenomenon

# A running deadline this close is flagged on the workbench.
DUE_SOON_DAYS = 3


class ShortcomingStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CORRECTING = "correcting", _("Being corrected")
    CORRECTED = "corrected", _("Corrected")
    ESCALATED = "escalated", _("Notified to the supervisory authority")
    UNFOUNDED = "unfounded", _("Unfounded")


S = ShortcomingStatus


def _step(status: ShortcomingStatus, next: tuple[str, ...], *flags: str) -> Step:
    return Step(status.label, next=next, flags=frozenset(flags))


# received → acknowledged → correcting → corrected | escalated | unfounded. What is open may
# be escalated at any time; an unfounded one too (the notifier may disagree). "open": the
# deadlines run; "escalatable": may go to the authority; "actionable": corrective actions
# may be added.
SHORTCOMING_WORKFLOW = Workflow("shortcoming", {
    S.RECEIVED: _step(S.RECEIVED, (S.ACKNOWLEDGED, S.ESCALATED), "open", "escalatable", "unacknowledged"),
    S.ACKNOWLEDGED: _step(S.ACKNOWLEDGED, (S.CORRECTING, S.UNFOUNDED, S.ESCALATED), "open", "escalatable", "actionable"),
    S.CORRECTING: _step(S.CORRECTING, (S.CORRECTED, S.UNFOUNDED, S.ESCALATED), "open", "escalatable", "actionable"),
    S.CORRECTED: _step(S.CORRECTED, (), "closed"),
    S.ESCALATED: _step(S.ESCALATED, (), "closed", "escalated"),
    S.UNFOUNDED: _step(S.UNFOUNDED, (S.ESCALATED,), "closed", "escalatable"),
}, initial=S.RECEIVED, roles={
    "on_acknowledge": S.ACKNOWLEDGED, "on_start_correcting": S.CORRECTING, "on_corrected": S.CORRECTED,
    "on_escalate": S.ESCALATED, "on_unfounded": S.UNFOUNDED,
})  # fmt: skip


class Shortcoming(HasStatus, models.Model):
    Status = ShortcomingStatus
    WORKFLOW = SHORTCOMING_WORKFLOW

    class ServiceArea(models.TextChoices):
        OLDER_PEOPLE = "older_people", _("Services for older people")
        DISABILITY = "disability", _("Disability services")
        CHILD_FAMILY = "child_family", _("Child and family services")
        ADULT_SOCIAL_WORK = "adult_social_work", _("Adult social work")
        MENTAL_HEALTH_SUBSTANCE = "mental_health_substance", _("Mental health and substance abuse services")
        OTHER = "other", _("Other services")

    class EscalatedBy(models.TextChoices):
        RECEIVER = "receiver", _("The receiver")
        NOTIFIER = "notifier", _("The notifier")
        DEADLINE = "deadline", _("The correction deadline passed")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="shortcomings")
    unit = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="shortcomings")
    service_area = models.CharField(max_length=30, choices=ServiceArea.choices)
    what = RedactedTextField()
    since = models.DateField(null=True, blank=True)
    safety_at_risk_now = models.BooleanField(default=False)
    # PROTECTED: only the receiver and the notifier may ever see who notified.
    notifier = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    notifier_language = models.CharField(max_length=2, default="fi")
    # Whether the notifier signs the letter to the authority (default: it is sent unsigned).
    notifier_signs = models.BooleanField(default=False)
    receiver = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")  # fmt: skip
    phenomena = models.ManyToManyField(Phenomenon, blank=True, related_name="shortcomings")
    status = models.CharField(max_length=20, choices=SHORTCOMING_WORKFLOW.choices(), default=S.RECEIVED,
                              db_index=True)  # fmt: skip
    acknowledge_by = models.DateField()
    correct_by = models.DateField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_by = models.CharField(max_length=10, choices=EscalatedBy.choices, blank=True)
    escalation_reason = RedactedTextField(blank=True)
    unfounded_reason = RedactedTextField(blank=True)
    # The authority's name when it was escalated, in the notifier's language.
    authority = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["correct_by", "pk"]
        indexes = [models.Index(fields=["county", "status"], name="shortcoming_county_status")]

    def __str__(self) -> str:
        return f"shortcoming {self.pk}"

    @property
    def language(self) -> str:
        """The language its text was written in (the redaction door reads it)."""
        return self.notifier_language

    @property
    def is_open(self) -> bool:
        return self.status_is("open")

    @property
    def can_escalate(self) -> bool:
        return self.status_is("escalatable")

    @property
    def takes_actions(self) -> bool:
        return self.status_is("actionable")

    @property
    def is_escalated(self) -> bool:
        return self.status_is("escalated")

    def _may(self, role: str) -> bool:
        return self.can_move_to(self.WORKFLOW.named(role))

    @property
    def can_acknowledge(self) -> bool:
        return self._may("on_acknowledge")

    @property
    def can_start_correcting(self) -> bool:
        return self._may("on_start_correcting")

    @property
    def can_mark_corrected(self) -> bool:
        return self._may("on_corrected")

    @property
    def can_mark_unfounded(self) -> bool:
        return self._may("on_unfounded")

    @property
    def is_unacknowledged(self) -> bool:
        return self.status_is("unacknowledged")

    @property
    def next_deadline(self) -> date | None:
        """The deadline that runs now: the acknowledgement's, then the correction's."""
        if not self.is_open:
            return None
        return self.acknowledge_by if self.is_unacknowledged else self.correct_by

    @property
    def overdue(self) -> bool:
        deadline = self.next_deadline
        return deadline is not None and deadline < timezone.localdate()

    @property
    def due_soon(self) -> bool:
        deadline = self.next_deadline
        return deadline is not None and not self.overdue and (deadline - timezone.localdate()).days <= DUE_SOON_DAYS


class CorrectiveAction(models.Model):
    """One thing the unit does to correct the shortcoming, with its owner and due date."""

    shortcoming = models.ForeignKey(Shortcoming, on_delete=models.CASCADE, related_name="actions")
    what = RedactedTextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")  # fmt: skip
    due = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"corrective action {self.pk}"

    @property
    def language(self) -> str:
        return self.shortcoming.notifier_language if self.shortcoming_id else "fi"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class ShortcomingStep(models.Model):
    """The history the notifier sees: what happened and when, never who did it."""

    class Kind(models.TextChoices):
        FILED = "filed", _("Notification received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged by the unit")
        CORRECTING = "correcting", _("Correction started")
        ACTION_ADDED = "action_added", _("Corrective action planned")
        ACTION_DONE = "action_done", _("Corrective action completed")
        CORRECTED = "corrected", _("Marked corrected")
        UNFOUNDED = "unfounded", _("Found unfounded")
        ESCALATED = "escalated", _("Notified to the supervisory authority")

    shortcoming = models.ForeignKey(Shortcoming, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} of shortcoming {self.shortcoming_id}"
