"""Write-side functions of the knowledge loop: summarise → propose → decide → act → feed back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ilmio.analysis.services import change_status
from ilmio.core.access import is_id
from ilmio.core.audit import Event, record_event
from ilmio.core.permissions import Capability, has_capability
from ilmio.knowledge.models import (
    Action,
    Decision,
    FollowUp,
    Milestone,
    Notification,
    Proposal,
    Quote,
    Statement,
    Summary,
    SummaryRevision,
)
from ilmio.knowledge.revisions import record_revision
from ilmio.reports.access import county_reports
from ilmio.reports.models import FeedbackContact, Report
from ilmio.sources.access import published_findings
from ilmio.sources.models import Finding
from ilmio.taxonomy.models import Phenomenon

FOLLOW_UP_AFTER = timedelta(weeks=4)


class LoopError(ValueError):
    """A step of the loop that is not possible in the object's current state."""


# --- reports along the loop -----------------------------------------------------------


def advance_reports(reports: Iterable[Report], status: str, *, by: Any, reason: str) -> int:
    """Move reports forward where the pipeline allows it; others stay where they are."""
    moved = 0
    for report in reports:
        if report.can_move_to(status):
            change_status(report, status, by=by, reason=reason)
            moved += 1
    return moved


def summary_reports(summary: Summary) -> QuerySet[Report]:
    return Report.objects.filter(pk__in=set(
        summary.statements.values_list("citations", flat=True)) | set(summary.quotes.values_list("report", flat=True))
    ).exclude(pk__isnull=True)  # fmt: skip


def proposal_reports(proposal: Proposal) -> QuerySet[Report]:
    ids: set[int] = set()
    if proposal.summary is not None:
        ids |= set(summary_reports(proposal.summary).values_list("pk", flat=True))
    if proposal.case is not None:
        ids |= set(proposal.case.reports.values_list("pk", flat=True))
    return Report.objects.filter(pk__in=ids)


def notify_reporters(reports: Iterable[Report], kind: str, subject_id: int) -> list[Notification]:
    """Tell consenting reporters; one notification per report, kind and subject."""
    from ilmio.knowledge.tasks import send_notification_email

    created = []
    # One e-mail per person and event, however many of their reports it concerns.
    per_recipient: dict[tuple[int | None, str], list[int]] = {}
    for contact in FeedbackContact.objects.filter(report__in=list(reports)).select_related("report", "user"):
        notification, is_new = Notification.objects.get_or_create(
            report=contact.report, kind=kind, subject_id=subject_id, defaults={"user": contact.user}
        )
        if is_new:
            created.append(notification)
            recipient = (contact.user_id, "" if contact.user_id else contact.email.lower())
            per_recipient.setdefault(recipient, []).append(notification.pk)
    for ids in per_recipient.values():
        transaction.on_commit(partial(send_notification_email.enqueue, ids))
    return created


# --- summaries ------------------------------------------------------------------------


