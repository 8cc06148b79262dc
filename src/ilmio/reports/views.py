from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from ilmio.accounts.models import User
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, requires
from ilmio.core.views import rate_limited
from ilmio.privacy import localize_placeholders
from ilmio.reports.access import county_reports, own_reports, report_for
from ilmio.reports.downstream import report_path
from ilmio.reports.forms import (
    TEXT_FIELDS,
    PublicReportForm,
    ReportForm,
    ReportNoteForm,
    StaffReportForm,
    WithdrawReportForm,
)
from ilmio.reports.models import Report
from ilmio.reports.placeholders import canonical_placeholders
from ilmio.reports.services import (
    IdempotencyConflict,
    RestoreRefused,
    add_report_note,
    clean_restored,
    preview_redaction,
    restore_offers,
    restore_words,
    submit_report,
    withdraw_report,
)

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,100}$")


def _language() -> str:
    return (get_language() or "fi")[:2]


def _idempotency_key(request: HttpRequest) -> str | None:
    key = request.POST.get("idempotency_key", "")
    return key if IDEMPOTENCY_KEY.match(key) else None


def _restore_message(reason: str) -> str:
    if reason == RestoreRefused.NOT_RESTORABLE:
        return _("Only names and addresses can be restored. Identity codes, phone numbers, e-mail "
                 "addresses, account numbers, birth dates and client numbers are always removed.")
    if reason == RestoreRefused.TOO_MANY:
        return _("You cannot restore more words in one report. Edit the text instead.")
    return _("The text has changed since the preview. Check it again.")


def _report_form_flow(
    request: HttpRequest, form: ReportForm, *, channel: str, template: str
) -> tuple[Report | None, HttpResponse | None]:
    """Validate → preview with highlighted redactions (restore a word) → confirm. One flow for both forms."""
    context: dict[str, Any] = {"form": form, "idempotency_key": uuid.uuid4().hex}
    if request.method == "POST":
        context["idempotency_key"] = _idempotency_key(request) or context["idempotency_key"]
        # Words the reporter put back in an earlier preview step (names and addresses only).
        restored = clean_restored(request.POST.getlist("restored"))
        if form.is_valid():
            county = form.report_county()
            language = form.cleaned_data.get("language")
            if county is None:
                form.add_error(None, _("Choose municipalities of one county."))
            elif request.POST.get("step") == "confirm" and not request.POST.getlist("restore"):
                data = dict(form.cleaned_data)
                for name in TEXT_FIELDS:
                    data[name] = canonical_placeholders(data.get(name) or "")
                try:
                    report, _created = submit_report(
                        data, county=county, channel=channel, submitted_by=request.user,
                        idempotency_key=_idempotency_key(request),
                        feedback_email=form.cleaned_data.get("feedback_email") or "",
                        restored=restored,
                    )  # fmt: skip
                    return report, None
                except IdempotencyConflict:
                    # A form sent again after editing: a new key makes it a new report.
                    context["idempotency_key"] = uuid.uuid4().hex
                    form.add_error(None, _("This form was already sent with other content. Check the report and send it again."))
            else:
                values: dict[str, Any] = dict(form.cleaned_data)
                # Ticked "restore" boxes: the preview is shown again, never sent at once.
                requests = request.POST.getlist("restore")
                applied: list[tuple[str, int]] = []
                if requests:
                    outcome = restore_words(values, requests, restored, language)
                    values, restored, applied = outcome.values, outcome.restored, outcome.applied
                    if outcome.refused:
                        context["restore_error"] = _restore_message(outcome.refused[0])
                preview = preview_redaction(values, language, restored)
                offers = restore_offers(preview, request.POST.getlist("removed"), applied)
                inline = {(item.name, p.slot) for item in preview.fields for p in item.parts if p.restorable}
                context["offers"] = offers
                context["carried_offers"] = [o for o in offers if (o.field, o.slot) not in inline]
                bound = request.POST.copy()
                for name, text in preview.redacted_values.items():
                    bound[name] = localize_placeholders(text, _language())
                bound.pop("restore", None)
                context["form"] = type(form)(bound, **_form_kwargs(form))
                context["preview"] = preview
                context["suggestions"] = suggest_phenomena(preview)
    else:
        form.initial.setdefault("language", _language())
    return None, render(request, template, context)


def suggest_phenomena(preview: Any) -> list[dict[str, Any]]:
    """Top phenomena for the redacted text, with the words that drove them."""
    from ilmio.reports.classification import current_model
    from ilmio.taxonomy.models import Phenomenon

    values = preview.redacted_values
    text = f"{values.get('title', '')}. {values.get('description', '')}"
    result = current_model().suggest(text)
    labels = {p.code: p.label for p in Phenomenon.objects.filter(active=True)}
    return [{"label": labels[s.code], "score": s.score, "words": result.explain(s.code)}
            for s in result.phenomena[:3] if s.code in labels]  # fmt: skip


