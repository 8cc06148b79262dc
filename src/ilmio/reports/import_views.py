"""The coordinators' upload page for a county's history of reports (issue #11 item 6).

One page, three steps: upload a CSV/XLSX → choose the column of each field (guessed, or a
saved mapping) and see a dry run → import, followed on the run's page. The file waits
between the steps in the private upload area, named by a random token kept in the session.
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
    pending_content,
    preview_import,
    resume_import,
    save_mapping,
    start_import,
    sweep_uploads,
)
from ilmio.reports.importing import ColumnMapping
from ilmio.reports.models import ImportRun

SESSION_KEY = "reports_import_upload"
RECENT_RUNS = 10


def _pending(request: HttpRequest) -> dict[str, Any] | None:
    """The upload waiting in this session (token, redacted file name, headers), if still there."""
    held = request.session.get(SESSION_KEY)
    if not isinstance(held, dict) or time.time() - float(held.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(SESSION_KEY, None)
        return None
    return held


def _forget(request: HttpRequest) -> None:
    held = request.session.pop(SESSION_KEY, None)
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


def _page(request: HttpRequest, *, form: MappingForm | None = None, preview: Any = None,
          status: int = 200) -> HttpResponse:  # fmt: skip
    held = _pending(request)
    mappings = list(county_mappings(request.user))
    chosen = None
    if request.method == "GET" and request.GET.get("mapping"):
        chosen = mapping_for(request.user, request.GET["mapping"])
        if chosen is None:
            raise Http404  # another county's mapping is as good as absent
    if held is not None and form is None:
        headers = list(held["headers"])
        columns = dict(chosen.columns) if chosen else ColumnMapping.guess(headers).columns
        form = MappingForm(initial=MappingForm.initial_for(columns, headers), headers=headers)
    return render(request, "reports/import.html", {
        "upload_form": UploadForm(), "held": held, "form": form, "preview": preview, "mappings": mappings,
        "chosen": chosen, "runs": county_runs(request.user)[:RECENT_RUNS],
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
    }, status=status)  # fmt: skip


@requires(Capability.TRIAGE)
@never_cache
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        sweep_uploads()  # uploads left waiting over an hour are deleted
        return _page(request)
    user: Any = request.user
    action = request.POST.get("action", "")
    try:
        if action == "upload":
            content, name = _uploaded(request)
            held = hold_upload(content, name)
            _forget(request)
            request.session[SESSION_KEY] = {"token": held.token, "file_name": held.file_name,
                                            "headers": held.headers, "rows": held.row_count, "at": time.time()}  # fmt: skip
            messages.success(request, _("The file was read: %(rows)s rows. Check the columns below.")
                             % {"rows": held.row_count})  # fmt: skip
            return redirect("reports:import")
        if action == "delete_mapping":
            mapping = mapping_for(user, request.POST.get("mapping"))
            if mapping is None:
                raise Http404
            delete_mapping(mapping, by=user)
            messages.success(request, _("The saved mapping was deleted."))
            return redirect("reports:import")
        if action == "discard":
            _forget(request)
            messages.success(request, _("The uploaded file was removed."))
            return redirect("reports:import")
        if action in ("preview", "import"):
            return _map_and_run(request, action)
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("reports:import")
    messages.error(request, _("You cannot do that."))
    return redirect("reports:import")


def _map_and_run(request: HttpRequest, action: str) -> HttpResponse:
    user: Any = request.user
    held = _pending(request)
    if held is None:
        raise ImportRefused(_("The uploaded file is no longer available. Upload it again."))
    form = MappingForm(request.POST, headers=list(held["headers"]))
    if not form.is_valid():
        return _page(request, form=form)
    mapping = ColumnMapping(form.columns())
    content = pending_content(str(held["token"]))
    if action == "import":
        run = start_import(
            user.county, content, str(held["file_name"]), mapping, by=user, token=str(held["token"])
        )
        request.session.pop(SESSION_KEY, None)
        return redirect("reports:import_run", pk=run.pk)
    if form.cleaned_data.get("save_as"):
        saved = save_mapping(user.county, form.cleaned_data["save_as"], mapping.columns, by=user)
        messages.success(request, _("The mapping was saved as “%(name)s”.") % {"name": saved.name})
    preview = preview_import(user.county, content, str(held["file_name"]), mapping)
    return _page(request, form=form, preview=preview)


@requires(Capability.TRIAGE)
@never_cache
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    run = run_for(request.user, pk)
    if run is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("action") != "resume":
            messages.error(request, _("You cannot do that."))
            return redirect("reports:import_run", pk=run.pk)
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
        return redirect("reports:import_run", pk=run.pk)
    return render(request, "reports/import_run.html", {"run": run, "upload_form": UploadForm(),
                                                       "Status": ImportRun.Status})  # fmt: skip


@requires(Capability.TRIAGE)
@require_GET
@never_cache
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    run = run_for(request.user, pk)
    if run is None:
        raise Http404
    return JsonResponse({"status": run.status, "status_label": str(run.get_status_display()),
                         "processed_rows": run.processed_rows, "total_rows": run.total_rows, "percent": run.percent,
                         "created": run.created_count, "skipped": run.skipped_count, "problems": run.problem_count,
                         "finished": run.finished})  # fmt: skip
