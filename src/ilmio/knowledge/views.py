from __future__ import annotations

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ilmio.areas.models import County
from ilmio.core.access import PUBLIC as PUBLIC_AUDIENCE
from ilmio.core.access import home_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.indicators.disclosure import tally
from ilmio.knowledge import access, services
from ilmio.knowledge.action_files import COLUMNS, LABELS, export_rows, import_rows, read_upload
from ilmio.knowledge.forms import (
    ActionChoiceForm,
    ActionImportForm,
    ActionUpdateForm,
    DecisionForm,
    FollowUpForm,
    ProposalForm,
    PublishForm,
    QuoteApprovalForm,
    StatementForm,
    SummaryForm,
)
from ilmio.knowledge.models import FollowUp, Summary
from ilmio.knowledge.publishing import as_markdown, audience_version
from ilmio.reports.access import county_reports
from ilmio.taxonomy.models import ServiceArea

UUID_RE = re.compile(r"[0-9a-fA-F-]{36}")


def get_summary(request: HttpRequest, pk: int) -> Summary:
    summary = access.summary_for(request.user, pk)
    if summary is None:
        raise Http404
    return summary


@requires(Capability.READ_FORWARDED)
def summary_list(request: HttpRequest) -> HttpResponse:
    form = None
    if has_capability(request.user, Capability.TRIAGE):
        form = SummaryForm(request.POST or None, county=home_county(request.user))
        if request.method == "POST" and form.is_valid():
            summary = services.draft_summary(county=home_county(request.user), by=request.user, **form.cleaned_data)
            messages.success(request, _("Draft created with counts, themes and quotes."))
            return redirect("knowledge:summary", pk=summary.pk)
    return render(request, "knowledge/summaries.html", {"summaries": access.summaries_for(request.user), "form": form})


def _add_statement(request: HttpRequest, summary: Summary, form: StatementForm) -> str:
    ids = UUID_RE.findall(form.cleaned_data["citations"])
    services.add_statement(summary, form.cleaned_data["text"], county_reports(request.user).filter(public_id__in=ids))
    return _("Statement added.")


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
    "submit": FormAction(_submit, capabilities=(Capability.TRIAGE,)),
    "approve": FormAction(_approve, capabilities=(Capability.APPROVE_SUMMARY,)),
    "publish": FormAction(_publish, PublishForm, capabilities=(Capability.APPROVE_SUMMARY,)),
    "quote": FormAction(_approve_quote, QuoteApprovalForm, capabilities=(Capability.APPROVE_SUMMARY,),
                        invalid=_lazy("The quote was not found.")),
    "proposal": FormAction(_propose, ProposalForm, capabilities=(Capability.TRIAGE, Capability.DECIDE),
                           invalid=_lazy("Give the proposal a title, text and addressee.")),
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
    return render(request, "knowledge/summary.html", {
        **version, "evidence": evidence, "statement_form": StatementForm(auto_id="statement_%s"),
        "publish_form": PublishForm(), "proposal_form": ProposalForm(),
        "may_edit": has_capability(user, Capability.TRIAGE),
        "may_approve": has_capability(user, Capability.APPROVE_SUMMARY),
        "can_read_reports": has_capability(user, Capability.READ_REPORT_TEXT),
        "proposals": summary.proposals.all(),
    })  # fmt: skip


def summary_file(summary: Summary, fmt: str, *, audience: str, request: HttpRequest) -> HttpResponse:
    """The summary as Markdown or PDF, in the version of the reader's audience."""
    if fmt == "md":
        response = HttpResponse(as_markdown(summary, audience), content_type="text/markdown; charset=utf-8")
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
    response["Content-Disposition"] = f'attachment; filename="ilmio-summary-{summary.pk}.{fmt}"'
    record_event(request.user, Event.SUMMARY_PDF_DOWNLOADED if fmt == "pdf" else Event.SUMMARY_EXPORTED,
                 obj=summary, format=fmt, audience=audience)
    return response


@requires(Capability.READ_FORWARDED)
def summary_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return summary_file(get_summary(request, pk), fmt, audience=access.reader_audience(request.user), request=request)


@requires(PUBLIC)
def public_summaries(request: HttpRequest) -> HttpResponse:
    summaries = access.public_summaries().select_related("county")
    return render(request, "knowledge/public_summaries.html", {"summaries": summaries})


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
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.answer_follow_up(token, form.cleaned_data["answer"])
        return render(request, "knowledge/follow_up.html", {"item": item, "thanks": True})
    return render(request, "knowledge/follow_up.html", {"item": item, "form": form})


@requires(Capability.VIEW_OWN_REPORTS)
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(access.notifications_for(request.user).select_related("report")[:100])
    services.mark_notifications_read(request.user)
    return render(request, "knowledge/notifications.html", {"items": items})
