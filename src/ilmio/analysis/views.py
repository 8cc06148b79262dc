from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ilmio.analysis import access, refi_qda, services
from ilmio.analysis.forms import (
    MAX_SAVED_FILTERS,
    AddToCaseForm,
    CaseForm,
    ClassifyForm,
    CodeForm,
    DuplicateForm,
    PassageForm,
    RefiImportForm,
    SavedFilterDeleteForm,
    SavedFilterForm,
    SignalCaseForm,
    SignalReviewForm,
    StatusForm,
    TriageFilterForm,
    saved_query,
)
from ilmio.analysis.insights import similar_reports, suggestions
from ilmio.analysis.models import CodedPassage, PhenomenonCase
from ilmio.analysis.other_sources import what_else_we_know
from ilmio.core.access import home_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import Capability, requires
from ilmio.reports.models import Report

# Headers of the coded passages' Excel (CSV) download (the columns: analysis.exports).
PASSAGE_LABELS = {
    "report": gettext_lazy("Report"), "code": gettext_lazy("Code"), "code_path": gettext_lazy("Code path"),
    "start": gettext_lazy("Start"), "end": gettext_lazy("End"), "snippet": gettext_lazy("Passage"),
    "coded_at": gettext_lazy("Coded at"),
}  # fmt: skip


def county_reports(request: HttpRequest) -> QuerySet[Report]:
    return access.triage_reports(request.user)


def get_report(request: HttpRequest, public_id: uuid.UUID) -> Report:
    report = access.triage_report_for(request.user, public_id)
    if report is None:
        raise Http404
    return report


def filtered_queue(request: HttpRequest, form: TriageFilterForm) -> QuerySet[Report]:
    reports = county_reports(request).select_related("primary_phenomenon").prefetch_related("municipalities")
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status") or "open"
    if status == "open":
        reports = reports.filter(status__in=Report.WORKFLOW.with_flag("open"))
    elif status != "all":
        reports = reports.filter(status=status)
    if data.get("phenomenon"):
        reports = reports.filter(phenomena=data["phenomenon"])
    if data.get("municipality"):
        reports = reports.filter(municipalities=data["municipality"])
    if data.get("service_area"):
        reports = reports.filter(service_area=data["service_area"])
    if data.get("language"):
        reports = reports.filter(language=data["language"])
    if data.get("date_from"):
        reports = reports.filter(created_at__date__gte=data["date_from"])
    if data.get("date_to"):
        reports = reports.filter(created_at__date__lt=data["date_to"] + timedelta(days=1))
    if data.get("q"):
        reports = reports.filter(Q(title__icontains=data["q"]) | Q(description__icontains=data["q"]))
    if data.get("confirmed"):
        reports = reports.filter(classification_confirmed_at__isnull=data["confirmed"] == "no")
    return reports.distinct().order_by(*queue_order(data.get("sort") or "newest"))


def queue_order(sort: str) -> tuple[str, ...]:
    """The queue's ordering for a sort choice; the newest first breaks ties (a stable page order)."""
    language = (get_language() or "fi")[:2]
    label = f"primary_phenomenon__label_{language if language in ('fi', 'sv', 'en') else 'fi'}"
    first = {"oldest": ("created_at",), "phenomenon": (label,), "status": ("status",), "title": ("title",)}
    return (*first.get(sort, ()), "-created_at", "-pk") if sort != "oldest" else ("created_at", "pk")


@requires(Capability.TRIAGE)
def triage_queue(request: HttpRequest) -> HttpResponse:
    form = TriageFilterForm(request.GET or None, county=home_county(request.user))
    reports = filtered_queue(request, form)
    page = Paginator(reports, 30).get_page(request.GET.get("page"))
    record_event(request.user, Event.REPORTS_LISTED, ids=page, view="triage", page=page.number)
    query = request.GET.copy()
    query.pop("page", None)
    # Opened from a summary's citation picker: the selection can be cited there (the summary
    # page checks that the user may edit it; here it is only a number in a link).
    cite = request.GET.get("cite", "")
    # The filter form has a "status" too: the bulk form's ids are its own (names unchanged).
    return render(request, "analysis/queue.html", {
        "form": form, "page": page, "bulk_form": StatusForm(auto_id="bulk_%s"), "query": query.urlencode(),
        "cite_summary": int(cite) if cite.isdigit() and len(cite) < 18 else None,
        "counts": dict(county_reports(request).values_list("status").annotate(n=Count("pk"))),
        "saved_filters": access.saved_filters_for(request.user),
        "saved_filter_form": SavedFilterForm(initial={"query": query.urlencode()}, auto_id="saved_%s"),
        "search_not_saved": bool(request.GET.get("q")),
    })  # fmt: skip


