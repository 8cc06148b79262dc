"""The path of a report through the loop: case, summary, proposal, decision, action."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ilmio.core.permissions import Capability, has_capability
from ilmio.knowledge.models import Action, Proposal, Summary
from ilmio.reports.models import Report


@dataclass
class ReportPath:
    cases: list[Any] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.cases or self.summaries or self.proposals or self.actions)


def report_path(report: Report, user: Any) -> ReportPath:
    summaries = Summary.objects.filter(statements__citations=report) | Summary.objects.filter(quotes__report=report)
    summaries = summaries.distinct()
    if not has_capability(user, Capability.TRIAGE) and not has_capability(user, Capability.APPROVE_SUMMARY):
        # A reporter sees what has been published, not drafts.
        summaries = summaries.filter(status=Summary.Status.PUBLISHED)
    summaries = list(summaries)
    cases = list(report.cases.all()) if has_capability(user, Capability.TRIAGE) else []
    proposals = list(Proposal.objects.filter(summary__in=summaries).select_related("decision")
                     | Proposal.objects.filter(case__reports=report).select_related("decision"))  # fmt: skip
    proposals = list({p.pk: p for p in proposals}.values())
    actions = list(Action.objects.filter(proposal__in=proposals))
    return ReportPath(cases, summaries, proposals, actions)
