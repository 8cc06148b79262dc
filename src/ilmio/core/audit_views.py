"""The audit log page: a county's events for its managers and administrators.

Events are read through :func:`ilmio.core.audit.audit_events_for` only, so a manager sees
their own county's events and nothing else. Filters are a validated form; exports (CSV,
XLSX) contain the filtered events and are themselves audited.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilmio.core.audit import Event, audit_events_for, describe, record_event
from ilmio.core.models import AuditEvent
from ilmio.core.permissions import Capability, requires
from ilmio.core.roles import Role

PAGE_SIZE = 50
MAX_EXPORT_ROWS = 50_000
EXPORT_COLUMNS = ["at", "event_type", "actor", "actor_role", "object_type", "object_id", "county", "details"]
# The Excel (CSV) download's headers; CSV and XLSX keep the keys above.
EXPORT_LABELS = {
    "at": gettext_lazy("Time"), "event_type": gettext_lazy("Event"), "actor": gettext_lazy("User name"),
    "actor_role": gettext_lazy("Role"), "object_type": gettext_lazy("Object type"),
    "object_id": gettext_lazy("Object id"), "county": gettext_lazy("Wellbeing services county"),
    "details": gettext_lazy("Details"),
}  # fmt: skip


class AuditFilterForm(forms.Form):
    event_type = forms.ChoiceField(label=gettext_lazy("Event"), required=False)
    actor = forms.CharField(label=gettext_lazy("User name"), required=False, max_length=150)
    date_from = forms.DateField(label=gettext_lazy("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    object_id = forms.CharField(
        label=gettext_lazy("Object id"), required=False, max_length=64,
        validators=[RegexValidator(r"^[\w.:-]*$", gettext_lazy("Use only letters, digits, dots, colons and dashes."))],
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the declared fields, typed only as Field.
        cast(forms.ChoiceField, self.fields["event_type"]).choices = [
            ("", gettext_lazy("All events")), *Event.choices
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean() returns
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def apply(self, events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        data = self.cleaned_data
        if data.get("event_type"):
            events = events.filter(event_type=data["event_type"])
        if data.get("actor"):
            events = events.filter(actor__username__iexact=data["actor"].strip())
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lt=data["date_to"] + timedelta(days=1))
        if data.get("object_id"):
            # The object of the event, or one of the ids a list read or bulk change named.
            value = data["object_id"]
            events = events.filter(Q(object_id=value) | Q(details__ids__icontains=f'"{value}"'))
        return events

    def used(self) -> dict[str, Any]:
        """Which filters an export used, as audit details (codes and booleans only)."""
        data = self.cleaned_data
        return {
            "event_filter": data.get("event_type") or None,
            "actor_filter": bool(data.get("actor")),
            "date_from": data["date_from"].isoformat() if data.get("date_from") else None,
            "date_to": data["date_to"].isoformat() if data.get("date_to") else None,
            "object_filter": data.get("object_id") or None,
        }


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEvent] | None]:
    form = AuditFilterForm(request.GET or None)
    events = audit_events_for(request.user)
    if not request.GET:
        return form, events
    if not form.is_valid():
        return form, None
    return form, form.apply(events)


# Display names of the detail keys and object types (the stored values are codes).
DETAIL_LABELS: dict[str, Any] = {
    "total": gettext_lazy("Objects"), "view": gettext_lazy("View"), "page": gettext_lazy("Page"),
    "offset": gettext_lazy("Offset"), "format": gettext_lazy("Format"), "public": gettext_lazy("Public version"),
    "passages": gettext_lazy("Passages"), "from_status": gettext_lazy("From status"),
    "to_status": gettext_lazy("To status"), "primary": gettext_lazy("Primary phenomenon"),
    "phenomena": gettext_lazy("Other phenomena"), "target_groups": gettext_lazy("Target groups"),
    "municipalities": gettext_lazy("Municipalities"), "fields": gettext_lazy("Changed fields"),
    "decision": gettext_lazy("Decision"), "phenomenon": gettext_lazy("Phenomenon"),
    "municipality": gettext_lazy("Municipality"), "last_month": gettext_lazy("Last month"),
    "statements": gettext_lazy("Statements"), "audience": gettext_lazy("Audience"),
    "approved": gettext_lazy("Approved"), "summary": gettext_lazy("Summary"),
    "addressed_to": gettext_lazy("Addressed to"), "case": gettext_lazy("Case"), "outcome": gettext_lazy("Outcome"),
    "proposal": gettext_lazy("Proposal"), "parent": gettext_lazy("Parent action"),
    "progress": gettext_lazy("Progress"), "created": gettext_lazy("Created"), "updated": gettext_lazy("Updated"),
    "channel": gettext_lazy("Channel"), "report": gettext_lazy("Report"), "redactions": gettext_lazy("Redactions"),
    "role": gettext_lazy("Role"), "from_role": gettext_lazy("From role"), "to_role": gettext_lazy("To role"),
    "from_county": gettext_lazy("From county"), "to_county": gettext_lazy("To county"),
    "rows": gettext_lazy("Rows"), "event_filter": gettext_lazy("Event filter"),
    "actor_filter": gettext_lazy("User filter"), "date_from": gettext_lazy("From"), "date_to": gettext_lazy("To"),
    "object_filter": gettext_lazy("Object filter"), "migrated": gettext_lazy("From the old access log"),
}  # fmt: skip
OBJECT_LABELS: dict[str, Any] = {
    "report": gettext_lazy("Report"), "summary": gettext_lazy("Summary"), "phenomenoncase": gettext_lazy("Case"),
    "proposal": gettext_lazy("Proposal"), "decision": gettext_lazy("Decision"), "action": gettext_lazy("Action"),
    "quote": gettext_lazy("Quote"), "signalreview": gettext_lazy("Signal review"), "user": gettext_lazy("User"),
}  # fmt: skip


def _details(event: AuditEvent) -> list[tuple[str, str]]:
    shown = []
    for key, value in describe(event):
        if value in ("True", "False"):
            value = _("yes") if value == "True" else _("no")
        shown.append((str(DETAIL_LABELS.get(key, key)), value))
    return shown


def _role_label(code: str) -> str:
    try:
        return str(Role(code).label)
    except ValueError:
        return code


@requires(Capability.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    if events is None:
        messages.error(request, _("Check the filters: some of them are not valid."))
        events = AuditEvent.objects.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"event": event, "role": _role_label(event.actor_role), "details": _details(event),
             "object": OBJECT_LABELS.get(event.object_type, event.object_type)} for event in page]  # fmt: skip
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/audit_log.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
    })  # fmt: skip


def _export_row(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": timezone.localtime(event.at).isoformat(timespec="seconds"),
        "event_type": event.event_type,
        "actor": event.actor.get_username() if event.actor else "",
        "actor_role": event.actor_role,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "county": event.county.code if event.county else "",
        "details": json.dumps(event.details, ensure_ascii=False, sort_keys=True),
    }


@requires(Capability.VIEW_AUDIT_LOG)
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    from ilmio.core.tables import TABLE_FORMATS, table_download

    if fmt not in TABLE_FORMATS:
        raise Http404
    form, events = _filtered(request)
    if events is None:
        messages.error(request, _("Check the filters: some of them are not valid."))
        return redirect(f"{reverse('audit_log')}?{request.GET.urlencode()}")
    selected = list(events.select_related("county")[:MAX_EXPORT_ROWS])
    rows = [_export_row(event) for event in selected]
    response = table_download(rows, EXPORT_COLUMNS, fmt, "ilmio-audit-log", title="Audit log", labels=EXPORT_LABELS)
    with transaction.atomic():
        record_event(request.user, Event.AUDIT_EXPORTED, format=fmt, rows=len(rows),
                     **(form.used() if form.is_bound else {}))  # fmt: skip
    return response