@requires(Capability.TRIAGE)
@require_POST
def queue_filters(request: HttpRequest) -> HttpResponse:
    """Save the queue's current filters under a name, or delete a saved one."""
    if request.POST.get("action") == "delete":
        delete_form = SavedFilterDeleteForm(request.POST)
        saved = access.saved_filter_for(request.user, delete_form.cleaned_data["pk"]) if delete_form.is_valid() else None
        if saved is None:
            raise Http404
        services.delete_queue_filter(saved)
        messages.success(request, _("The saved filter was deleted."))
        return redirect("analysis:queue")
    form = SavedFilterForm(request.POST)
    filters = TriageFilterForm(QueryDict(form.data.get("query", "")[:2000]), county=home_county(request.user))
    if not form.is_valid() or not filters.is_valid():
        messages.error(request, _("Give the filter a name, and check the filters before saving them."))
        return redirect("analysis:queue")
    query = saved_query(filters)
    try:
        saved = services.save_queue_filter(request.user, form.cleaned_data["name"], query, limit=MAX_SAVED_FILTERS)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("analysis:queue")
    messages.success(request, _("Filter “%(name)s” saved.") % {"name": saved.name})
    return redirect(reverse("analysis:queue") + (f"?{query}" if query else ""))


@requires(Capability.TRIAGE)
@require_POST
def bulk_status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST)
    ids = [value for value in request.POST.getlist("reports") if value]
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose reports and a status."))
        return redirect("analysis:queue")
    selected = access.triage_reports_by_ids(request.user, ids)
    if selected is None:
        raise Http404
    changed, refused = services.bulk_change_status(selected, form.cleaned_data["status"], by=request.user,
                                                  reason=form.cleaned_data["reason"])  # fmt: skip
    if changed:
        messages.success(request, _("%(count)d reports changed.") % {"count": changed})
    else:  # nothing moved: not a success, whatever the refusals below say
        messages.warning(request, _("No report was changed."))
    for line in refused[:10]:
        messages.warning(request, line)
    return redirect("analysis:queue")


# The triage page's forms: each posts its "action" and calls exactly one write function.


def _classify(request: HttpRequest, report: Report, form: ClassifyForm) -> str:
    data = form.cleaned_data
    services.classify_report(report, primary=data["primary"], secondary=list(data["secondary"]),
                             target_groups=list(data["target_groups"]),
                             municipalities=list(data["municipalities"]) or None, by=request.user)  # fmt: skip
    return _("Classification saved.")


def _change_status(request: HttpRequest, report: Report, form: StatusForm) -> str:
    services.change_status(report, form.cleaned_data["status"], by=request.user, reason=form.cleaned_data["reason"])
    return _("Status changed.")


def _mark_duplicate(request: HttpRequest, report: Report, form: DuplicateForm) -> str:
    original = access.triage_report_for(request.user, form.cleaned_data["original"])
    if original is None:
        raise ValueError(_("The original report was not found in your county."))
    services.mark_duplicate(report, original, by=request.user, reason=form.cleaned_data["reason"])
    return _("Marked as a duplicate.")


def _add_to_case(request: HttpRequest, report: Report, form: AddToCaseForm) -> str:
    services.add_reports_to_case(form.cleaned_data["case"], [report])
    return _("Added to the case.")


def _code_passage(request: HttpRequest, report: Report, form: PassageForm) -> str:
    data = form.cleaned_data
    services.code_passage(report, data["code"], data["start"], data["end"], by=request.user,
                          field=data["field"] or CodedPassage.Field.DESCRIPTION)  # fmt: skip
    return _("Passage coded.")