def first_sentence(text: str, limit: int = 240) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def draft_summary(*, county: Any, title: str, period_start: date, period_end: date, by: Any,
                  phenomena: Sequence[Phenomenon] = (), municipalities: Sequence[Any] = (),
                  language: str = "", reports: Sequence[Report] | None = None, cases: Sequence[Any] = ()) -> Summary:  # fmt: skip
    """A draft in ``language`` (default: the active interface language) with a narrative, counts, themes and
    representative quotes filled in, every statement cited. ``reports`` narrows it to
    chosen reports (a case's); by default, every report of the scope."""
    from ilmio.knowledge.drafting import Scope, compose

    if period_end < period_start:
        raise LoopError("the period ends before it starts")
    languages = dict(settings.LANGUAGES)
    if language not in languages:  # the writer's interface language, else the site's
        language = active if (active := translation.get_language()) in languages else settings.LANGUAGE_CODE
    matching = Report.objects.filter(county=county, created_at__date__gte=period_start,
                                     created_at__date__lte=period_end).exclude(status__in=Report.WORKFLOW.with_flag("left_out"))  # fmt: skip
    if phenomena:
        matching = matching.filter(primary_phenomenon__in=phenomena)
    if municipalities:
        matching = matching.filter(municipalities__in=municipalities)
    if reports is not None:
        matching = matching.filter(pk__in=[r.pk for r in reports])
    chosen = list(matching.distinct().select_related("primary_phenomenon").prefetch_related("target_groups")
                  .order_by("created_at"))  # fmt: skip
    scope = Scope(county, period_start, period_end, tuple(phenomena), tuple(municipalities))
    draft = compose(scope, chosen, language)
    with transaction.atomic():
        summary = Summary.objects.create(county=county, title=title, period_start=period_start, period_end=period_end,
                                         created_by=by, language=language, narrative=draft.narrative)  # fmt: skip
        summary.phenomena.set(phenomena)
        summary.municipalities.set(municipalities)
        summary.cases.set(cases)
        for position, spec in enumerate(draft.statements):
            # Structure, not words: the statement is worded in the summary's language, with
            # the count the reader's audience may see (ilmio.knowledge.publishing).
            count = spec.count if spec.count is not None else len(spec.cited)
            statement = Statement.objects.create(summary=summary, position=position, kind=spec.kind, count=count,
                                                 phenomenon=spec.phenomenon, term=spec.term)  # fmt: skip
            statement.citations.set(spec.cited)
        for report, text in draft.quotes:
            Quote.objects.create(summary=summary, report=report, text=text)
        record_event(by, Event.SUMMARY_DRAFTED, obj=summary, ids=chosen, statements=len(draft.statements))
        record_revision(summary, SummaryRevision.Change.DRAFTED, by=by)
    return summary


def draft_summary_from_case(case: Any, *, by: Any, language: str = "") -> Summary:
    """A draft of one case (ilmiökortti): its reports, its phenomenon, the months they span."""
    from ilmio.analysis.access import case_reports

    reports = list(case_reports(by, case).order_by("created_at"))
    if not reports:
        raise LoopError(_("The case has no reports to summarise: add reports to it first."))
    first, last = timezone.localtime(reports[0].created_at).date(), timezone.localtime(reports[-1].created_at).date()
    start = first.replace(day=1)
    end = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)  # the last month's last day
    return draft_summary(county=case.county, title=case.title, period_start=start, period_end=end, by=by,
                         phenomena=[case.phenomenon] if case.phenomenon else [], language=language,
                         reports=reports, cases=[case])  # fmt: skip


def draft_summary_from_signal(*, county: Any, phenomenon: Phenomenon, municipality: Any, last_month: str, title: str,
                              by: Any, language: str = "") -> Summary:  # fmt: skip
    """A draft of an emerging signal: its phenomenon in its municipality over the signal's months."""
    from ilmio.analysis.services import signal_period

    start, end = signal_period(last_month)
    return draft_summary(county=county, title=title, period_start=start.date(), period_end=(end - timedelta(days=1)).date(),
                         by=by, phenomena=[phenomenon], municipalities=[municipality], language=language)  # fmt: skip


def _refuse_unless_editable(summary: Summary) -> None:
    if not summary.is_editable:
        raise LoopError(_("Only a draft can be changed. A summary waiting for approval can be returned for changes "
                          "by its approver; an approved one no longer changes."))  # fmt: skip


def citable_reports(user: Any, summary: Summary) -> QuerySet[Report]:
    """The reports ``user`` may cite in ``summary``: its county's that they may read (not
    the ones left out of the analysis)."""
    return (county_reports(user).filter(county=summary.county_id)
            .exclude(status__in=Report.WORKFLOW.with_flag("left_out")))  # fmt: skip


def search_citable(user: Any, summary: Summary, *, q: str = "", municipality: Any = None, phenomenon: Any = None,
                   date_from: date | None = None, date_to: date | None = None, case: Any = None) -> QuerySet[Report]:  # fmt: skip
    """The citation picker's search: citable reports with every word in the title or the
    description, of a municipality, a phenomenon, a date range or one of the user's cases."""
    from ilmio.analysis.access import case_reports

    reports = citable_reports(user, summary)
    for word in q.split()[:10]:
        reports = reports.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if municipality is not None:
        reports = reports.filter(municipalities=municipality)
    if phenomenon is not None:
        reports = reports.filter(Q(primary_phenomenon=phenomenon) | Q(phenomena=phenomenon))
    if date_from is not None:
        reports = reports.filter(created_at__date__gte=date_from)
    if date_to is not None:
        reports = reports.filter(created_at__date__lte=date_to)
    if case is not None:
        reports = reports.filter(pk__in=case_reports(user, case).values("pk"))
    return reports.distinct().order_by("-created_at", "-pk")


