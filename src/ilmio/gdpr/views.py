"""The coordinator's page for correcting one report: remove a missed detail, or erase it."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ilmio.analysis.views import get_report
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import Capability, requires
from ilmio.gdpr import correction
from ilmio.gdpr.forms import EraseReportForm, RedactFurtherForm
from ilmio.reports.models import Report


def _redact(request: HttpRequest, report: Report, form: Any) -> str:
    result = correction.redact_further(report, form.cleaned_data["phrase"], form.cleaned_data["detail_type"],
                                       by=request.user)  # fmt: skip
    return ngettext("The detail was removed from %(n)d place.", "The detail was removed from %(n)d places.",
                    result.total) % {"n": result.total}  # fmt: skip


def _erase(request: HttpRequest, report: Report, form: Any) -> HttpResponse:
    result = correction.erase_report(report, form.cleaned_data["reason"], by=request.user)
    messages.success(request, ngettext(
        "The report was erased. %(n)d summary that cited it is rendered again.",
        "The report was erased. %(n)d summaries that cited it are rendered again.", result.summaries,
    ) % {"n": result.summaries})  # fmt: skip
    return redirect("analysis:queue")


@requires(Capability.TRIAGE)
def correct_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = get_report(request, public_id)
    redact_form, erase_form = RedactFurtherForm(), EraseReportForm()
    if request.method == "POST":
        done = dispatch(request, report, {
            "redact": FormAction(_redact, RedactFurtherForm, keep_invalid=True),
            "erase": FormAction(_erase, EraseReportForm, keep_invalid=True),
        }, success=lambda: redirect("gdpr:correct_report", public_id=report.public_id))  # fmt: skip
        if done.response is not None:
            return done.response
        if isinstance(done.form, RedactFurtherForm):
            redact_form = done.form
        elif isinstance(done.form, EraseReportForm):
            erase_form = done.form
    return render(request, "gdpr/correct_report.html", {
        "report": report, "redact_form": redact_form, "erase_form": erase_form,
        "summaries": correction.summaries_reached(report).count(), "notes": report.notes.all(),
        "title_text": _("Correct or erase the report"),
    })  # fmt: skip
