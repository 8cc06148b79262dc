"""Participation (osallisuus, seed 001 ch. 5.3): the idea box (Ideaboksi) — development
proposals from staff or the public that a coordinator turns into an action proposal (the
proposal → decision → action chain of ``ilmio.knowledge``) or declines with a reason, the
proposer informed either way.

An idea's text is redacted like a report's. A resident's e-mail address is kept apart
(:class:`IdeaContact`), used once to tell what came of the idea and then erased.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County, Municipality
from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.core.workflow import HasStatus, Step, Workflow
from ilmio.taxonomy.models import Phenomenon

TITLE_LIMIT = 200
TEXT_LIMIT = 4000
RESPONSE_LIMIT = 2000
LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")))


class IdeaStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROPOSAL = "proposal", _("Became an action proposal")
    DECLINED = "declined", _("Not taken forward")


IDEA_WORKFLOW = Workflow("idea", {
    IdeaStatus.RECEIVED: Step(IdeaStatus.RECEIVED.label, next=(IdeaStatus.PROPOSAL, IdeaStatus.DECLINED),
                              flags=frozenset({"open"})),
    IdeaStatus.PROPOSAL: Step(IdeaStatus.PROPOSAL.label),
    IdeaStatus.DECLINED: Step(IdeaStatus.DECLINED.label),
}, initial=IdeaStatus.RECEIVED, roles={"to_proposal": IdeaStatus.PROPOSAL, "declined": IdeaStatus.DECLINED})  # fmt: skip


class Idea(HasStatus, models.Model):
    Status = IdeaStatus
    WORKFLOW = IDEA_WORKFLOW

    class Channel(models.TextChoices):
        STAFF = "staff", _("Staff")
        PUBLIC = "public", _("Public form")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="ideas")
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phenomenon = models.ForeignKey(Phenomenon, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = RedactedCharField(max_length=TITLE_LIMIT)
    text = RedactedTextField()
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # A member of staff who proposed (None for the public): told in Ilmiö and by e-mail.
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="ideas")  # fmt: skip
    status = models.CharField(max_length=20, choices=IDEA_WORKFLOW.choices(), default=IdeaStatus.RECEIVED)
    proposal = models.OneToOneField("knowledge.Proposal", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="idea")  # fmt: skip
    # Why it was not taken forward, told to the proposer.
    response = RedactedTextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)
    proposer_informed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["county", "status"], name="idea_county_status")]

    def __str__(self) -> str:
        return f"idea {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status_is("open")


class IdeaContact(models.Model):
    """A resident's address for the one answer about their idea; erased once it is sent."""

    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="contact")
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"contact of idea {self.idea_id}"


QUESTION_LIMIT = 300
ANSWER_LIMIT = 3000


class ListeningRound(models.Model):
    """A time-boxed public call in one municipality ("Mikä pännii Saarijärvellä?", seed 002):
    open on the days from ``opens_on`` to ``closes_on`` inclusive; its results are published
    only once it has closed, and only through the disclosure door."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="listening_rounds")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="listening_rounds")
    # The question residents answer, in the county's words (redacted like every free text).
    question = RedactedCharField(max_length=QUESTION_LIMIT)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                              name="round_closes_after_it_opens")]  # fmt: skip

    def __str__(self) -> str:
        return f"listening round {self.pk}"

    def phase(self, today: date) -> str:
        if today < self.opens_on:
            return self.Phase.UPCOMING
        return self.Phase.OPEN if today <= self.closes_on else self.Phase.CLOSED

    def phase_label(self, today: date) -> str:
        return str(self.Phase(self.phase(today)).label)


class RoundAnswer(models.Model):
    """A resident's answer to a listening round: redacted, classified by a coordinator."""

    round = models.ForeignKey(ListeningRound, on_delete=models.CASCADE, related_name="answers")
    text = RedactedTextField()
    helps = RedactedTextField(blank=True)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    phenomenon = models.ForeignKey(Phenomenon, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"answer {self.pk}"