def reports_of_cell(user: Any, summary: Summary, municipality_code: str, phenomenon_code: str) -> QuerySet[Report]:
    """The reports a cell of the situational picture counts (municipality × primary
    phenomenon × the summary's period) that ``user`` may cite."""
    return (citable_reports(user, summary)
            .filter(in_statistics=True, statistics_municipality__code=municipality_code,
                    primary_phenomenon__code=phenomenon_code, created_at__date__gte=summary.period_start,
                    created_at__date__lte=summary.period_end)
            .order_by("-created_at", "-pk"))  # fmt: skip


def _cited(summary: Summary, reports: Iterable[Report], by: Any) -> list[Report]:
    """The reports of ``reports`` that may be cited: the summary's county's that ``by`` may
    read (without a user, as the system drafting, the county's)."""
    pks = {r.pk for r in reports}
    allowed = citable_reports(by, summary) if by is not None else Report.objects.filter(county=summary.county_id)
    return list(allowed.filter(pk__in=pks).order_by("created_at", "pk"))


def _no_citation() -> LoopError:
    return LoopError(_("A written statement needs at least one cited report: choose the reports it is based on."))


def _summary_changed(summary: Summary, *, by: Any, **codes: Any) -> None:
    """Record an edit of a draft: a revision, an audit event (ids and codes only), new PDFs."""
    revision = record_revision(summary, SummaryRevision.Change.EDITED, by=by)
    record_event(by, Event.SUMMARY_EDITED, obj=summary, revision=revision.number, **codes)
    queue_pdfs(summary)


def add_statement(summary: Summary, text: str, citations: Iterable[Report], *, by: Any = None) -> Statement:
    """A written statement citing at least one report of the summary's county."""
    _refuse_unless_editable(summary)
    text = text.strip()
    if not text:
        raise LoopError(_("Write the statement."))
    cited = _cited(summary, citations, by)
    if not cited:
        raise _no_citation()
    with transaction.atomic():
        statement = Statement.objects.create(summary=summary, kind=Statement.Kind.TEXT, text=text,
                                             position=summary.statements.count())  # fmt: skip
        statement.citations.set(cited)
        _summary_changed(summary, by=by, statement=statement.pk, added=True, ids=cited)
    return statement


def citable_findings(summary: Summary) -> QuerySet[Finding]:
    """Findings of the summary's county's published source documents on its phenomena
    (on any phenomenon when it names none), in its municipalities or the whole county."""
    phenomena = list(summary.phenomena.all()) or None
    codes = [m.code for m in summary.municipalities.all()] or None
    return published_findings([summary.county.code], phenomena, codes)


def cite_finding(summary: Summary, finding_id: Any, *, by: Any) -> Statement:
    """A statement quoting a published finding of another knowledge source."""
    _refuse_unless_editable(summary)
    finding = citable_findings(summary).filter(pk=finding_id).first() if is_id(finding_id) else None
    if finding is None:
        raise LoopError(_("Choose a finding of a published source document of the county."))
    if summary.statements.filter(kind=Statement.Kind.FINDING, finding=finding).exists():
        raise LoopError(_("The finding is already cited in the summary."))
    with transaction.atomic():
        statement = Statement.objects.create(summary=summary, kind=Statement.Kind.FINDING, finding=finding,
                                             position=summary.statements.count())  # fmt: skip
        _summary_changed(summary, by=by, statement=statement.pk, added=True, finding=finding.pk)
    return statement


SUMMARY_TEXT_FIELDS = ("title", "introduction", "narrative")


