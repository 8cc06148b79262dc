"""Who may see which idea, round, workshop and forum: the one answer for pages, the API and
e-mails.

* The county's coordinators (``TRIAGE``) see and decide its ideas, run its rounds, facilitate
  its workshops and moderate its forums.
* A member of staff sees the ideas they proposed themselves (and what came of them).
* Anyone else — another county included — sees none: the caller answers 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ilmio.core.access import county_id_of, in_county, is_id
from ilmio.core.permissions import Capability, has_capability
from ilmio.participation.models import (
    Forum,
    ForumTopic,
    Idea,
    ListeningRound,
    RoundAnswer,
    WorkshopSeries,
    WorkshopSession,
)


def may_decide(user: Any) -> bool:
    return has_capability(user, Capability.TRIAGE) and county_id_of(user) is not None


def ideas_for(user: Any) -> QuerySet[Idea]:
    """The county's ideas for its coordinators; a user's own ideas for everyone signed in."""
    if not getattr(user, "is_authenticated", False):
        return Idea.objects.none()
    if may_decide(user):
        return in_county(Idea.objects.all(), user) | Idea.objects.filter(proposer=user)
    return Idea.objects.filter(proposer=user)


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


# --- workshops and forums: the county's coordinators facilitate and moderate -----------------


def series_for(user: Any) -> QuerySet[WorkshopSeries]:
    if not may_decide(user):
        return WorkshopSeries.objects.none()
    return in_county(WorkshopSeries.objects.all(), user)


def series_of(user: Any, pk: Any) -> WorkshopSeries | None:
    if not is_id(pk):
        return None
    return series_for(user).select_related("phenomenon", "county").filter(pk=int(pk)).first()


def session_of(user: Any, series: WorkshopSeries, pk: Any) -> WorkshopSession | None:
    """A session of this series that the user facilitates; None otherwise."""
    if not is_id(pk) or series.county_id != county_id_of(user) or not may_decide(user):
        return None
    return series.sessions.filter(pk=int(pk)).first()


def public_series(pk: Any) -> WorkshopSeries | None:
    """Any series, for its public page (what, when, register): a workshop is open to anyone."""
    if not is_id(pk):
        return None
    return WorkshopSeries.objects.select_related("phenomenon", "county").filter(pk=int(pk)).first()


def session_by_code(code: str) -> WorkshopSession | None:
    """The session whose worksheet address this is: the code is the only key a participant has."""
    if not code or len(code) > 32:
        return None
    return WorkshopSession.objects.select_related("series__phenomenon", "series__county").filter(join_code=code).first()


def forums_for(user: Any) -> QuerySet[Forum]:
    if not may_decide(user):
        return Forum.objects.none()
    return in_county(Forum.objects.all(), user)


def forum_for(user: Any, pk: Any) -> Forum | None:
    if not is_id(pk):
        return None
    return forums_for(user).filter(pk=int(pk)).first()


def topic_of(user: Any, forum: Forum, pk: Any) -> ForumTopic | None:
    if not is_id(pk) or forum.county_id != county_id_of(user) or not may_decide(user):
        return None
    return forum.topics.filter(pk=int(pk)).first()


def public_forum(pk: Any) -> Forum | None:
    if not is_id(pk):
        return None
    return Forum.objects.select_related("county").filter(pk=int(pk)).first()


def shown_topic(forum: Forum, pk: Any) -> ForumTopic | None:
    """A topic of this forum that is on its public list (only those can be voted on)."""
    if not is_id(pk):
        return None
    return forum.topics.filter(pk=int(pk), status__in=ForumTopic.WORKFLOW.with_flag("shown")).first()
