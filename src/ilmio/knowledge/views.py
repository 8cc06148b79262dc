from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilmio.areas.models import County
from ilmio.core.access import PUBLIC as PUBLIC_AUDIENCE
from ilmio.core.access import home_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.formats import date_range
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.indicators.disclosure import tally
from ilmio.knowledge import access, revisions, services
from ilmio.knowledge.action_files import COLUMNS, LABELS, export_rows, import_rows, read_upload
from ilmio.knowledge.forms import (
    ActionChoiceForm,
    ActionImportForm,
    ActionUpdateForm,
    CellForm,
    CitationSearchForm,
    CiteForm,
    DecisionForm,
    FindingChoiceForm,
    FollowUpForm,
    ProposalForm,
    PublishForm,
    QuoteApprovalForm,
    ReturnForm,
    SelectionForm,
    StatementChoiceForm,
    StatementEditForm,
    StatementForm,
    SummaryForm,
    SummaryFromCaseForm,
    SummaryFromSignalForm,
    SummaryTextForm,
)
from ilmio.knowledge.models import FollowUp, Statement, Summary
from ilmio.knowledge.publishing import audience_version
from ilmio.reports.models import Report
from ilmio.taxonomy.models import ServiceArea


def get_summary(request: HttpRequest, pk: int) -> Summary:
    summary = access.summary_for(request.user, pk)
    if summary is None:
        raise Http404
    return summary


@requires(Capability.READ_FORWARDED)
def summary_list(request: HttpRequest) -> HttpResponse:
    form = None
    if has_capability(request.user, Capability.TRIAGE):
        started_from = request.POST.get("action") if request.method == "POST" else None
        if started_from == "from_case":
            return _summary_from_case(request)
        if started_from == "from_signal":
            return _summary_from_signal(request)
        form = SummaryForm(request.POST or None, county=home_county(request.user))
        if request.method == "POST" and form.is_valid():
            summary = services.draft_summary(county=home_county(request.user), by=request.user, **form.cleaned_data)
            messages.success(request, _("Draft created with a narrative, counts, themes and quotes."))
            return redirect("knowledge:summary", pk=summary.pk)
    return render(request, "knowledge/summaries.html", {"summaries": access.summaries_for(request.user), "form": form})


def _summary_from_case(request: HttpRequest) -> HttpResponse:
    from ilmio.analysis.access import case_for

    form = SummaryFromCaseForm(request.POST)
    case = case_for(request.user, form.data.get("case"))
    if case is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Choose the language of the summary."))
        return redirect("analysis:case", pk=case.pk)
    try:
        summary = services.draft_summary_from_case(case, by=request.user, language=form.cleaned_data["language"])
    except services.LoopError as error:
        messages.error(request, str(error))
        return redirect("analysis:case", pk=case.pk)
    messages.success(request, _("Draft created from the case with a narrative, counts, themes and quotes."))
    return redirect("knowledge:summary", pk=summary.pk)


def _summary_from_signal(request: HttpRequest) -> HttpResponse:
    from ilmio.analysis.services import signal_period

    county = home_county(request.user)
    form = SummaryFromSignalForm(request.POST, county=county)
    if not form.is_valid():
        messages.error(request, _("The signal could not be turned into a summary."))
        return redirect("/situation/")
    data = form.cleaned_data
    start, end = signal_period(data["last_month"])
    with translation.override(data["language"]):
        title = _("%(phenomenon)s in %(municipality)s, %(period)s") % {
            "phenomenon": data["phenomenon"].label, "municipality": data["municipality"].name,
            "period": date_range(start.date(), (end - timedelta(days=1)).date())}  # fmt: skip
    summary = services.draft_summary_from_signal(county=county, phenomenon=data["phenomenon"], municipality=data["municipality"],
                                                 last_month=data["last_month"], title=title, by=request.user,
                                                 language=data["language"])  # fmt: skip
    messages.success(request, _("Draft created from the signal with a narrative, counts, themes and quotes."))
    return redirect("knowledge:summary", pk=summary.pk)


def _chosen(request: HttpRequest, summary: Summary, ids: list[str]) -> QuerySet[Report]:
    """The chosen reports among those the user may cite in this summary (others are dropped)."""
    return services.citable_reports(request.user, summary).filter(public_id__in=ids)


def _statement(summary: Summary, form: StatementChoiceForm) -> Statement:
    statement = summary.statements.filter(pk=form.cleaned_data["statement"]).first()
    if statement is None:
        raise ValueError(_("The statement was not found."))
    return statement