def edit_summary(summary: Summary, *, by: Any, title: str | None = None, introduction: str | None = None,
                 narrative: str | None = None) -> list[str]:  # fmt: skip
    """Change a draft's title, introduction or narrative (None: unchanged); returns the
    fields that really changed."""
    _refuse_unless_editable(summary)
    values = {"title": title, "introduction": introduction, "narrative": narrative}
    given = {name: value.strip() for name, value in values.items() if value is not None}
    if "title" in given and not given["title"]:
        raise LoopError(_("A summary needs a title."))
    changed = [name for name in SUMMARY_TEXT_FIELDS if name in given and given[name] != getattr(summary, name)]
    if changed:
        with transaction.atomic():
            for name in changed:
                setattr(summary, name, given[name])
            summary.save(update_fields=changed)
            _summary_changed(summary, by=by, fields=changed)
    return changed


def _refuse_generated(statement: Statement) -> None:
    # Generated statements are structure (a count, a phenomenon, a theme) worded for each
    # reader: their wording and citations follow the data, so they are deleted, not edited.
    if statement.kind != Statement.Kind.TEXT:
        raise LoopError(_("A generated statement cannot be edited: delete it, and write your own statement "
                          "if you want to say it differently."))  # fmt: skip


def edit_statement(statement: Statement, *, by: Any, text: str | None = None,
                   citations: Iterable[Report] | None = None) -> Statement:  # fmt: skip
    """Reword a written statement and/or replace its citations (None: unchanged)."""
    summary = statement.summary
    _refuse_unless_editable(summary)
    _refuse_generated(statement)
    new_text = text.strip() if text is not None else statement.text
    if not new_text:
        raise LoopError(_("Write the statement."))
    cited = _cited(summary, citations, by) if citations is not None else None
    if cited is not None and not cited:
        raise _no_citation()
    text_changed = new_text != statement.text
    cited_changed = cited is not None and {r.pk for r in cited} != set(statement.citations.values_list("pk", flat=True))
    if text_changed or cited_changed:
        with transaction.atomic():
            if text_changed:
                statement.text = new_text
                statement.save(update_fields=["text"])
            if cited is not None and cited_changed:
                statement.citations.set(cited)
            _summary_changed(summary, by=by, statement=statement.pk, text=text_changed, ids=cited or [])
    return statement


def set_citations(statement: Statement, reports: Iterable[Report], *, by: Any) -> Statement:
    """Replace a written statement's citations with those of ``reports`` that ``by`` may cite."""
    return edit_statement(statement, by=by, citations=reports)


def add_citations(statement: Statement, reports: Iterable[Report], *, by: Any) -> Statement:
    """Cite more reports in a written statement (keeping the ones it cites); none of
    ``reports`` citable is refused, not silently ignored."""
    _refuse_unless_editable(statement.summary)
    _refuse_generated(statement)
    new = _cited(statement.summary, reports, by)
    if not new:
        raise _no_citation()
    return set_citations(statement, [*statement.citations.all(), *new], by=by)


def delete_statement(statement: Statement, *, by: Any) -> None:
    """Remove a statement from a draft (a generated one too)."""
    summary = statement.summary
    _refuse_unless_editable(summary)
    with transaction.atomic():
        pk = statement.pk
        statement.delete()
        _summary_changed(summary, by=by, statement=pk, deleted=True)


def submit_summary(summary: Summary, *, by: Any) -> Summary:
    if not summary.can_submit:
        raise LoopError(_("Only a draft can be sent for approval."))
    with transaction.atomic():
        summary.set_status(Summary.WORKFLOW.named("on_submit"))
        revision = record_revision(summary, SummaryRevision.Change.SUBMITTED, by=by)
        record_event(by, Event.SUMMARY_SUBMITTED, obj=summary, revision=revision.number)
    return summary


def return_summary(summary: Summary, *, by: Any, comment: str) -> Summary:
    """Send a summary waiting for approval back to its writer as a draft, saying what to
    change (the comment is kept in its history). Nobody outside the county is told."""
    if not summary.can_return:
        raise LoopError(_("Only a summary waiting for approval can be returned for changes."))
    if not (comment or "").strip():
        raise LoopError(_("Write a comment: tell the writer what to change."))
    with transaction.atomic():
        summary.set_status(Summary.WORKFLOW.named("on_return"))
        revision = record_revision(summary, SummaryRevision.Change.RETURNED, by=by, comment=comment)
        record_event(by, Event.SUMMARY_RETURNED, obj=summary, revision=revision.number)
    return summary


