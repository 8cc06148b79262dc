from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ilmio.areas.models import County
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.knowledge import actions
from ilmio.knowledge.actions_io import COLUMNS, export_rows, import_rows, read_upload
from ilmio.knowledge.forms import (
    ActionImportForm,
    ActionUpdateForm,
    DecisionForm,
    FollowUpForm,
    ProposalForm,
    PublishForm,
    StatementForm,
    SummaryForm,
)
from ilmio.knowledge.models import Action, FollowUp, Notification, Proposal, Quote, Summary
from ilmio.knowledge.publishing import as_markdown, public_quotes, public_statements
from ilmio.reports.models import Report
from ilmio.taxonomy.models import ServiceArea

UUID_RE = re.compile(r"[0-9a-fA-F-]{36}")


def summaries_for(user: Any) -> Any:
    summaries = Summary.objects.filter(county_id=user.county_id)
    if not has_capability(user, Capability.TRIAGE) and not has_capability(user, Capability.APPROVE_SUMMARY):
        # Decision-makers see only what is published to them.
        summaries = summaries.filter(status=Summary.Status.PUBLISHED, audience__in=["decision_makers", "public"])
    return summaries


def get_summary(request: HttpRequest, pk: int) -> Summary:
    summary = summaries_for(request.user).filter(pk=pk).first()
    if summary is None:
        raise Http404
    return summary


@requires(Capability.READ_FORWARDED)
def summary_list(request: HttpRequest) -> HttpResponse:
    form = None
    if has_capability(request.user, Capability.TRIAGE):
        form = SummaryForm(request.POST or None, county=request.user.county)
        if request.method == "POST" and form.is_valid():
            summary = actions.draft_summary(county=request.user.county, by=request.user, **form.cleaned_data)
            messages.success(request, _("Draft created with counts, themes and quotes."))
            return redirect("knowledge:summary", pk=summary.pk)
    return render(request, "knowledge/summaries.html", {"summaries": summaries_for(request.user), "form": form})


@requires(Capability.READ_FORWARDED)
def summary_detail(request: HttpRequest, pk: int) -> HttpResponse:
    summary = get_summary(request, pk)
    user = request.user
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "statement" and has_capability(user, Capability.TRIAGE):
                form = StatementForm(request.POST)
                if form.is_valid():
                    ids = UUID_RE.findall(form.cleaned_data["citations"])
                    cited = Report.objects.filter(county=summary.county, public_id__in=ids)
                    actions.add_statement(summary, form.cleaned_data["text"], cited)
            elif action == "submit" and has_capability(user, Capability.TRIAGE):
                actions.submit_summary(summary, by=user)
            elif action == "approve" and has_capability(user, Capability.APPROVE_SUMMARY):
                actions.approve_summary(summary, by=user)
            elif action == "publish" and has_capability(user, Capability.APPROVE_SUMMARY):
                form = PublishForm(request.POST)
                if form.is_valid():
                    actions.publish_summary(summary, form.cleaned_data["audience"], by=user)
            elif action == "quote" and has_capability(user, Capability.APPROVE_SUMMARY):
                quote = Quote.objects.filter(summary=summary, pk=request.POST.get("quote") or 0).first()
                if quote is not None:
                    actions.approve_quote(quote, request.POST.get("approved") == "1", by=user)
            elif action == "proposal" and (has_capability(user, Capability.TRIAGE) or has_capability(user, Capability.DECIDE)):
                form = ProposalForm(request.POST)
                if form.is_valid():
                    proposal = actions.create_proposal(county=summary.county, summary=summary, by=user, **form.cleaned_data)
                    return redirect("knowledge:proposal", pk=proposal.pk)
                messages.error(request, _("Give the proposal a title, text and addressee."))
            else:
                messages.error(request, _("You cannot do that."))
            return redirect("knowledge:summary", pk=summary.pk)
        except actions.LoopError as error:
            messages.error(request, str(error))
            return redirect("knowledge:summary", pk=summary.pk)
    return render(request, "knowledge/summary.html", {
        "summary": summary, "statements": summary.statements.prefetch_related("citations"),
        "quotes": summary.quotes.select_related("report"), "statement_form": StatementForm(),
        "publish_form": PublishForm(), "proposal_form": ProposalForm(),
        "can_edit": has_capability(user, Capability.TRIAGE),
        "can_approve": has_capability(user, Capability.APPROVE_SUMMARY),
        "can_read_reports": has_capability(user, Capability.READ_REPORT_TEXT),
        "proposals": summary.proposals.all(),
    })  # fmt: skip


def summary_file(summary: Summary, fmt: str, *, public: bool, request: HttpRequest) -> HttpResponse:
    if fmt == "md":
        response = HttpResponse(as_markdown(summary, public=public), content_type="text/markdown; charset=utf-8")
    elif fmt == "pdf":
        field = summary.pdf_public if public else summary.pdf_internal
        if not field:
            # Rendering is background work: queue it and ask the reader to come back.
            from ilmio.knowledge.tasks import render_summary_pdfs

            render_summary_pdfs.enqueue(summary.pk)
            summary.refresh_from_db()
            field = summary.pdf_public if public else summary.pdf_internal
        if not field:
            return render(request, "core/error.html", {"title": _("The PDF is being prepared"),
                          "message": _("Reload the page in a minute to download it.")}, status=202)  # fmt: skip
        with field.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="ilmio-summary-{summary.pk}.{fmt}"'
    return response