def triage_actions(request: HttpRequest, report: Report) -> dict[str, FormAction]:
    county = home_county(request.user)
    return {
        "classify": FormAction(_classify, lambda data: ClassifyForm(data, county=county), keep_invalid=True),
        "status": FormAction(_change_status, lambda data: StatusForm(data, current=report.status),
                             invalid=_("Choose an allowed status.")),
        "mark_duplicate": FormAction(_mark_duplicate, DuplicateForm,
                                invalid=_("The original report was not found in your county.")),
        "case": FormAction(_add_to_case, lambda data: AddToCaseForm(data, county=county), invalid=_("Choose a case.")),
        "code": FormAction(_code_passage, lambda data: PassageForm(data, county=county),
                           invalid=_("Choose a code and a passage of the text.")),
    }  # fmt: skip


@requires(Capability.TRIAGE)
def triage_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = get_report(request, public_id)
    county = home_county(request.user)
    classify = ClassifyForm(county=county, initial=classification_initial(report))
    if request.method == "POST":
        done = dispatch(request, report, triage_actions(request, report),
                        success=lambda: redirect("analysis:report", public_id=report.public_id))  # fmt: skip
        if done.response is not None:
            return done.response
        if isinstance(done.form, ClassifyForm):
            classify = done.form  # shown again with its errors
    record_event(request.user, Event.REPORT_VIEWED, obj=report, view="triage")
    # The status and duplicate forms both have a "reason": own ids (the posted names stay).
    return render(request, "analysis/report.html", {
        "report": report, "classify": classify, "status_form": StatusForm(current=report.status),
        "duplicate_form": DuplicateForm(auto_id="duplicate_%s"), "passage_form": PassageForm(county=county),
        "suggestions": suggestions(report), "similar": similar_items(report),
        "cases": access.cases_for(request.user),
        "history": report.status_changes.select_related("changed_by"),
        "passages": report.coded_passages.select_related("code"),
    })  # fmt: skip


SNIPPET_WIDTH = 90  # characters either side of the first shared word
WORD_RE = re.compile(r"\w+")


def _stem(word: str) -> str:
    # Finnish inflects heavily: words sharing their first five letters count as shared.
    return word.lower()[:5]


def snippet_parts(text: str, against: str) -> list[tuple[str, bool]]:
    """A passage of ``text`` around its first word shared with ``against``, split into
    (part, shared) pieces for the template to highlight (escaped there, never marked safe)."""
    stems = {_stem(w) for w in WORD_RE.findall(against) if len(w) >= 4}
    words = [m for m in WORD_RE.finditer(text) if len(m.group()) >= 4 and _stem(m.group()) in stems]
    centre = words[0].start() if words else 0
    start, end = max(0, centre - SNIPPET_WIDTH), min(len(text), centre + SNIPPET_WIDTH)
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    cursor = start
    for match in words:
        if match.start() < start or match.end() > end:
            continue
        parts += [(text[cursor:match.start()], False), (match.group(), True)]
        cursor = match.end()
    parts.append((text[cursor:end], False))
    if end < len(text):
        parts.append(("…", False))
    return [part for part in parts if part[0]]


def similar_items(report: Report) -> list[dict[str, Any]]:
    """Similar reports of the county with their date, area, status, cases and a snippet
    whose words shared with this report are highlighted."""
    found = similar_reports(report)
    prefetch_related_objects([other for other, _score, _near in found], "municipalities", "cases")
    own_cases = set(report.cases.values_list("pk", flat=True))  # "add to its case" only where it is not yet
    return [{"report": other, "score": score, "near": near, "municipalities": list(other.municipalities.all()),
             "cases": [case for case in other.cases.all() if case.pk not in own_cases],
             "snippet": snippet_parts(other.description, f"{report.title} {report.description}")}
            for other, score, near in found]  # fmt: skip


def classification_initial(report: Report) -> dict[str, Any]:
    return {
        "primary": report.primary_phenomenon.code if report.primary_phenomenon else None,
        "secondary": [p.code for p in report.phenomena.all()],
        "target_groups": [t.code for t in report.target_groups.all()],
        "municipalities": [m.code for m in report.municipalities.all()],
    }