def approve_summary(summary: Summary, *, by: Any) -> Summary:
    if not summary.can_approve:
        raise LoopError(_("This summary is already approved."))
    summary.approved_by, summary.approved_at = by, timezone.now()
    with transaction.atomic():
        summary.set_status(Summary.WORKFLOW.named("on_approve"), also=["approved_by", "approved_at"])
        revision = record_revision(summary, SummaryRevision.Change.APPROVED, by=by)
        record_event(by, Event.SUMMARY_APPROVED, obj=summary, revision=revision.number)
    queue_pdfs(summary)
    return summary


def queue_pdfs(summary: Summary) -> None:
    """Render the summary's PDFs in the background once this transaction commits."""
    from ilmio.knowledge.tasks import render_summary_pdfs

    transaction.on_commit(lambda: render_summary_pdfs.enqueue(summary.pk))


def publish_summary(summary: Summary, audience: str, *, by: Any) -> Summary:
    if not summary.can_publish:
        raise LoopError(_("A summary must be approved before it is published."))
    if audience not in Summary.Audience.values:
        raise LoopError(f"unknown audience {audience!r}")
    if audience != Summary.Audience.INTERNAL:
        from ilmio.knowledge.publishing import counts_in_text

        written = counts_in_text(summary)
        if written:
            # A number typed into free text would bypass the disclosure door.
            raise LoopError(_("Numbers written into the text (%(where)s) cannot be published beyond the county's "
                              "staff: use the count statements, or write the text without them.")
                            % {"where": ", ".join(written)})  # fmt: skip
    with transaction.atomic():
        summary.audience = audience
        summary.published_at = summary.published_at or timezone.now()
        summary.set_status(Summary.WORKFLOW.named("on_publish"), also=["audience", "published_at"])
        reports = list(summary_reports(summary))
        advance_reports(reports, Report.WORKFLOW.named("on_summary"), by=by, reason=f"summary {summary.pk}")
        notify_reporters(reports, Notification.Kind.IN_SUMMARY, summary.pk)
        queue_pdfs(summary)
        revision = record_revision(summary, SummaryRevision.Change.PUBLISHED, by=by)
        record_event(by, Event.SUMMARY_PUBLISHED, obj=summary, audience=audience, ids=reports, revision=revision.number)
    return summary


def approve_quote(quote: Quote, approved: bool, *, by: Any) -> Quote:
    quote.approved_for_public = approved
    with transaction.atomic():
        quote.save(update_fields=["approved_for_public"])
        record_event(by, Event.QUOTE_APPROVED, obj=quote, county=quote.summary.county_id, approved=approved,
                     summary=quote.summary_id)  # fmt: skip
    queue_pdfs(quote.summary)
    return quote


# --- proposals, decisions, actions --------------------------------------------------------


def create_proposal(*, county: Any, title: str, text: str, addressed_to: str, by: Any, addressed_to_name: str = "",
                    summary: Summary | None = None, case: Any = None, service_area: Any = None) -> Proposal:  # fmt: skip
    if addressed_to not in Proposal.Body.values:
        raise LoopError(f"unknown body {addressed_to!r}")
    with transaction.atomic():
        proposal = Proposal.objects.create(county=county, title=title, text=text, addressed_to=addressed_to,
                                           addressed_to_name=addressed_to_name, summary=summary, case=case,
                                           service_area=service_area, created_by=by)  # fmt: skip
        advance_reports(proposal_reports(proposal), Report.WORKFLOW.named("on_proposal"), by=by, reason=f"proposal {proposal.pk}")
        record_event(by, Event.PROPOSAL_CREATED, obj=proposal, addressed_to=addressed_to, summary=proposal.summary_id,
                     case=proposal.case_id)  # fmt: skip
    return proposal


