"""The coordinators' upload page for a county's history of reports (issue #11 item 6).

One page, three steps: upload a CSV/XLSX → choose the column of each field (guessed, or a
saved mapping) and see a dry run → import, followed on the run's page. The file waits
between the steps in the private upload area, named by a random token kept in the session.
The same views serve every importer (``kind``; ilmio.reports.import_runs.IMPORTERS): another
app's page calls them with its kind.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ilmio.core.permissions import Capability, requires
from ilmio.reports.import_access import county_mappings, county_runs, mapping_for, run_for
from ilmio.reports.import_forms import MappingForm, UploadForm
from ilmio.reports.import_runs import (
    MAX_UPLOAD_BYTES,
    PENDING_SECONDS,
    ImportRefused,
    check_upload,
    delete_mapping,
    discard_upload,
    hold_upload,
    importer_for,
    pending_content,
    preview_import,
    resume_import,
    save_mapping,
    start_import,
    sweep_uploads,
)
from ilmio.reports.importing import ColumnMapping
from ilmio.reports.models import ImportRun

RECENT_RUNS = 10


def _session_key(kind: str) -> str:
    return f"{kind}_import_upload"


def _pending(request: HttpRequest, kind: str) -> dict[str, Any] | None:
    """The upload waiting in this session (token, redacted file name, headers), if still there."""
    held = request.session.get(_session_key(kind))
    if not isinstance(held, dict) or time.time() - float(held.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(_session_key(kind), None)
        return None
    return held


def _forget(request: HttpRequest, kind: str) -> None:
    held = request.session.pop(_session_key(kind), None)
    if isinstance(held, dict):
        discard_upload(str(held.get("token", "")))


def _uploaded(request: HttpRequest) -> tuple[bytes, str]:
    """The posted file's bytes and name, checked by type and size before reading it all."""
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        raise ImportRefused(_("Choose a CSV or XLSX file to upload."))
    upload = form.cleaned_data["file"]
    check_upload(upload.name, upload.size or 0)
    return upload.read(MAX_UPLOAD_BYTES + 1), upload.name


def _urls(kind: str) -> dict[str, str]:
    page = importer_for(kind).page
    return {"page": page, "run": f"{page}_run", "status": f"{page}_status"}


def _page(request: HttpRequest, kind: str, *, form: MappingForm | None = None, preview: Any = None,
          status: int = 200) -> HttpResponse:  # fmt: skip
    importer = importer_for(kind)
    held = _pending(request, kind)
    mappings = list(county_mappings(request.user, kind))
    chosen = None
    if request.method == "GET" and request.GET.get("mapping"):
        chosen = mapping_for(request.user, request.GET["mapping"], kind)
        if chosen is None:
            raise Http404  # another county's mapping is as good as absent
    if held is not None and form is None:
        headers = list(held["headers"])
        columns = dict(chosen.columns) if chosen else importer.guess(headers).columns
        form = MappingForm(initial=MappingForm.initial_for(columns, headers, importer), headers=headers,
                           importer=importer)  # fmt: skip
    return render(request, importer.template, {
        "upload_form": UploadForm(), "held": held, "form": form, "preview": preview, "mappings": mappings,
        "chosen": chosen, "runs": county_runs(request.user, kind)[:RECENT_RUNS],
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024), "urls": _urls(kind),
    }, status=status)  # fmt: skip


@requires(Capability.TRIAGE)
@never_cache
def import_page(request: HttpRequest, kind: str = "reports") -> HttpResponse:
    page = importer_for(kind).page
    if request.method != "POST":
        sweep_uploads()  # uploads left waiting over an hour are deleted
        return _page(request, kind)
    user: Any = request.user
    action = request.POST.get("action", "")
    try:
        if action == "upload":
            content, name = _uploaded(request)
            held = hold_upload(content, name)
            _forget(request, kind)
            request.session[_session_key(kind)] = {"token": held.token, "file_name": held.file_name,
                                            "headers": held.headers, "rows": held.row_count, "at": time.time()}  # fmt: skip
            messages.success(request, _("The file was read: %(rows)s rows. Check the columns below.")
                             % {"rows": held.row_count})  # fmt: skip
            return redirect(page)
        if action == "delete_mapping":
            mapping = mapping_for(user, request.POST.get("mapping"), kind)
            if mapping is None:
                raise Http404
            delete_mapping(mapping, by=user)
            messages.success(request, _("The saved mapping was deleted."))
            return redirect(page)
        if action == "discard":
            _forget(request, kind)
            messages.success(request, _("The uploaded file was removed."))
            return redirect(page)
        if action in ("preview", "import"):
            return _map_and_run(request, action, kind)
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(page)
    messages.error(request, _("You cannot do that."))
    return redirect(page)


def _map_and_run(request: HttpRequest, action: str, kind: str) -> HttpResponse:
    user: Any = request.user
    importer = importer_for(kind)
    held = _pending(request, kind)
    if held is None:
        raise ImportRefused(_("The uploaded file is no longer available. Upload it again."))
    form = MappingForm(request.POST, headers=list(held["headers"]), importer=importer)
    if not form.is_valid():
        return _page(request, kind, form=form)
    mapping = ColumnMapping(form.columns())
    content = pending_content(str(held["token"]))
    if action == "import":
        run = start_import(user.county, content, str(held["file_name"]), mapping, by=user, token=str(held["token"]),
                           importer=importer)  # fmt: skip
        request.session.pop(_session_key(kind), None)
        return redirect(_urls(kind)["run"], pk=run.pk)
    if form.cleaned_data.get("save_as"):
        saved = save_mapping(user.county, form.cleaned_data["save_as"], mapping.columns, by=user, importer=importer)
        messages.success(request, _("The mapping was saved as “%(name)s”.") % {"name": saved.name})
    preview = preview_import(user.county, content, str(held["file_name"]), mapping, importer)
    return _page(request, kind, form=form, preview=preview)


@requires(Capability.TRIAGE)
@never_cache
def import_run(request: HttpRequest, pk: int, kind: str = "reports") -> HttpResponse:
    run = run_for(request.user, pk, kind)
    if run is None:
        raise Http404
    urls = _urls(kind)
    if request.method == "POST":
        if request.POST.get("action") != "resume":
            messages.error(request, _("You cannot do that."))
            return redirect(urls["run"], pk=run.pk)
        try:
            content: bytes | None = None
            name = ""
            if request.FILES.get("file"):
                content, name = _uploaded(request)
            resume_import(run, content, name, by=request.user)
            messages.success(
                request, _("The import continues from row %(row)s.") % {"row": run.processed_rows}
            )
        except ImportRefused as refusal:
            messages.error(request, str(refusal))
        return redirect(urls["run"], pk=run.pk)
    return render(request, importer_for(kind).run_template, {"run": run, "upload_form": UploadForm(),
                                                             "Status": ImportRun.Status, "urls": urls})  # fmt: skip


@requires(Capability.TRIAGE)
@require_GET
@never_cache
def import_status(request: HttpRequest, pk: int, kind: str = "reports") -> HttpResponse:
    run = run_for(request.user, pk, kind)
    if run is None:
        raise Http404
    return JsonResponse({"status": run.status, "status_label": str(run.get_status_display()),
                         "processed_rows": run.processed_rows, "total_rows": run.total_rows, "percent": run.percent,
                         "created": run.created_count, "skipped": run.skipped_count, "problems": run.problem_count,
                         "finished": run.finished})  # fmt: skip
