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


# --- phenomenon workshops (ilmiötyöpajat, seed 000 / 002) ------------------------------------

SHEET_ENTRY_LIMIT = 1000
PLACE_LIMIT = 200


class WorksheetSection(models.TextChoices):
    """The parts of a workshop's worksheet: what is asked for and what exists (seed 000)."""

    NEED = "need", _("Information needs")
    SOURCE = "source", _("Existing data sources")
    INDICATOR = "indicator", _("Indicators")
    MISSING = "missing", _("What is missing")
    OBSERVATION = "observation", _("Observations")
    PROPOSAL = "proposal", _("Proposals")


class WorkshopSeries(models.Model):
    """Repeated, identical sessions on one phenomenon (a Teams session held several times so
    that anyone can come): its sessions' worksheets are compiled into one result."""

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Open to anyone")
        PROFESSIONALS = "professionals", _("Professionals and partners")
        RESIDENTS = "residents", _("Residents and clients")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="workshop_series")
    phenomenon = models.ForeignKey(Phenomenon, on_delete=models.PROTECT, related_name="+")
    title = RedactedCharField(max_length=TITLE_LIMIT)
    description = RedactedTextField(blank=True)
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    # Registrations are deleted the day after their session unless the county chose to keep them.
    keep_registrations = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"workshop series {self.pk}"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Worksheets open")
    HELD = "held", _("Held")


SESSION_WORKFLOW = Workflow("workshop_session", {
    SessionStatus.PLANNED: Step(SessionStatus.PLANNED.label, next=(SessionStatus.OPEN,), flags=frozenset({"registrable"})),
    SessionStatus.OPEN: Step(SessionStatus.OPEN.label, next=(SessionStatus.HELD,), flags=frozenset({"sheets", "registrable"})),
    SessionStatus.HELD: Step(SessionStatus.HELD.label, flags=frozenset({"held"})),
}, initial=SessionStatus.PLANNED, roles={"open": SessionStatus.OPEN, "held": SessionStatus.HELD})  # fmt: skip


class WorkshopSession(HasStatus, models.Model):
    """One session of a series: when, where (an online link or a place), and the code that lets
    its participants fill a worksheet without an account while it is open."""

    Status = SessionStatus
    WORKFLOW = SESSION_WORKFLOW

    series = models.ForeignKey(WorkshopSeries, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=90)
    online_link = models.URLField(blank=True)
    place = RedactedCharField(max_length=PLACE_LIMIT, blank=True)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    status = models.CharField(max_length=20, choices=SESSION_WORKFLOW.choices(), default=SessionStatus.PLANNED)
    # A random code in the worksheet's address, shared in the session (a Teams chat, a slide).
    join_code = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"workshop session {self.pk}"

    @property
    def takes_sheets(self) -> bool:
        return self.status_is("sheets")

    @property
    def registrable(self) -> bool:
        return self.status_is("registrable")

    @property
    def is_held(self) -> bool:
        return self.status_is("held")

    @property
    def can_open(self) -> bool:
        return self.can_move_to(self.WORKFLOW.named("open"))

    @property
    def can_close(self) -> bool:
        return self.can_move_to(self.WORKFLOW.named("held"))


class WorkshopRegistration(models.Model):
    """Someone's sign-up for a session: a name and an address, kept apart from every worksheet
    (a worksheet never knows who filled it), used for the session's link and erased after it."""

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(max_length=100)
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"registration {self.pk}"


class Worksheet(models.Model):
    """One worksheet of a session, by its facilitator or by an anonymous participant."""

    class FilledBy(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        PARTICIPANT = "participant", _("Participant")

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="worksheets")
    filled_by = models.CharField(max_length=12, choices=FilledBy.choices)
    language = models.CharField(max_length=2, choices=LANGUAGES, default="fi")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"worksheet {self.pk}"


class WorksheetEntry(models.Model):
    """One line of a worksheet under one of its sections, redacted like a report."""

    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="entries")
    section = models.CharField(max_length=12, choices=WorksheetSection.choices)
    text = RedactedTextField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"entry {self.pk}"


class WorkshopCompilation(models.Model):
    """The series' sessions merged into one result: each distinct line once, with the number of
    worksheets and sessions that named it. Once published, its needs and contents are the
    phenomenon's information-needs register (tietotarverekisteri) in the brief."""

    series = models.OneToOneField(WorkshopSeries, on_delete=models.CASCADE, related_name="compilation")
    session_count = models.PositiveIntegerField(default=0)
    worksheet_count = models.PositiveIntegerField(default=0)
    compiled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")  # fmt: skip
    compiled_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"compilation of series {self.series_id}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class CompiledItem(models.Model):
    compilation = models.ForeignKey(WorkshopCompilation, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(max_length=12, choices=WorksheetSection.choices)
    text = RedactedTextField()
    worksheets = models.PositiveIntegerField()
    sessions = models.PositiveIntegerField()

    class Meta:
        ordering = ["-worksheets", "pk"]

    def __str__(self) -> str:
        return f"item {self.pk}"


# --- open forums with topics from anyone (avoimet foorumit, seed 002) ---------------------------

TOPIC_LIMIT = 300


class Forum(models.Model):
    """An open forum event: anyone may suggest a topic; the coordinators moderate the
    suggestions, and the accepted ones are voted on so the agenda follows what people ask."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="forums")
    title = RedactedCharField(max_length=TITLE_LIMIT)
    description = RedactedTextField(blank=True)
    starts_at = models.DateTimeField()
    online_link = models.URLField(blank=True)
    place = RedactedCharField(max_length=PLACE_LIMIT, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return f"forum {self.pk}"


class TopicStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Waiting for moderation")
    ACCEPTED = "accepted", _("On the list")
    REJECTED = "rejected", _("Not shown")


TOPIC_WORKFLOW = Workflow("forum_topic", {
    TopicStatus.SUGGESTED: Step(TopicStatus.SUGGESTED.label, next=(TopicStatus.ACCEPTED, TopicStatus.REJECTED)),
    TopicStatus.ACCEPTED: Step(TopicStatus.ACCEPTED.label, next=(TopicStatus.REJECTED,), flags=frozenset({"shown"})),
    TopicStatus.REJECTED: Step(TopicStatus.REJECTED.label, next=(TopicStatus.ACCEPTED,)),
}, initial=TopicStatus.SUGGESTED, roles={"accept": TopicStatus.ACCEPTED, "reject": TopicStatus.REJECTED})  # fmt: skip


class ForumTopic(HasStatus, models.Model):
    Status = TopicStatus
    WORKFLOW = TOPIC_WORKFLOW

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics")
    text = RedactedCharField(max_length=TOPIC_LIMIT)
    status = models.CharField(max_length=20, choices=TOPIC_WORKFLOW.choices(), default=TopicStatus.SUGGESTED)
    votes = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-votes", "pk"]

    def __str__(self) -> str:
        return f"topic {self.pk}"

    @property
    def is_shown(self) -> bool:
        return self.status_is("shown")

    @property
    def can_accept(self) -> bool:
        return self.can_move_to(self.WORKFLOW.named("accept"))

    @property
    def can_reject(self) -> bool:
        return self.can_move_to(self.WORKFLOW.named("reject"))


class TopicVote(models.Model):
    """One vote per browser: the voter is a keyed hash of a random cookie, never a person."""

    topic = models.ForeignKey(ForumTopic, on_delete=models.CASCADE, related_name="+")
    voter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "voter"], name="one_vote_per_topic_and_voter")]

    def __str__(self) -> str:
        return f"vote on topic {self.pk}"