def record_decision(proposal: Proposal, *, outcome: str, decided_on: date, body: str, by: Any,
                    rationale: str = "", owner: str = "", due_date: date | None = None) -> Decision:  # fmt: skip
    """Record a decision; an accepted (or partly accepted) proposal becomes an action."""
    if hasattr(proposal, "decision"):
        raise LoopError("this proposal already has a decision")
    if outcome not in Decision.Outcome.values:
        raise LoopError(f"unknown outcome {outcome!r}")
    with transaction.atomic():
        decision = Decision.objects.create(proposal=proposal, outcome=outcome, decided_on=decided_on, body=body,
                                           rationale=rationale, recorded_by=by)  # fmt: skip
        if outcome in (Decision.Outcome.ACCEPTED, Decision.Outcome.PARTLY):
            create_action(county=proposal.county, title=proposal.title, owner=owner or body,
                          proposal=proposal, due_date=due_date, by=by)  # fmt: skip
        notify_reporters(proposal_reports(proposal), Notification.Kind.DECISION, decision.pk)
        record_event(by, Event.DECISION_RECORDED, obj=decision, county=proposal.county_id, outcome=outcome,
                     proposal=proposal.pk)  # fmt: skip
    return decision


def create_action(*, county: Any, title: str, owner: str, proposal: Proposal | None = None,
                  parent: Action | None = None, due_date: date | None = None, description: str = "",
                  reference: str = "", by: Any = None) -> Action:  # fmt: skip
    if parent is not None and parent.county_id != county.pk:
        raise LoopError("a sub-action must belong to the same county")
    with transaction.atomic():
        action = Action.objects.create(county=county, title=title, owner=owner, proposal=proposal, parent=parent,
                                       due_date=due_date, description=description, reference=reference)  # fmt: skip
        if parent is not None:
            roll_up(parent)
        record_event(by, Event.ACTION_CREATED, obj=action, proposal=action.proposal_id, parent=action.parent_id)
    return action


EDITABLE_ACTION_FIELDS = ("title", "description", "owner", "due_date", "proposal", "reference")


def edit_action(action: Action, *, by: Any, **values: Any) -> list[str]:
    """Change an action's descriptive fields (not its status: see update_action); returns
    the fields that really changed, recorded in the audit trail."""
    unknown = set(values) - set(EDITABLE_ACTION_FIELDS)
    if unknown:
        raise LoopError(f"not editable: {', '.join(sorted(unknown))}")
    changed = [name for name, value in values.items() if getattr(action, name) != value]
    if changed:
        for name in changed:
            setattr(action, name, values[name])
        action.save(update_fields=[*changed, "updated_at"])
        record_event(by, Event.ACTION_UPDATED, obj=action, fields=changed)
    return changed


def roll_up(action: Action | None) -> None:
    """A parent's progress is the mean of its children's, up the tree (each action once:
    a parent cycle, which imports refuse, ends the walk instead of looping forever)."""
    seen: set[int] = set()
    while action is not None and action.pk not in seen:
        seen.add(action.pk)
        counted = action.children.exclude(status__in=Action.WORKFLOW.with_flag("not_counted"))
        children = list(counted.values_list("progress", flat=True))
        if children:
            progress = round(sum(children) / len(children))
            if progress != action.progress:
                action.progress = progress
                action.save(update_fields=["progress", "updated_at"])
        action = action.parent


def update_action(action: Action, *, status: str, by: Any, progress: int | None = None, note: str | None = None) -> Action:
    """Set an action's status and progress (0–100, with an optional note). Without a
    progress (or with the unchanged one), a status change sets the new status's default and
    an unchanged status keeps the progress set before. A parent with counted sub-actions always shows their mean:
    its own number would contradict the tree below it."""
    if status not in Action.WORKFLOW.codes:
        raise LoopError(_("Unknown status %(status)s.") % {"status": status})
    if progress is not None and not 0 <= progress <= 100:
        raise LoopError(_("Progress is a percentage from 0 to 100."))
    was_done = action.is_done
    from_status = action.status
    from_progress = action.progress
    if status != action.status and progress == action.progress:
        # The form shows the current number: sent back unchanged with a new status, it is
        # no choice of the user's, so the new status's default applies (done is 100 %).
        progress = None
    with transaction.atomic():
        if status != action.status:
            action.set_status(status)
            if progress is None:
                action.progress = action.default_progress
        if progress is not None:
            action.progress = progress
        if note is not None:
            action.progress_note = note.strip()
        action.completed_at = (action.completed_at or timezone.now()) if action.is_done else None
        action.save()
        roll_up(action)
        action.refresh_from_db(fields=["progress"])
        if action.is_done and not was_done:
            complete_action(action, by=by)
        record_event(by, Event.ACTION_UPDATED, obj=action, from_status=from_status, to_status=status,
                     from_progress=from_progress, progress=action.progress, noted=note is not None)  # fmt: skip
    return action