def _add_statement(request: HttpRequest, summary: Summary, form: StatementForm) -> str:
    services.add_statement(summary, form.cleaned_data["text"], _chosen(request, summary, form.cleaned_data["citations"]),
                           by=request.user)  # fmt: skip
    return _("Statement added.")


def _cite(request: HttpRequest, summary: Summary, form: CiteForm) -> str:
    services.add_citations(_statement(summary, form), _chosen(request, summary, form.cleaned_data["citations"]),
                           by=request.user)  # fmt: skip
    return _("The reports are cited in the statement.")


def _cite_finding(request: HttpRequest, summary: Summary, form: FindingChoiceForm) -> str:
    services.cite_finding(summary, form.cleaned_data["finding"], by=request.user)
    return _("The finding is cited in the summary.")


def _edit_statement(request: HttpRequest, summary: Summary, form: StatementEditForm) -> str:
    services.edit_statement(_statement(summary, form), by=request.user, text=form.cleaned_data["text"],
                            citations=_chosen(request, summary, form.cleaned_data["citations"]))  # fmt: skip
    return _("Statement saved.")


def _delete_statement(request: HttpRequest, summary: Summary, form: StatementChoiceForm) -> str:
    services.delete_statement(_statement(summary, form), by=request.user)
    return _("Statement deleted.")


def _edit_summary(request: HttpRequest, summary: Summary, form: SummaryTextForm) -> str:
    changed = services.edit_summary(summary, by=request.user, **form.cleaned_data)
    return _("Changes saved.") if changed else _("Nothing was changed.")


def _select(request: HttpRequest, summary: Summary, form: SelectionForm) -> HttpResponse:
    """Reports selected in the triage queue, shown checked in the summary's citation picker."""
    ids = [str(i) for i in _chosen(request, summary, form.cleaned_data["reports"]).values_list("public_id", flat=True)]
    query = urlencode({"selected": ids}, doseq=True)
    return redirect(f"{reverse('knowledge:summary', args=[summary.pk])}?{query}#cite")


def _return(request: HttpRequest, summary: Summary, form: ReturnForm) -> str:
    services.return_summary(summary, by=request.user, comment=form.cleaned_data["comment"])
    return _("Returned to the writer for changes.")


def _submit(request: HttpRequest, summary: Summary, form: None) -> str:
    services.submit_summary(summary, by=request.user)
    return _("Sent for approval.")


def _approve(request: HttpRequest, summary: Summary, form: None) -> str:
    services.approve_summary(summary, by=request.user)
    return _("Summary approved.")


def _publish(request: HttpRequest, summary: Summary, form: PublishForm) -> str:
    services.publish_summary(summary, form.cleaned_data["audience"], by=request.user)
    return _("Published: %(audience)s.") % {"audience": summary.get_audience_display()}


def _approve_quote(request: HttpRequest, summary: Summary, form: QuoteApprovalForm) -> str:
    quote = access.quote_for(summary, form.cleaned_data["quote"])
    if quote is None:
        raise ValueError(_("The quote was not found."))
    services.approve_quote(quote, form.cleaned_data["approved"], by=request.user)
    if form.cleaned_data["approved"]:
        return _("The quote is shown in the public version.")
    return _("The quote is no longer shown in the public version.")


def _propose(request: HttpRequest, summary: Summary, form: ProposalForm) -> HttpResponse:
    proposal = services.create_proposal(county=summary.county, summary=summary, by=request.user, **form.cleaned_data)
    messages.success(request, _("Proposal created."))
    return redirect("knowledge:proposal", pk=proposal.pk)


