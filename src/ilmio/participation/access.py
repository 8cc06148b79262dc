"""Who may see which idea: the one answer for pages, the API and e-mails.

* The county's coordinators (``TRIAGE``) see and decide its ideas.
* A member of staff sees the ideas they proposed themselves (and what came of them).
* Anyone else — another county included — sees none: the caller answers 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ilmio.core.access import county_id_of, in_county, is_id
from ilmio.core.permissions import Capability, has_capability
from ilmio.participation.models import Idea, ListeningRound, RoundAnswer


def may_decide(user: Any) -> bool:
    return has_capability(user, Capability.TRIAGE) and county_id_of(user) is not None


def ideas_for(user: Any) -> QuerySet[Idea]:
    """The county's ideas for its coordinators; a user's own ideas for everyone signed in."""
    if not getattr(user, "is_authenticated", False):
        return Idea.objects.none()
    if may_decide(user):
        return in_county(Idea.objects.all(), user) | Idea.objects.filter(proposer=user)
    return Idea.objects.filter(Q(proposer=user))


def idea_for(user: Any, pk: Any) -> Idea | None:
    """One idea the user may see, or None (404, never 403)."""
    if not is_id(pk):
        return None
    return ideas_for(user).select_related("county", "phenomenon", "proposal").filter(pk=int(pk)).first()


def decidable(user: Any, idea: Idea) -> bool:
    return may_decide(user) and idea.county_id == county_id_of(user)


def rounds_for(user: Any) -> QuerySet[ListeningRound]:
    """The county's listening rounds, for its coordinators (who create them and classify answers)."""
    if not may_decide(user):
        return ListeningRound.objects.none()
    return in_county(ListeningRound.objects.all(), user)


def round_for(user: Any, pk: Any) -> ListeningRound | None:
    if not is_id(pk):
        return None
    return rounds_for(user).select_related("municipality", "county").filter(pk=int(pk)).first()


def answer_of(user: Any, listening_round: ListeningRound, pk: Any) -> RoundAnswer | None:
    """An answer of this round that the user may classify; None otherwise."""
    if not is_id(pk) or listening_round.county_id != county_id_of(user) or not may_decide(user):
        return None
    return listening_round.answers.filter(pk=int(pk)).first()


def public_round(pk: Any) -> ListeningRound | None:
    """Any round, for its public page: the form while it is open, the counts once it closed."""
    if not is_id(pk):
        return None
    return ListeningRound.objects.select_related("municipality", "county").filter(pk=int(pk)).first()