def complete_action(action: Action, *, by: Any) -> None:
    reports = list(proposal_reports(action.proposal)) if action.proposal is not None else []
    advance_reports(reports, Report.WORKFLOW.named("on_action_done"), by=by, reason=f"action {action.pk} done")
    notify_reporters(reports, Notification.Kind.ACTION_DONE, action.pk)
    due = (action.completed_at or timezone.now()) + FOLLOW_UP_AFTER
    for contact in FeedbackContact.objects.filter(report__in=reports):
        FollowUp.objects.get_or_create(report=contact.report, action=action, defaults={"due_at": due})


def add_milestone(action: Action, title: str, due_date: date | None = None) -> Milestone:
    return Milestone.objects.create(action=action, title=title, due_date=due_date)


def send_due_follow_ups(now: Any = None) -> int:
    """Ask reporters, four weeks after an action was done, whether things changed."""
    now = now or timezone.now()
    sent = 0
    for follow_up in FollowUp.objects.filter(sent_at=None, due_at__lte=now).select_related("report", "action"):
        notifications = notify_reporters([follow_up.report], Notification.Kind.FOLLOW_UP, follow_up.pk)
        follow_up.sent_at = now
        follow_up.save(update_fields=["sent_at"])
        sent += len(notifications)
    return sent


def answer_follow_up(token: str, answer: str, *, now: Any = None) -> FollowUp:
    """The reporter's answer: once, before the link expires (FollowUp.VALID_FOR)."""
    now = now or timezone.now()
    if answer not in FollowUp.Answer.values:
        raise LoopError(_("Choose one of the answers."))
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().filter(token=token).first() if token else None
        if follow_up is None:
            raise LoopError(_("The link is not valid."))
        refusal = follow_up.refusal(now)
        if refusal:
            raise LoopError(refusal)
        follow_up.answer, follow_up.answered_at = answer, now
        follow_up.save(update_fields=["answer", "answered_at"])
    return follow_up


def mark_notifications_read(user: Any) -> int:
    return Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())


def actions_needing_reminder(today: date | None = None) -> list[Action]:
    """Open actions due soon or overdue that have not had the reminder for that state yet:
    one while due soon (since the window opened), one once overdue (since the due date)."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=Action.DUE_SOON_DAYS)
    due = []
    for action in Action.objects.filter(status__in=Action.open_statuses(), due_date__lte=horizon).order_by("pk"):
        assert action.due_date is not None  # filtered above
        since = action.due_date if action.is_overdue(today) else action.due_date - timedelta(days=Action.DUE_SOON_DAYS)
        if action.reminded_on is None or action.reminded_on < since:
            due.append(action)
    return due


def send_action_reminders(today: date | None = None) -> int:
    """One reminder e-mail per manager of a county with actions due soon or overdue (the
    counts and a link only: titles and owners stay in the service). Returns the mails queued."""
    from ilmio.accounts.models import User
    from ilmio.knowledge.tasks import send_action_reminder_email

    today = today or timezone.localdate()
    by_county: dict[int, list[Action]] = {}
    for action in actions_needing_reminder(today):
        by_county.setdefault(action.county_id, []).append(action)
    queued = 0
    with transaction.atomic():
        for county_id, actions in by_county.items():
            overdue = sum(1 for a in actions if a.is_overdue(today))
            due_soon = len(actions) - overdue
            for user in User.objects.filter(county_id=county_id, is_active=True).exclude(email="").order_by("pk"):
                if has_capability(user, Capability.DECIDE):
                    transaction.on_commit(partial(send_action_reminder_email.enqueue, user.pk, overdue, due_soon))
                    queued += 1
            # Like the follow-up mails, a scheduled send is not a user's act: no audit event.
            Action.objects.filter(pk__in=[a.pk for a in actions]).update(reminded_on=today)
    return queued
