"""Notifications as a reporter reads them: one line per event, not one per report.

A decision on a proposal that cites 127 of someone's reports is one event for them:
"A proposal citing 127 of your reports was accepted." The same wording serves the
notifications page, the header count and the e-mail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import ngettext

from ilmio.knowledge.access import notifications_for
from ilmio.knowledge.models import Decision, Notification
from ilmio.reports.models import Report

# Titles of one's own reports shown under an event; the rest are counted.
REPORTS_SHOWN = 5


@dataclass
class NotificationGroup:
    kind: str
    subject_id: int
    count: int
    latest: datetime
    unread: bool
    text: str = ""
    reports: list[Report] = field(default_factory=list)


def _grouped(notifications: QuerySet[Notification]) -> QuerySet[Any]:
    return (notifications.values("kind", "subject_id")
            .annotate(count=Count("pk"), latest=Max("created_at"), unread=Count("pk", filter=Q(read_at=None)))
            .order_by("-latest", "kind", "subject_id"))  # fmt: skip


def unread_count(user: Any) -> int:
    """Events with something new for this user (the number in the header)."""
    return _grouped(notifications_for(user).filter(read_at=None)).count()


def group_text(kind: str, count: int, outcome: str | None = None) -> str:
    """The event in words, in the active language; a decision's wording follows its outcome."""
    values = {"count": count}
    if kind == Notification.Kind.IN_SUMMARY:
        return ngettext("%(count)s of your reports is part of a published summary.",
                        "%(count)s of your reports are part of a published summary.", count) % values  # fmt: skip
    if kind == Notification.Kind.DECISION:
        if outcome == Decision.Outcome.ACCEPTED:
            return ngettext("A proposal citing %(count)s of your reports was accepted.",
                            "A proposal citing %(count)s of your reports was accepted.", count) % values  # fmt: skip
        if outcome == Decision.Outcome.PARTLY:
            return ngettext("A proposal citing %(count)s of your reports was partly accepted.",
                            "A proposal citing %(count)s of your reports was partly accepted.", count) % values  # fmt: skip
        if outcome == Decision.Outcome.REJECTED:
            return ngettext("A proposal citing %(count)s of your reports was rejected.",
                            "A proposal citing %(count)s of your reports was rejected.", count) % values  # fmt: skip
        return ngettext("A proposal citing %(count)s of your reports was handled without a decision.",
                        "A proposal citing %(count)s of your reports was handled without a decision.", count) % values  # fmt: skip
    if kind == Notification.Kind.ACTION_DONE:
        return ngettext("An action arising from %(count)s of your reports was completed.",
                        "An action arising from %(count)s of your reports was completed.", count) % values  # fmt: skip
    return ngettext("Did things change? We ask about %(count)s of your reports.",
                    "Did things change? We ask about %(count)s of your reports.", count) % values  # fmt: skip


def _outcomes(groups: Sequence[dict[str, Any]]) -> dict[int, str]:
    ids = [g["subject_id"] for g in groups if g["kind"] == Notification.Kind.DECISION]
    return dict(Decision.objects.filter(pk__in=ids).values_list("pk", "outcome")) if ids else {}


def describe(notifications: QuerySet[Notification], groups: Sequence[dict[str, Any]]) -> list[NotificationGroup]:
    """The groups worded, each with the first of its reports (the reader's own)."""
    outcomes = _outcomes(groups)
    described = []
    for g in groups:
        group = NotificationGroup(g["kind"], g["subject_id"], g["count"], g["latest"], g["unread"] > 0)
        group.text = group_text(group.kind, group.count, outcomes.get(group.subject_id))
        group.reports = [n.report for n in notifications.filter(kind=group.kind, subject_id=group.subject_id)
                         .select_related("report").order_by("-report__created_at")[:REPORTS_SHOWN]]  # fmt: skip
        described.append(group)
    return described


def notification_groups(user: Any) -> QuerySet[Any]:
    """This user's events, newest first (paginate, then :func:`describe` the page)."""
    return _grouped(notifications_for(user))


def describe_notifications(notifications: Sequence[Notification]) -> list[str]:
    """Lines for one e-mail about these notifications (one line per event)."""
    counts: dict[tuple[str, int], int] = {}
    for n in notifications:
        counts[(n.kind, n.subject_id)] = counts.get((n.kind, n.subject_id), 0) + 1
    groups = [{"kind": kind, "subject_id": subject} for kind, subject in counts]
    outcomes = _outcomes(groups)
    return [group_text(kind, count, outcomes.get(subject)) for (kind, subject), count in counts.items()]
