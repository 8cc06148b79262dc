"""Which summaries, proposals, decisions, actions, notifications and outcomes a user may
see — the audience order lives in ``Summary.AUDIENCE_ORDER``, the reader's audience in
``ilmio.core.access.audience_of``. Public pages use the ``public_*`` selectors: published
to the public all the way down the chain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet

from ilmio.core.access import (
    INTERNAL,
    PUBLIC,
    audience_of,
    county_id_of,
    in_county,
    is_id,
    of_county,
)
from ilmio.core.permissions import Capability, has_capability
from ilmio.knowledge.models import Action, FollowUp, Notification, Proposal, Quote, Summary

MAX_ACTION_DEPTH = 20  # sub-action levels followed (imports refuse cycles)


def _visible(summaries: QuerySet[Summary], audience: str) -> QuerySet[Summary]:
    if audience == INTERNAL:
        return summaries
    return summaries.filter(status=Summary.Status.PUBLISHED, audience__in=Summary.audiences_reaching(audience))


def reader_audience(user: Any) -> str:
    return audience_of(user, county_id_of(user))


def sees_internal_version(user: Any) -> bool:
    """Whether the user reads the county's internal versions (history, reviews, citations)."""
    return reader_audience(user) == INTERNAL


def summaries_for(user: Any) -> QuerySet[Summary]:
    """Summaries of the user's county in the version their audience may read."""
    if not has_capability(user, Capability.READ_FORWARDED):
        return Summary.objects.none()
    return _visible(in_county(Summary.objects.all(), user), reader_audience(user))


def summary_for(user: Any, pk: Any) -> Summary | None:
    return summaries_for(user).filter(pk=pk).first() if is_id(pk) else None


def quote_for(summary: Summary, pk: Any) -> Quote | None:
    return summary.quotes.filter(pk=pk).first() if is_id(pk) else None


def _proposals_from(summaries: QuerySet[Summary], proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return proposals.filter(summary__in=summaries)


def proposals_for(user: Any) -> QuerySet[Proposal]:
    """Staff who read reports see all of the county's proposals; decision-makers those
    that stem from a summary published to them (not from internal cases)."""
    if not has_capability(user, Capability.READ_FORWARDED):
        return Proposal.objects.none()
    proposals = in_county(Proposal.objects.all(), user)
    if reader_audience(user) == INTERNAL:
        return proposals
    return _proposals_from(summaries_for(user), proposals)


def proposal_for(user: Any, pk: Any) -> Proposal | None:
    return proposals_for(user).filter(pk=pk).first() if is_id(pk) else None


def actions_for(user: Any) -> QuerySet[Action]:
    """Actions of visible proposals, and the county's own actions that no proposal
    brought (its action plan)."""
    if not has_capability(user, Capability.READ_FORWARDED):
        return Action.objects.none()
    actions = in_county(Action.objects.all(), user)
    if reader_audience(user) == INTERNAL:
        return actions
    own_or_visible = Q(proposal=None) | Q(proposal__in=proposals_for(user))
    allowed = set(actions.filter(own_or_visible, parent=None).values_list("pk", flat=True))
    # A sub-action follows its parent: under a hidden proposal's action it is hidden too.
    frontier = allowed
    for _depth in range(MAX_ACTION_DEPTH):
        frontier = set(actions.filter(own_or_visible, parent__in=frontier).values_list("pk", flat=True)) - allowed
        if not frontier:
            break
        allowed |= frontier
    return actions.filter(pk__in=allowed)


def action_for(user: Any, pk: Any) -> Action | None:
    return actions_for(user).filter(pk=pk).first() if is_id(pk) else None


def cited_reports_for(user: Any, statement: Any) -> QuerySet[Any]:
    """The reports a statement cites that this reader may read (title, area and date are
    shown for these only; others see the count alone)."""
    from ilmio.reports.access import reports_for

    return (statement.citations.filter(pk__in=reports_for(user).values("pk"))
            .select_related("county").prefetch_related("municipalities").order_by("-created_at"))  # fmt: skip


def as_tree(actions: Iterable[Action]) -> list[tuple[Action, int]]:
    """The actions in tree order, each with its depth: a parent, then its sub-actions
    (indented). A sub-action whose parent the reader may not see is shown at the top."""
    items = list(actions)
    present = {a.pk for a in items}
    children: dict[int | None, list[Action]] = {}
    for action in items:
        children.setdefault(action.parent_id if action.parent_id in present else None, []).append(action)
    ordered: list[tuple[Action, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for action in children.get(parent, []):
            if action.pk not in seen and depth < MAX_ACTION_DEPTH:
                seen.add(action.pk)
                ordered.append((action, depth))
                walk(action.pk, depth + 1)

    walk(None, 0)
    return ordered


def notifications_for(user: Any) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def path_summaries(user: Any, report: Any) -> QuerySet[Summary]:
    """The summaries citing or quoting a report, as far as this reader may see them."""
    citing = Summary.objects.filter(Q(statements__citations=report) | Q(quotes__report=report)).distinct()
    audience = audience_of(user, report.county_id)
    return _visible(citing, audience)


def path_proposals(user: Any, report: Any, summaries: QuerySet[Summary]) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(summary__in=summaries)
    if audience_of(user, report.county_id) == INTERNAL:
        proposals = proposals | Proposal.objects.filter(case__reports=report)
    return proposals.distinct()


# --- public scope: published to the public all the way down ------------------------------


def public_summaries(county: Any = None) -> QuerySet[Summary]:
    summaries = _visible(Summary.objects.all(), PUBLIC)
    return of_county(summaries, county) if county is not None else summaries


def public_summary(pk: Any) -> Summary | None:
    return public_summaries().filter(pk=pk).first() if is_id(pk) else None


def public_proposals(county: Any = None) -> QuerySet[Proposal]:
    return Proposal.objects.filter(summary__in=public_summaries(county))


def public_actions(county: Any = None) -> QuerySet[Action]:
    return Action.objects.filter(proposal__in=public_proposals(county))


def public_follow_up_answer_counts(county: Any) -> dict[str, int]:
    """How many answered each choice, about actions the public can see (raw: the caller
    passes them through ``ilmio.indicators.disclosure.tally``)."""
    answers = FollowUp.objects.filter(action__in=public_actions(county)).exclude(answer="")
    counts = dict(answers.values_list("answer").annotate(n=Count("pk")).order_by())
    return {choice: int(counts.get(choice, 0)) for choice in FollowUp.Answer.values}


def follow_up_by_token(token: str) -> FollowUp | None:
    return FollowUp.objects.filter(token=token).select_related("action").first() if token else None


def public_summaries_on(phenomenon: Any, county_codes: list[str]) -> QuerySet[Summary]:
    """Public summaries on a phenomenon in these counties (the phenomenon brief)."""
    return public_summaries().filter(phenomena=phenomenon, county__code__in=county_codes).distinct()


def public_quotes_of(summaries: QuerySet[Summary]) -> QuerySet[Quote]:
    return Quote.objects.filter(summary__in=summaries, approved_for_public=True)


def public_proposals_of(summaries: QuerySet[Summary]) -> QuerySet[Proposal]:
    return Proposal.objects.filter(summary__in=summaries.filter(pk__in=public_summaries().values("pk")))


def public_actions_of(proposals: QuerySet[Proposal]) -> QuerySet[Action]:
    return Action.objects.filter(proposal__in=proposals.filter(pk__in=public_proposals().values("pk")))
