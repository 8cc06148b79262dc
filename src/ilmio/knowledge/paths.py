"""The path of a report through the loop: case, summary, proposal, decision, action."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ilmio.analysis.access import cases_for
from ilmio.knowledge.access import path_proposals, path_summaries
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

    def last_step(self) -> str:
        """The furthest the report has come, in one line ("" before any stage)."""
        if self.actions:
            action = max(self.actions, key=lambda a: (a.updated_at, a.pk))
            return _("Action: %(title)s – %(status)s, %(progress)s %%") % {
                "title": action.title, "status": action.get_status_display(), "progress": action.progress}
        decided = [p for p in self.proposals if getattr(p, "decision", None) is not None]
        if decided:
            proposal = max(decided, key=lambda p: (p.decision.decided_on, p.pk))
            return _("Decision: %(outcome)s") % {"outcome": proposal.decision.get_outcome_display()}
        if self.proposals:
            return _("Proposal: %(title)s") % {"title": max(self.proposals, key=lambda p: p.pk).title}
        if self.summaries:
            summary = max(self.summaries, key=lambda s: s.pk)
            return _("Summary: %(title)s (%(status)s)") % {"title": summary.title, "status": summary.get_status_display()}
        if self.cases:
            return _("Case: %(title)s") % {"title": max(self.cases, key=lambda c: c.pk).title}
        return ""


def report_path(report: Report, user: Any) -> ReportPath:
    """What came of a report, as far as this reader may see: their audience's summaries,
    the proposals from them (and from cases, for the county's staff), their actions."""
    summaries_qs = path_summaries(user, report)
    summaries = list(summaries_qs)
    cases = list(cases_for(user).filter(reports=report))
    proposals = list(path_proposals(user, report, summaries_qs).select_related("decision"))
    actions = list(Action.objects.filter(proposal__in=proposals))
    return ReportPath(cases, summaries, proposals, actions)