# The summary page's forms: who may use each, its form, its one write function.
SUMMARY_ACTIONS = {
    "statement": FormAction(_add_statement, StatementForm, capabilities=(Capability.TRIAGE,)),
    "cite": FormAction(_cite, CiteForm, capabilities=(Capability.TRIAGE,)),
    "cite_finding": FormAction(_cite_finding, FindingChoiceForm, capabilities=(Capability.TRIAGE,),
                               invalid=gettext_lazy("Choose a finding of a published source document of the county.")),
    "edit_statement": FormAction(_edit_statement, StatementEditForm, capabilities=(Capability.TRIAGE,)),
    "delete_statement": FormAction(_delete_statement, StatementChoiceForm, capabilities=(Capability.TRIAGE,),
                                   invalid=gettext_lazy("The statement was not found.")),
    "edit": FormAction(_edit_summary, SummaryTextForm, capabilities=(Capability.TRIAGE,)),
    "select": FormAction(_select, SelectionForm, capabilities=(Capability.TRIAGE,)),
    "return": FormAction(_return, ReturnForm, capabilities=(Capability.APPROVE_SUMMARY,)),
    "submit": FormAction(_submit, capabilities=(Capability.TRIAGE,)),
    "approve": FormAction(_approve, capabilities=(Capability.APPROVE_SUMMARY,)),
    "publish": FormAction(_publish, PublishForm, capabilities=(Capability.APPROVE_SUMMARY,)),
    "quote": FormAction(_approve_quote, QuoteApprovalForm, capabilities=(Capability.APPROVE_SUMMARY,),
                        invalid=gettext_lazy("The quote was not found.")),
    "proposal": FormAction(_propose, ProposalForm, capabilities=(Capability.TRIAGE, Capability.DECIDE),
                           invalid=gettext_lazy("Give the proposal a title, text and addressee.")),
}  # fmt: skip


@requires(Capability.READ_FORWARDED)
def summary_detail(request: HttpRequest, pk: int) -> HttpResponse:
    summary = get_summary(request, pk)
    user = request.user
    if request.method == "POST":
        done = dispatch(request, summary, SUMMARY_ACTIONS, success=lambda: redirect("knowledge:summary", pk=summary.pk))
        return done.response or redirect("knowledge:summary", pk=summary.pk)
    audience = access.reader_audience(user)
    record_event(user, Event.SUMMARY_VIEWED, obj=summary, ids=services.summary_reports(summary).values_list("public_id", flat=True))
    # The statement and proposal forms both have a "text": the statement's ids are its own.
    version = audience_version(summary, audience)
    # Each statement with the cited reports this reader may read (title, area, date).
    evidence = [(shown, list(access.cited_reports_for(user, shown.statement)) if shown.citations else [])
                for shown in version["statements"]]  # fmt: skip
    may_edit = has_capability(user, Capability.TRIAGE)
    # The citation picker needs report texts; the history and reviews are the county staff's.
    may_cite = may_edit and summary.is_editable and has_capability(user, Capability.READ_REPORT_TEXT)
    internal = access.sees_internal_version(user)
    return render(request, "knowledge/summary.html", {
        **version, "evidence": evidence, "publish_form": PublishForm(), "proposal_form": ProposalForm(),
        "may_edit": may_edit, "may_cite": may_cite, "text_kind": Statement.Kind.TEXT,
        "may_approve": has_capability(user, Capability.APPROVE_SUMMARY),
        "can_read_reports": has_capability(user, Capability.READ_REPORT_TEXT),
        "proposals": summary.proposals.all(),
        "text_form": SummaryTextForm(initial={"title": summary.title, "introduction": summary.introduction,
                                              "narrative": summary.narrative}, auto_id="edit_%s"),
        "return_form": ReturnForm(auto_id="return_%s"),
        **(_picker(request, summary) if may_cite else {}),
        "citable_findings": list(services.citable_findings(summary)[:PICKER_LIMIT]) if may_cite else [],
        **(_history(summary) if internal else {}),
    })  # fmt: skip


PICKER_LIMIT = 50
# The citation picker's search form's fields (any of them in the query: a search).
SEARCH_KEYS = frozenset(CitationSearchForm.base_fields)


def _picker(request: HttpRequest, summary: Summary) -> dict[str, Any]:
    """The citation picker: reports found by a search, a case, a cell of the situational
    picture or a selection in the triage queue — only those the user may cite here."""
    from ilmio.analysis.access import cases_for

    user = request.user
    search = CitationSearchForm(request.GET if SEARCH_KEYS & set(request.GET) else None, county=summary.county,
                                cases=cases_for(user), auto_id="pick_%s")  # fmt: skip
    cell = CellForm(request.GET if "cell-municipality" in request.GET else None, county=summary.county, prefix="cell",
                    auto_id="cell_%s")  # fmt: skip
    found: list[Report] = []
    if cell.is_bound and cell.is_valid():
        found = list(services.reports_of_cell(user, summary, cell.cleaned_data["municipality"].code,
                                              cell.cleaned_data["phenomenon"].code)[: PICKER_LIMIT + 1])  # fmt: skip
    elif search.searching:
        found = list(services.search_citable(user, summary, **search.cleaned_data)[: PICKER_LIMIT + 1])
    selection = SelectionForm({"reports": request.GET.getlist("selected")})
    selected = list(_chosen(request, summary, selection.cleaned_data["reports"])) if selection.is_valid() else []
    chosen = {r.pk for r in selected}
    shown = [(r, True) for r in selected] + [(r, False) for r in found[:PICKER_LIMIT] if r.pk not in chosen]
    prefetch_related_objects([r for r, _checked in shown], "municipalities")
    if shown:
        record_event(user, Event.REPORTS_LISTED, ids=[r for r, _checked in shown], view="citation_picker")
    return {"search_form": search, "cell_form": cell, "picked": shown, "more_found": len(found) > PICKER_LIMIT,
            "limit": PICKER_LIMIT,
            "searched": search.searching or cell.is_bound, "picker_open": bool(shown) or search.is_bound or cell.is_bound,
            "written_statements": summary.statements.filter(kind=Statement.Kind.TEXT)}  # fmt: skip


