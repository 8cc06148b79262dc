"""Pages of source documents: the county's list with the upload form, one document with its
findings (POST action=add_finding|edit_finding|delete_finding|publish), the file download;
the counts of client feedback, reminders and complaints, and their import (the shared
table-import views, ilmio.reports.import_views, with the feedback importer)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import Capability, requires
from ilmio.reports import import_views
from ilmio.sources import services
from ilmio.sources.access import (
    document_for,
    feedback_for,
    file_for,
    finding_of,
    is_county_staff,
    may_write,
    municipalities_for,
    writable_document,
)
from ilmio.sources.feedback import FEEDBACK
from ilmio.sources.feedback_counts import complete_year_window, tables
from ilmio.sources.files import CONTENT_TYPES
from ilmio.sources.forms import DocumentForm, EditFindingForm, FindingForm, ItemForm, SearchForm
from ilmio.sources.models import FeedbackItem, SourceDocument
from ilmio.sources.search import (
    FINDINGS_SHOWN,
    documents_matching,
    feedback_matching,
    findings_matching,
)
from ilmio.taxonomy.models import Phenomenon, TargetGroup


@requires(Capability.READ_FORWARDED)
@sensitive_post_parameters("title", "summary", "author_organisation")
def document_list(request: HttpRequest) -> HttpResponse:
    writer = may_write(request.user)
    form = None
    if writer:
        language = (get_language() or "fi")[:2]
        form = DocumentForm(request.POST or None, request.FILES or None, user=request.user,
                            initial={"language": language})  # fmt: skip
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services.save_document(
                    by=request.user, kind=data["kind"], title=data["title"], year=data["year"],
                    author_organisation=data.get("author_organisation") or "", summary=data.get("summary") or "",
                    municipalities=data.get("municipalities") or [], upload=data["file"], language=data["language"],
                )  # fmt: skip
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The document was saved. Add its findings below."))
                return redirect("sources:detail", pk=document.pk)
    search = SearchForm(request.GET, kinds=SourceDocument.Kind.choices, auto_id="search_%s")
    query = search.query()
    page = Paginator(documents_matching(request.user, query), 25).get_page(request.GET.get("page"))
    findings = list(findings_matching(request.user, query)[:FINDINGS_SHOWN])
    return render(request, "sources/list.html", {"page": page, "form": form, "feedback": is_county_staff(request.user),
                                                 "search": search, "query": query, "findings": findings})  # fmt: skip


def _links(form: Any) -> dict[str, Any]:
    data = form.cleaned_data
    return {"phenomena": data.get("phenomena") or [], "target_groups": data.get("target_groups") or [],
            "municipalities": data.get("municipalities") or []}  # fmt: skip


def _add(request: HttpRequest, document: SourceDocument, form: FindingForm) -> str:
    services.add_finding(document, form.cleaned_data["text"], by=request.user, **_links(form))
    return _("The finding was added.")


def _edit(request: HttpRequest, document: SourceDocument, form: EditFindingForm) -> str:
    finding = finding_of(request.user, document, form.cleaned_data["item"])
    if finding is None:
        raise ValueError(_("No such finding."))
    services.edit_finding(finding, form.cleaned_data["text"], by=request.user, **_links(form))
    return _("The finding was saved.")


def _delete(request: HttpRequest, document: SourceDocument, form: ItemForm) -> str:
    finding = finding_of(request.user, document, form.cleaned_data["item"])
    if finding is None:
        raise ValueError(_("No such finding."))
    services.delete_finding(finding, by=request.user)
    return _("The finding was deleted.")


def _publish(request: HttpRequest, document: SourceDocument, form: Any) -> str:
    services.publish_document(document, by=request.user)
    return _("The document was published: its findings are shown in the phenomenon briefs.")


WRITER = (Capability.TRIAGE,)
DOCUMENT_ACTIONS = {
    "add_finding": FormAction(_add, FindingForm, capabilities=WRITER),
    "edit_finding": FormAction(_edit, EditFindingForm, capabilities=WRITER),
    "delete_finding": FormAction(_delete, ItemForm, capabilities=WRITER),
    "publish": FormAction(_publish, capabilities=WRITER),
}


@requires(Capability.READ_FORWARDED)
@sensitive_post_parameters("text")
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_for(request.user, pk)
    if document is None:
        raise Http404  # not 403: do not confirm that it exists
    if request.method == "POST":
        done = dispatch(request, document, DOCUMENT_ACTIONS,
                        success=lambda: redirect("sources:detail", pk=document.pk))  # fmt: skip
        return done.response or redirect("sources:detail", pk=document.pk)
    writer = writable_document(request.user, document)
    findings = list(document.findings.prefetch_related("phenomena", "target_groups", "municipalities"))
    return render(request, "sources/detail.html", {
        "d": document, "findings": findings, "writer": writer, "file_allowed": file_for(request.user, pk) is not None,
        "municipalities": list(document.municipalities.order_by("code")),
        "phenomena": list(Phenomenon.objects.filter(active=True)) if writer else [],
        "target_groups": list(TargetGroup.objects.filter(active=True)) if writer else [],
        "own_municipalities": list(municipalities_for(request.user)) if writer else [],
    })  # fmt: skip


@requires(Capability.READ_FORWARDED)
def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = file_for(request.user, pk)
    if document is None:
        raise Http404
    extension = document.file_extension
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=f"source-{document.pk}.{extension}",
                        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))  # fmt: skip


@requires(Capability.READ_FORWARDED)
def feedback_page(request: HttpRequest) -> HttpResponse:
    """The county's client feedback, reminders and complaints of the last twelve complete
    months, or of a past calendar year (?year=), counted through the disclosure door."""
    if not is_county_staff(request.user):
        raise Http404
    items = feedback_for(request.user)
    start, end = complete_year_window()
    years = sorted({day.year for day in items.dates("received_on", "year")} - {end.year}, reverse=True)
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isascii() and raw.isdigit() and int(raw) in years else None
    if raw and year is None:
        messages.error(request, _("Choose one of the years listed."))
    if year is not None:
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
    search = SearchForm(request.GET, kinds=FeedbackItem.Kind.choices, auto_id="search_%s")
    query = search.query()
    found = Paginator(feedback_matching(request.user, query), 25).get_page(request.GET.get("page"))
    if found.object_list:
        # Reading the texts of feedback is recorded as reading reports is.
        record_event(request.user, Event.FEEDBACK_LISTED, ids=list(found.object_list), total_found=found.paginator.count)
    return render(request, "sources/feedback.html", {
        "tables": tables(items, start, end), "start": start, "last_day": end - timedelta(days=1), "years": years,
        "year": year, "may_import": may_write(request.user), "search": search, "query": query, "page": found,
    })  # fmt: skip


def feedback_import(request: HttpRequest) -> HttpResponse:
    return import_views.import_page(request, kind=FEEDBACK.kind)


def feedback_import_run(request: HttpRequest, pk: int) -> HttpResponse:
    return import_views.import_run(request, pk, kind=FEEDBACK.kind)


def feedback_import_status(request: HttpRequest, pk: int) -> HttpResponse:
    return import_views.import_status(request, pk, kind=FEEDBACK.kind)
