"""Writes of the idea box: an idea submitted, turned into an action proposal, or declined.
Each is one transaction with its audit event; the proposer is told after it commits."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ilmio.core.audit import Event, record_event
from ilmio.knowledge.models import Proposal
from ilmio.knowledge.services import create_proposal
from ilmio.participation.models import Idea, IdeaContact


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
