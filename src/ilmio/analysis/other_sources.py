"""What else we know (ilmiökortti): beside a case's reports, the county's other knowledge on
the case's phenomenon — findings of its source documents, its notifications of shortcomings
and its client feedback, reminders and complaints.

Each comes through its own app's door: findings through the sources access layer (a
coordinator also sees the county's unpublished documents, marked so), and every count
through the disclosure door, as in the phenomenon brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ilmio.analysis.models import PhenomenonCase
from ilmio.indicators.disclosure import Shown
from ilmio.shortcomings.counts import public_phenomenon_counts
from ilmio.sources.access import feedback_for
from ilmio.sources.feedback_counts import Table, phenomenon_kind_table
from ilmio.sources.models import Finding
from ilmio.sources.search import SourceQuery, findings_matching

FINDINGS_SHOWN = 10
SHORTCOMING_YEARS = 3


@dataclass
class OtherKnowledge:
    findings: list[Finding]
    more_findings: bool
    shortcomings: list[tuple[int, Shown]]
    feedback: Table | None

    @property
    def is_empty(self) -> bool:
        return not (self.findings or self.feedback or any(not count.hidden and count.value for _, count in self.shortcomings))


def what_else_we_know(user: Any, case: PhenomenonCase) -> OtherKnowledge | None:
    """None when the case has no phenomenon yet (nothing to put beside it)."""
    phenomenon = case.phenomenon
    if phenomenon is None:
        return None
    found = list(findings_matching(user, SourceQuery(phenomenon=phenomenon))[: FINDINGS_SHOWN + 1])
    this_year = timezone.localdate().year
    years = [this_year - back for back in range(SHORTCOMING_YEARS, 0, -1)]
    return OtherKnowledge(
        findings=found[:FINDINGS_SHOWN], more_findings=len(found) > FINDINGS_SHOWN,
        shortcomings=public_phenomenon_counts(phenomenon.code, [case.county.code], years),
        feedback=phenomenon_kind_table(feedback_for(user).filter(phenomenon=phenomenon)),
    )  # fmt: skip