def _form_kwargs(form: ReportForm) -> dict[str, Any]:
    return {"user": form.user} if isinstance(form, StaffReportForm) else {}


@requires(Capability.SUBMIT_REPORT)
@sensitive_post_parameters(*TEXT_FIELDS, "restore", "restored", "removed")
@never_cache
def new_report(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # requires() sends anonymous users to log in
    form = StaffReportForm(request.POST or None, user=user)
    report, response = _report_form_flow(request, form, channel=Report.Channel.FORM, template="reports/new.html")
    if report is not None:
        messages.success(request, _("Thank you. Your report has been received."))
        return redirect("reports:detail", public_id=report.public_id)
    assert response is not None
    return response


@requires(PUBLIC)
@sensitive_post_parameters(*TEXT_FIELDS, "feedback_email", "restore", "restored", "removed")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_new_report(request: HttpRequest) -> HttpResponse:
    limited = rate_limited(request, _("Too many reports"),
                           _("Too many reports have been sent from your network. Please try again in an hour."))
    if limited is not None:
        return limited
    form = PublicReportForm(request.POST or None)
    report, response = _report_form_flow(
        request, form, channel=Report.Channel.PUBLIC_FORM, template="reports/public_new.html"
    )
    if report is not None:
        return redirect("reports:public_thanks")
    assert response is not None
    return response


@requires(PUBLIC)
def public_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/public_thanks.html")


@requires(PUBLIC)
@never_cache
def withdraw_consent(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every feedback e-mail: no more e-mails about this report (the report
    stays). Shows nothing of the report; an unknown link is a 404."""
    from ilmio.reports.services import erase_feedback_contact, report_for_consent_token

    report = report_for_consent_token(token)
    if report is None:
        raise Http404
    has_contact = hasattr(report, "feedback_contact")
    if request.method == "POST" and has_contact:
        erase_feedback_contact(report)
        return render(request, "reports/withdraw_consent.html", {"contact_erased": True})
    return render(request, "reports/withdraw_consent.html", {"contact_erased": not has_contact})


@requires(Capability.VIEW_OWN_REPORTS)
def my_reports(request: HttpRequest) -> HttpResponse:
    reports = own_reports(request.user).prefetch_related("phenomena", "municipalities")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    for report in page:
        # The furthest step of each report's path, as this reporter may see it.
        path = report_path(report, request.user)
        report.last_step = "" if path.empty else path.last_step()  # type: ignore[attr-defined]  # for reports/_table.html
    record_event(request.user, Event.REPORTS_LISTED, ids=page, view="mine", page=page.number)
    return render(request, "reports/mine.html", {"page": page, "show_path": True})


@requires(Capability.READ_REPORT_TEXT)
def report_list(request: HttpRequest) -> HttpResponse:
    reports = (
        county_reports(request.user)
        .select_related("service_area")
        .prefetch_related("phenomena", "municipalities")
    )
    phenomenon = request.GET.get("phenomenon", "")
    if phenomenon:
        reports = reports.filter(phenomena__code=phenomenon)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    record_event(request.user, Event.REPORTS_LISTED, ids=page, view="list", page=page.number)
    return render(request, "reports/list.html", {"page": page, "phenomenon": phenomenon})


def _add_note(request: HttpRequest, report: Report, form: ReportNoteForm) -> str:
    add_report_note(report, form.cleaned_data["note"], by=request.user)
    return _("Your note was added to the report.")


def _withdraw(request: HttpRequest, report: Report, form: WithdrawReportForm) -> str:
    withdraw_report(report, by=request.user)
    return _("The report was withdrawn. It is no longer handled or counted.")


# The reporter's own actions on the report page; the services accept only the sender.
REPORT_ACTIONS = {
    "note": FormAction(_add_note, ReportNoteForm, capabilities=(Capability.SUBMIT_REPORT,)),
    "withdraw": FormAction(_withdraw, WithdrawReportForm, capabilities=(Capability.SUBMIT_REPORT,)),
}


@requires(Capability.VIEW_OWN_REPORTS)
def report_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = report_for(request.user, public_id)
    if report is None:
        raise Http404  # not 403: do not confirm that the report exists
    if request.method == "POST":
        if report.submitted_by_id != request.user.pk:
            raise Http404  # another person's report: the same answer as a report one may not see
        done = dispatch(request, report, REPORT_ACTIONS,
                        success=lambda: redirect("reports:detail", public_id=report.public_id))  # fmt: skip
        return done.response or redirect("reports:detail", public_id=report.public_id)
    record_event(request.user, Event.REPORT_VIEWED, obj=report)
    own = report.submitted_by_id == request.user.pk
    return render(request, "reports/detail.html", {
        "report": report, "path": report_path(report, request.user), "own": own,
        "note_form": ReportNoteForm(auto_id="note_%s") if own and not report.status_is("retracted") else None,
        "withdraw_form": WithdrawReportForm(auto_id="withdraw_%s") if own and report.status_is("withdrawable") else None,
    })  # fmt: skip