@requires(Capability.TRIAGE)
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = services.create_case(county=home_county(request.user), by=request.user, **form.cleaned_data)
        messages.success(request, _("Case created."))
        return redirect("analysis:case", pk=case.pk)
    cases = access.cases_for(request.user).annotate(n=Count("reports"))
    return render(request, "analysis/cases.html", {"cases": cases, "form": form})


@requires(Capability.TRIAGE)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.case_for(request.user, pk)
    if case is None:
        raise Http404
    form = CaseForm(request.POST or None, initial={
        "title": case.title, "phenomenon": case.phenomenon.code if case.phenomenon else None,
        "description": case.description, "analysis_notes": case.analysis_notes})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        services.update_case(case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Case saved."))
        return redirect("analysis:case", pk=case.pk)
    record_event(request.user, Event.REPORTS_LISTED, obj=case, ids=case.reports.values_list("public_id", flat=True))
    return render(request, "analysis/case.html", {"case": case, "form": form, "other": what_else_we_know(request.user, case),
                                                  "reports": case.reports.select_related("primary_phenomenon")})  # fmt: skip


@requires(Capability.TRIAGE)
def codebook(request: HttpRequest) -> HttpResponse:
    county = home_county(request.user)
    form = CodeForm(request.POST or None, county=county)
    if request.method == "POST" and form.is_valid():
        services.create_code(county=county, **form.cleaned_data)
        messages.success(request, _("Code added."))
        return redirect("analysis:codebook")
    codes = access.codes_for(request.user).annotate(n=Count("passages")).select_related("parent")
    return render(request, "analysis/codebook.html", {"codes": codes, "form": form, "import_form": RefiImportForm()})


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def project_download(request: HttpRequest, reports: Iterable[Report], *, name: str, filename: str,
                     case: PhenomenonCase | None = None) -> HttpResponse:  # fmt: skip
    """A .qdpx of these reports (the caller's selector chose them) with the county's
    codebook and their coded passages; the export is one audit event naming the reports."""
    selected = sorted(reports, key=lambda r: (r.created_at, r.pk))
    # The project's source text is the description: passages of the other texts stay out.
    passages = list(access.passages_for(request.user).filter(report__in=selected, field=CodedPassage.Field.DESCRIPTION)
                    .select_related("code"))  # fmt: skip
    try:
        content = refi_qda.project_qdpx(name=name, codes=list(access.codes_for(request.user)), reports=selected,
                                        passages=passages, case=case, description=_(
            "Exported from Ilmiö. The report texts are redacted: identifying details were removed before they "
            "were stored."))  # fmt: skip
    except refi_qda.RefiError as error:
        messages.error(request, str(error))
        return redirect("analysis:case", pk=case.pk) if case is not None else redirect("analysis:codebook")
    record_event(request.user, Event.REPORT_EXPORTED, obj=case, ids=selected, format="qdpx", passages=len(passages))
    return attachment(content, "application/zip", filename)


@requires(Capability.TRIAGE)
def codebook_export(request: HttpRequest, fmt: str) -> HttpResponse:
    from ilmio.analysis.exports import passages_table
    from ilmio.core.tables import table_download

    if fmt == "qdc":
        try:
            content = refi_qda.codebook_qdc(access.codes_for(request.user))
        except refi_qda.RefiError as error:
            messages.error(request, str(error))
            return redirect("analysis:codebook")
        return attachment(content, "application/xml", "ilmio-codebook.qdc")
    if fmt == "qdpx":
        # The coded reports of the county, or the reports chosen by id (all of them the user's, or 404).
        ids = [value for value in request.GET.getlist("reports") if value]
        reports = access.triage_reports_by_ids(request.user, ids) if ids else access.coded_reports(request.user)
        if reports is None:
            raise Http404
        return project_download(request, reports, name=_("Coded reports"), filename="ilmio-coded-reports.qdpx")
    columns, rows = passages_table(access.passages_for(request.user).select_related("code", "report"))
    response = table_download(rows, columns, fmt, "ilmio-coded-passages", title="Coded passages", labels=PASSAGE_LABELS)
    if response is None:
        raise Http404
    record_event(request.user, Event.PASSAGES_EXPORTED, format=fmt, passages=len(rows), ids=sorted({r["report"] for r in rows}))
    return response


@requires(Capability.TRIAGE)
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The case's reports as a REFI-QDA project, the case itself as a REFI-QDA case."""
    case = access.case_for(request.user, pk)
    if case is None:
        raise Http404
    return project_download(request, access.case_reports(request.user, case), name=case.title,
                            filename=f"ilmio-case-{case.pk}.qdpx", case=case)  # fmt: skip


@requires(Capability.TRIAGE)
@require_POST
def codebook_import(request: HttpRequest) -> HttpResponse:
    """Codes and coding back from a researcher's tool (.qdpx or .qdc), into the own county."""
    form = RefiImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a REFI-QDA file (.qdpx or .qdc) of at most %(size)d MB.")
                       % {"size": refi_qda.MAX_UPLOAD_BYTES // (1024 * 1024)})  # fmt: skip
        return redirect("analysis:codebook")
    try:
        project = refi_qda.read_refi_file(form.cleaned_data["file"])
    except refi_qda.RefiError as error:
        messages.error(request, str(error))
        return redirect("analysis:codebook")
    done = services.import_coding(project, county=home_county(request.user), codes=access.codes_for(request.user),
                                  reports=access.triage_reports(request.user), by=request.user)  # fmt: skip
    messages.success(request, _("Imported: %(codes)d new codes (%(matched)d already in the codebook), %(passages)d new "
                                "coded passages (%(present)d already coded).") % {
        "codes": done.codes_created, "matched": done.codes_matched, "passages": done.passages_created,
        "present": done.passages_present})  # fmt: skip
    if done.sources_not_found:
        messages.warning(request, _("%(count)d sources of the file are not reports of your county; their passages "
                                    "were not imported.") % {"count": done.sources_not_found})  # fmt: skip
    if done.sources_changed:
        messages.warning(request, _("%(count)d sources have a text other than the report's; their passages were not "
                                    "imported.") % {"count": done.sources_changed})  # fmt: skip
    skipped = done.selections_skipped + project.invalid_selections
    if skipped:
        messages.warning(request, _("%(count)d selections were outside the text or had no code, and were skipped.")
                         % {"count": skipped})  # fmt: skip
    return redirect("analysis:codebook")


@requires(Capability.TRIAGE)
@require_POST
def review_signal(request: HttpRequest) -> HttpResponse:
    """A coordinator confirms or dismisses an emerging-signal alert of their county."""
    from django.utils.http import url_has_allowed_host_and_scheme

    form = SignalReviewForm(request.POST, county=home_county(request.user))
    if not form.is_valid():
        messages.error(request, _("The signal could not be reviewed."))
    else:
        data = form.cleaned_data
        services.review_signal(county=home_county(request.user), phenomenon=data["phenomenon"],
                              municipality_code=data["municipality"].code, last_month=data["last_month"],
                              decision=data["decision"], by=request.user, note=data["note"])  # fmt: skip
        messages.success(request, _("Signal reviewed."))
    target = request.POST.get("next", "")
    # Only a path of this site: redirect() would take a bare word for a view name (500).
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/situation/"
    return redirect(target)


@requires(Capability.TRIAGE)
@require_POST
def signal_case(request: HttpRequest) -> HttpResponse:
    """Turn an emerging signal of the coordinator's county into a case with its reports."""
    county = home_county(request.user)
    form = SignalCaseForm(request.POST, county=county)
    if not form.is_valid():
        messages.error(request, _("The signal could not be turned into a case."))
        return redirect("/situation/")
    data = form.cleaned_data
    start, end = services.signal_period(data["last_month"])
    last = end - timedelta(days=1)
    title = _("%(phenomenon)s in %(municipality)s, %(start)s–%(end)s") % {
        "phenomenon": data["phenomenon"].label, "municipality": data["municipality"].name,
        "start": f"{start.month}/{start.year}", "end": f"{last.month}/{last.year}"}  # fmt: skip
    case = services.create_case_from_signal(county=county, phenomenon=data["phenomenon"], municipality=data["municipality"],
                                            last_month=data["last_month"], title=title, by=request.user)  # fmt: skip
    count = case.reports.count()
    messages.success(request, ngettext("The signal's case, with %(count)d report.", "The signal's case, with %(count)d reports.",
                                       count) % {"count": count})  # fmt: skip
    return redirect("analysis:case", pk=case.pk)