@requires(Capability.READ_FORWARDED)
def summary_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return summary_file(get_summary(request, pk), fmt, public=False, request=request)


@requires(PUBLIC)
def public_summaries(request: HttpRequest) -> HttpResponse:
    summaries = Summary.objects.filter(status=Summary.Status.PUBLISHED, audience="public").select_related("county")
    return render(request, "knowledge/public_summaries.html", {"summaries": summaries})


def public_summary_object(pk: int) -> Summary:
    summary = Summary.objects.filter(pk=pk, status=Summary.Status.PUBLISHED, audience="public").first()
    if summary is None:
        raise Http404
    return summary


@requires(PUBLIC)
def public_summary(request: HttpRequest, pk: int) -> HttpResponse:
    summary = public_summary_object(pk)
    return render(request, "knowledge/public_summary.html", {
        "summary": summary, "statements": public_statements(summary), "quotes": public_quotes(summary)})  # fmt: skip


@requires(PUBLIC)
def public_summary_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return summary_file(public_summary_object(pk), fmt, public=True, request=request)


@requires(Capability.READ_FORWARDED)
def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = Proposal.objects.filter(county_id=request.user.county_id).select_related("decision", "summary")
    return render(request, "knowledge/proposals.html", {"proposals": proposals})


@requires(Capability.READ_FORWARDED)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = Proposal.objects.filter(county_id=request.user.county_id, pk=pk).select_related("summary").first()
    if proposal is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not has_capability(request.user, Capability.DECIDE):
            messages.error(request, _("You cannot do that."))
        elif form.is_valid():
            try:
                actions.record_decision(proposal, by=request.user, **form.cleaned_data)
                messages.success(request, _("Decision recorded."))
                return redirect("knowledge:proposal", pk=proposal.pk)
            except actions.LoopError as error:
                messages.error(request, str(error))
    return render(request, "knowledge/proposal.html", {
        "proposal": proposal, "form": form, "can_decide": has_capability(request.user, Capability.DECIDE),
        "decision": getattr(proposal, "decision", None), "actions": proposal.actions.all()})  # fmt: skip


@requires(Capability.READ_FORWARDED)
def action_list(request: HttpRequest) -> HttpResponse:
    county_actions = Action.objects.filter(county_id=request.user.county_id).prefetch_related("milestones")
    can_decide = has_capability(request.user, Capability.DECIDE)
    import_form = ActionImportForm()
    if request.method == "POST" and can_decide:
        if request.POST.get("action") == "update":
            target = county_actions.filter(pk=request.POST.get("pk") or 0).first()
            form = ActionUpdateForm(request.POST)
            if target is not None and form.is_valid():
                actions.update_action(target, by=request.user, **form.cleaned_data)
                messages.success(request, _("Action updated."))
            else:
                messages.error(request, _("Choose a status and a progress from 0 to 100."))
            return redirect("knowledge:actions")
        import_form = ActionImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            try:
                created, updated = import_rows(request.user.county, read_upload(upload.name, upload.read()))
                messages.success(request, _("Imported: %(created)d new, %(updated)d updated.") % {
                    "created": created, "updated": updated})  # fmt: skip
                return redirect("knowledge:actions")
            except actions.LoopError as error:
                messages.error(request, str(error))
    return render(request, "knowledge/actions.html", {
        "actions": county_actions.filter(parent=None), "all_actions": county_actions, "can_decide": can_decide,
        "import_form": import_form, "update_form": ActionUpdateForm()})  # fmt: skip


@requires(Capability.READ_FORWARDED)
def action_export(request: HttpRequest, fmt: str) -> HttpResponse:
    from ilmio.indicators.export import table_download

    response = table_download(export_rows(request.user.county), COLUMNS, fmt, "ilmio-actions", title="Actions")
    if response is None:
        raise Http404
    return response


@requires(PUBLIC)
def outcomes(request: HttpRequest, county_code: str) -> HttpResponse:
    """What came of our reports: public summaries, decisions and actions of a county."""
    county = County.objects.filter(code=county_code).first()
    if county is None:
        raise Http404
    service_area = request.GET.get("service_area", "")
    proposals = Proposal.objects.filter(county=county).exclude(decision=None).select_related("decision", "service_area")
    if service_area:
        proposals = proposals.filter(service_area__code=service_area)
    action_items = Action.objects.filter(county=county, proposal__in=proposals, parent=None)
    answers = FollowUp.objects.filter(action__county=county).exclude(answer="")
    tally = {choice: answers.filter(answer=choice).count() for choice, _label in FollowUp.Answer.choices}
    return render(request, "knowledge/outcomes.html", {
        "county": county, "summaries": Summary.objects.filter(county=county, status="published", audience="public"),
        "proposals": proposals, "actions": action_items, "tally": tally, "answers": sum(tally.values()),
        "answer_labels": dict(FollowUp.Answer.choices), "service_area": service_area,
        "service_areas": ServiceArea.objects.filter(active=True)})  # fmt: skip


@requires(PUBLIC)
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    item = FollowUp.objects.filter(token=token).select_related("action").first()
    if item is None:
        raise Http404
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.answer_follow_up(token, form.cleaned_data["answer"])
        return render(request, "knowledge/follow_up.html", {"item": item, "thanks": True})
    return render(request, "knowledge/follow_up.html", {"item": item, "form": form})


@requires(Capability.VIEW_OWN_REPORTS)
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=request.user).select_related("report")[:100])
    actions.mark_notifications_read(request.user)
    return render(request, "knowledge/notifications.html", {"items": items})
