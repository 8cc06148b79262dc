"""Pages of notifications of shortcomings: the form, the notifier's list, the receiver's
workbench, one notification with its steps, the letter to the authority, the annual counts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import Capability, requires
from ilmio.shortcomings import services
from ilmio.shortcomings.access import (
    action_of,
    county_shortcomings,
    handled_by,
    is_notifier,
    may_notify,
    own_shortcomings,
    owners_for,
    sees_notifier,
    shortcoming_for,
)
from ilmio.shortcomings.counts import year_counts
from ilmio.shortcomings.forms import (
    CompleteActionForm,
    CorrectiveActionForm,
    ReasonForm,
    ShortcomingForm,
)
from ilmio.shortcomings.letter import letter_docx, letter_pdf
from ilmio.shortcomings.models import Shortcoming


def _language() -> str:
    return (get_language() or "fi")[:2]


@requires(Capability.SUBMIT_REPORT)
@sensitive_post_parameters("what")
@never_cache
def new_shortcoming(request: HttpRequest) -> HttpResponse:
    if not may_notify(request.user):
        raise Http404
    form = ShortcomingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            shortcoming = services.file_shortcoming(
                unit=data["unit"], service_area=data["service_area"], what=data["what"], since=data.get("since"),
                safety_at_risk_now=form.safety_at_risk, phenomena=data.get("phenomena") or [],
                language=_language(), signs=bool(data.get("signs")), by=request.user,
            )  # fmt: skip
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. The notification was sent to the unit's responsible person."))
            return redirect("shortcomings:detail", pk=shortcoming.pk)
    return render(request, "shortcomings/new.html", {"form": form, "danger": form.is_bound and form.safety_at_risk})


@requires(Capability.SUBMIT_REPORT)
def my_shortcomings(request: HttpRequest) -> HttpResponse:
    items = own_shortcomings(request.user).select_related("unit").order_by("-created_at", "-pk")
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(request, "shortcomings/mine.html", {"page": page})


@requires(Capability.RECEIVE_SHORTCOMINGS)
def workbench(request: HttpRequest) -> HttpResponse:
    """The receiver's list: open ones first, the most urgent deadline first. No notifier."""
    items = county_shortcomings(request.user).select_related("unit")
    ordered = sorted(items, key=lambda s: (not s.is_open, not s.overdue, s.next_deadline or s.correct_by, s.pk))
    page = Paginator(ordered, 25).get_page(request.GET.get("page"))
    return render(request, "shortcomings/workbench.html", {"page": page, "year": timezone.localdate().year - 1})


# --- the steps on one notification --------------------------------------------------------


def _acknowledge(request: HttpRequest, s: Shortcoming, form: Any) -> str:
    services.acknowledge(s, by=request.user)
    return _("The notification was acknowledged.")


def _start(request: HttpRequest, s: Shortcoming, form: Any) -> str:
    services.start_correcting(s, by=request.user)
    return _("Correction started.")


def _add_action(request: HttpRequest, s: Shortcoming, form: CorrectiveActionForm) -> str:
    owner = None
    if form.cleaned_data.get("owner"):
        owner = owners_for(request.user).filter(pk=form.cleaned_data["owner"]).first()
        if owner is None:
            raise ValueError(_("Choose an owner from your county."))
    services.add_corrective_action(s, form.cleaned_data["what"], owner=owner, due=form.cleaned_data.get("due"),
                                   by=request.user)  # fmt: skip
    return _("The corrective action was added.")


def _complete(request: HttpRequest, s: Shortcoming, form: CompleteActionForm) -> str:
    action = action_of(request.user, s, form.cleaned_data["item"])
    if action is None:
        raise ValueError(_("No such corrective action."))
    services.complete_action(action, by=request.user)
    return _("The corrective action was marked completed.")


def _corrected(request: HttpRequest, s: Shortcoming, form: Any) -> str:
    services.mark_corrected(s, by=request.user)
    return _("The shortcoming was marked corrected.")


def _unfounded(request: HttpRequest, s: Shortcoming, form: ReasonForm) -> str:
    services.mark_unfounded(s, form.cleaned_data["reason"], by=request.user)
    return _("The notification was marked unfounded.")


def _escalate(request: HttpRequest, s: Shortcoming, form: ReasonForm) -> str:
    services.escalate(s, form.cleaned_data["reason"], by=request.user)
    return _("The notification goes to the supervisory authority. Download the letter below and send it.")


RECEIVER = (Capability.RECEIVE_SHORTCOMINGS,)
SHORTCOMING_ACTIONS = {
    "acknowledge": FormAction(_acknowledge, capabilities=RECEIVER),
    "start": FormAction(_start, capabilities=RECEIVER),
    "add_action": FormAction(_add_action, CorrectiveActionForm, capabilities=RECEIVER),
    "complete_action": FormAction(_complete, CompleteActionForm, capabilities=RECEIVER),
    "corrected": FormAction(_corrected, capabilities=RECEIVER),
    "unfounded": FormAction(_unfounded, ReasonForm, capabilities=RECEIVER),
    # The notifier may escalate too (the service checks who asks).
    "escalate": FormAction(_escalate, ReasonForm),
}


@requires(Capability.SUBMIT_REPORT)
@sensitive_post_parameters("what", "reason")
def shortcoming_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shortcoming = shortcoming_for(request.user, pk)
    if shortcoming is None:
        raise Http404  # not 403: do not confirm that it exists
    if request.method == "POST":
        done = dispatch(request, shortcoming, SHORTCOMING_ACTIONS,
                        success=lambda: redirect("shortcomings:detail", pk=shortcoming.pk))  # fmt: skip
        return done.response or redirect("shortcomings:detail", pk=shortcoming.pk)
    receiver = handled_by(request.user, shortcoming)
    return render(request, "shortcomings/detail.html", {
        "s": shortcoming, "receiver_side": receiver, "own": is_notifier(request.user, shortcoming),
        "notifier": shortcoming.notifier if receiver and sees_notifier(request.user, shortcoming) else None,
        "actions": list(shortcoming.actions.select_related("owner")), "steps": list(shortcoming.steps.all()),
        "owners": list(owners_for(request.user)) if receiver else [],
    })  # fmt: skip


@requires(Capability.SUBMIT_REPORT)
def letter(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    shortcoming = shortcoming_for(request.user, pk)
    if shortcoming is None or fmt not in ("pdf", "docx"):
        raise Http404
    show = sees_notifier(request.user, shortcoming)
    if fmt == "pdf":
        body, content_type = letter_pdf(shortcoming, show_notifier=show), "application/pdf"
    else:
        body = letter_docx(shortcoming, show_notifier=show)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="shortcoming-{shortcoming.pk}.{fmt}"'
    return response


@requires(Capability.RECEIVE_SHORTCOMINGS)
def annual(request: HttpRequest, year: int) -> HttpResponse:
    if not 2000 <= year <= 2100:
        raise Http404
    return render(request, "shortcomings/annual.html", {"counts": year_counts(request.user, year), "year": year,
                                                        "previous": year - 1, "next": year + 1})  # fmt: skip
