"""Writes of the idea box: an idea submitted, turned into an action proposal, or declined.
Each is one transaction with its audit event; the proposer is told after it commits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.core.audit import Event, record_event
from ilmio.knowledge.models import Proposal
from ilmio.knowledge.services import create_proposal
from ilmio.participation.models import Idea, IdeaContact, ListeningRound, RoundAnswer

MAX_ROUND_DAYS = 92


def submit_idea(*, county: Any, title: str, text: str, channel: str, by: Any = None, municipality: Any = None,
                phenomenon: Any = None, language: str = "fi", email: str = "") -> Idea:  # fmt: skip
    """A new idea; a resident's address (optional) is stored apart, for the one answer."""
    if channel not in Idea.Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    if municipality is not None and municipality.county_id != county.pk:
        raise ValueError("the municipality is not in the county")
    proposer = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        idea = Idea.objects.create(county=county, municipality=municipality, phenomenon=phenomenon, title=title,
                                   text=text, language=language if language in ("fi", "sv", "en") else "fi",
                                   channel=channel, proposer=proposer)  # fmt: skip
        if email and proposer is None:
            IdeaContact.objects.create(idea=idea, email=email)
        record_event(proposer, Event.IDEA_SUBMITTED, obj=idea, channel=channel, contact=bool(email and proposer is None))
    return idea


def idea_to_proposal(idea: Idea, *, by: Any, title: str, text: str, addressed_to: str, addressed_to_name: str = "",
                     service_area: Any = None) -> Proposal:  # fmt: skip
    """The coordinator takes the idea forward as an action proposal to a named body; from
    there it follows the proposal → decision → action chain. The proposer is told."""
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        locked.WORKFLOW.check(locked.status, locked.WORKFLOW.named("to_proposal"))
        proposal = create_proposal(county=locked.county, title=title, text=text, addressed_to=addressed_to, by=by,
                                   addressed_to_name=addressed_to_name, service_area=service_area)  # fmt: skip
        locked.proposal = proposal
        locked.decided_by, locked.decided_at = by, timezone.now()
        previous = locked.set_status(locked.WORKFLOW.named("to_proposal"), also=["proposal", "decided_by", "decided_at"])
        record_event(by, Event.IDEA_DECIDED, obj=locked, **{"from": previous, "to": locked.status}, proposal=proposal.pk)
        _inform_after_commit(locked)
    idea.refresh_from_db()
    return proposal


def decline_idea(idea: Idea, *, by: Any, response: str) -> Idea:
    """Not taken forward, with the reason the proposer is told."""
    if not response.strip():
        raise ValueError("a reason is needed")
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        locked.WORKFLOW.check(locked.status, locked.WORKFLOW.named("declined"))
        locked.response = response
        locked.decided_by, locked.decided_at = by, timezone.now()
        previous = locked.set_status(locked.WORKFLOW.named("declined"), also=["response", "decided_by", "decided_at"])
        record_event(by, Event.IDEA_DECIDED, obj=locked, **{"from": previous, "to": locked.status})
        _inform_after_commit(locked)
    idea.refresh_from_db()
    return idea


def _inform_after_commit(idea: Idea) -> None:
    from ilmio.participation.tasks import inform_proposer

    transaction.on_commit(lambda: inform_proposer.enqueue(idea.pk))


def mark_informed(idea: Idea) -> None:
    """The answer was sent: a resident's address has served its one purpose and is erased."""
    with transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(proposer_informed_at=timezone.now())
        erased, _ = IdeaContact.objects.filter(idea=idea).delete()
        if erased:
            record_event(None, Event.IDEA_CONTACT_ERASED, obj=idea)


def create_round(*, county: Any, municipality: Any, question: str, opens_on: date, closes_on: date, by: Any,
                 language: str = "fi") -> ListeningRound:  # fmt: skip
    """A listening round of one of the county's municipalities."""
    if municipality.county_id != county.pk:
        raise ValueError(_("Choose a municipality of your own county."))
    if closes_on < opens_on:
        raise ValueError(_("The round must close on or after the day it opens."))
    if (closes_on - opens_on).days > MAX_ROUND_DAYS:
        raise ValueError(_("A round can be open for at most %(days)s days.") % {"days": MAX_ROUND_DAYS})
    with transaction.atomic():
        made = ListeningRound.objects.create(county=county, municipality=municipality, question=question,
                                             opens_on=opens_on, closes_on=closes_on, created_by=by,
                                             language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        record_event(by, Event.ROUND_CREATED, obj=made, municipality=municipality.code)
    return made


def answer_round(listening_round: ListeningRound, *, text: str, helps: str = "", language: str = "fi",
                 today: date | None = None) -> RoundAnswer:  # fmt: skip
    """A resident's answer, while the round is open (redacted when stored)."""
    if listening_round.phase(today or timezone.localdate()) != ListeningRound.Phase.OPEN:
        raise ValueError(_("This round is not open for answers."))
    with transaction.atomic():
        answer = RoundAnswer.objects.create(round=listening_round, text=text, helps=helps,
                                            language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        record_event(None, Event.ROUND_ANSWERED, obj=listening_round, county=listening_round.county_id)
    return answer


def classify_answer(answer: RoundAnswer, *, phenomenon: Any, by: Any) -> RoundAnswer:
    with transaction.atomic():
        answer.phenomenon = phenomenon
        answer.save(update_fields=["phenomenon"])
        record_event(by, Event.ROUND_ANSWER_CLASSIFIED, obj=answer.round, answer=answer.pk,
                     phenomenon=getattr(phenomenon, "code", ""))  # fmt: skip
    return answer