def _history(summary: Summary) -> dict[str, Any]:
    """The summary's revisions, the return not yet answered, and what changed since the last review."""
    baseline = revisions.review_baseline(summary)
    return {"revisions": summary.revisions.select_related("by").order_by("-number"),
            "returned": revisions.last_return(summary) if summary.is_editable else None,
            "review_baseline": baseline,
            "changes": revisions.diff(baseline, revisions.snapshot(summary)) if baseline is not None else []}  # fmt: skip


def summary_file(summary: Summary, fmt: str, *, audience: str, request: HttpRequest) -> HttpResponse:
    """The summary as Markdown, PDF, DOCX, a blog draft or a media-release draft, in the
    version of the reader's audience and the summary's language."""
    from ilmio.knowledge import documents

    texts = {"md": documents.as_markdown, "blog.md": documents.blog_draft, "release": documents.release_draft}
    extension = {"release": "release.md"}.get(fmt, fmt)
    if fmt in texts:
        response = HttpResponse(texts[fmt](documents.summary_document(summary, audience)),
                                content_type="text/markdown; charset=utf-8")  # fmt: skip
    elif fmt == "docx":
        response = HttpResponse(documents.as_docx(documents.summary_document(summary, audience)),
                                content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    elif fmt == "pdf":
        field = summary.pdf_field(audience)
        if not field:
            # Rendering is background work: queue it and ask the reader to come back.
            from ilmio.knowledge.tasks import render_summary_pdfs

            render_summary_pdfs.enqueue(summary.pk)
            summary.refresh_from_db()
            field = summary.pdf_field(audience)
        if not field:
            return render(request, "core/error.html", {"title": _("The PDF is being prepared"),
                          "message": _("Reload the page in a minute to download it.")}, status=202)  # fmt: skip
        with field.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="ilmio-summary-{summary.pk}.{extension}"'
    record_event(request.user, Event.SUMMARY_PDF_DOWNLOADED if fmt == "pdf" else Event.SUMMARY_EXPORTED,
                 obj=summary, format=fmt, audience=audience)
    return response


@requires(Capability.READ_FORWARDED)
def summary_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return summary_file(get_summary(request, pk), fmt, audience=access.reader_audience(request.user), request=request)


def public_summary_object(pk: int) -> Summary:
    summary = access.public_summary(pk)
    if summary is None:
        raise Http404
    return summary


@requires(PUBLIC)
def public_summary(request: HttpRequest, pk: int) -> HttpResponse:
    summary = public_summary_object(pk)
    return render(request, "knowledge/public_summary.html", audience_version(summary, PUBLIC_AUDIENCE))


@requires(PUBLIC)
def public_summary_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return summary_file(public_summary_object(pk), fmt, audience=PUBLIC_AUDIENCE, request=request)


@requires(Capability.READ_FORWARDED)
def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = access.proposals_for(request.user).select_related("decision", "summary")
    return render(request, "knowledge/proposals.html", {"proposals": proposals})


@requires(Capability.READ_FORWARDED)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.proposal_for(request.user, pk)
    if proposal is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not has_capability(request.user, Capability.DECIDE):
            messages.error(request, _("You cannot do that."))
        elif form.is_valid():
            try:
                services.record_decision(proposal, by=request.user, **form.cleaned_data)
                messages.success(request, _("Decision recorded."))
                return redirect("knowledge:proposal", pk=proposal.pk)
            except services.LoopError as error:
                messages.error(request, str(error))
    return render(request, "knowledge/proposal.html", {
        "proposal": proposal, "form": form, "can_decide": has_capability(request.user, Capability.DECIDE),
        "decision": getattr(proposal, "decision", None), "actions": proposal.actions.all()})  # fmt: skip


@requires(Capability.READ_FORWARDED)
def action_list(request: HttpRequest) -> HttpResponse:
    county_actions = access.actions_for(request.user).prefetch_related("milestones", "children")
    can_decide = has_capability(request.user, Capability.DECIDE)
    import_form = ActionImportForm()
    if request.method == "POST" and not can_decide:
        messages.error(request, _("You cannot do that."))  # a refusal, not a silent reload
    elif request.method == "POST":
        if request.POST.get("action") == "update":
            choice = ActionChoiceForm(request.POST)
            target = access.action_for(request.user, choice.cleaned_data["pk"]) if choice.is_valid() else None
            if choice.is_valid() and target is None:
                raise Http404  # another county's action, or none at all
            form = ActionUpdateForm(request.POST)
            if target is not None and form.is_valid():
                services.update_action(target, by=request.user, **form.cleaned_data)
                messages.success(request, _("Action updated."))
            else:
                messages.error(request, _("Choose a status and a progress from 0 to 100."))
            return redirect("knowledge:actions")
        import_form = ActionImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            try:
                created, updated = import_rows(home_county(request.user), read_upload(upload.name, upload.read()), by=request.user)
                messages.success(request, _("Imported: %(created)d new, %(updated)d updated.") % {
                    "created": created, "updated": updated})  # fmt: skip
                return redirect("knowledge:actions")
            except services.LoopError as error:
                messages.error(request, str(error))
    return render(request, "knowledge/actions.html", {
        "actions": county_actions.filter(parent=None), "rows": access.as_tree(county_actions), "can_decide": can_decide,
        "import_form": import_form, "update_form": ActionUpdateForm()})  # fmt: skip


@requires(Capability.READ_FORWARDED)
def action_export(request: HttpRequest, fmt: str) -> HttpResponse:
    from ilmio.core.tables import table_download

    response = table_download(export_rows(access.actions_for(request.user)), COLUMNS, fmt, "ilmio-actions",
                              title="Actions", labels=LABELS)  # fmt: skip
    if response is None:
        raise Http404
    record_event(request.user, Event.ACTIONS_EXPORTED, format=fmt)
    return response


@requires(PUBLIC)
def outcomes(request: HttpRequest, county_code: str) -> HttpResponse:
    """What came of our reports: public summaries, decisions and actions of a county."""
    county = County.objects.filter(code=county_code).first()
    if county is None:
        raise Http404
    service_area = request.GET.get("service_area", "")
    proposals = access.public_proposals(county).exclude(decision=None).select_related("decision", "service_area")
    if service_area:
        proposals = proposals.filter(service_area__code=service_area)
    action_items = access.public_actions(county).filter(proposal__in=proposals, parent=None)
    shown, total = tally(access.public_follow_up_answer_counts(county))
    return render(request, "knowledge/outcomes.html", {
        "county": county, "summaries": access.public_summaries(county),
        "proposals": proposals, "actions": action_items, "tally": shown, "answers": total,
        "answer_labels": dict(FollowUp.Answer.choices), "service_area": service_area,
        "service_areas": ServiceArea.objects.filter(active=True)})  # fmt: skip


@requires(PUBLIC)
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    item = access.follow_up_by_token(token)
    if item is None:
        raise Http404
    refusal = item.refusal(timezone.now())
    if refusal:  # answered already, or expired: nothing to fill in, nothing changes
        return render(request, "knowledge/follow_up.html", {"item": item, "refusal": refusal})
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_follow_up(token, form.cleaned_data["answer"])
        except services.LoopError as error:
            return render(request, "knowledge/follow_up.html", {"item": item, "refusal": str(error)})
        return render(request, "knowledge/follow_up.html", {"item": item, "thanks": True})
    return render(request, "knowledge/follow_up.html", {"item": item, "form": form})


@requires(Capability.VIEW_OWN_REPORTS)
def notifications(request: HttpRequest) -> HttpResponse:
    from django.core.paginator import Paginator

    from ilmio.knowledge.notices import describe, notification_groups

    page = Paginator(notification_groups(request.user), 25).get_page(request.GET.get("page"))
    groups = describe(access.notifications_for(request.user), list(page))
    # Shown now: read from here on (what was new stays marked on this rendering).
    services.mark_notifications_read(request.user)
    return render(request, "knowledge/notifications.html", {"groups": groups, "page": page})
