"""Every access rule of Ilmiö, in one place.

A *capability* is something a user may do; the table below says which roles hold it.
Views declare the capability they need with :func:`requires`, API endpoints with
:func:`api_requires`; which objects they may see is answered by the access layer
(``ilmio.core.access`` and each app's ``access`` module). The permission-matrix test
requests every URL as every role and compares with this table, so a rule cannot hide in
a view.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from ilmio.core.roles import Role

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse


class Capability(StrEnum):
    SUBMIT_REPORT = "submit_report"            # file a report as a logged-in user
    VIEW_OWN_REPORTS = "view_own_reports"      # see one's own reports and their path
    READ_REPORT_TEXT = "read_report_text"      # read any report of one's county, with text
    TRIAGE = "triage"                          # classify, group, code, draft summaries
    APPROVE_SUMMARY = "approve_summary"        # approve and publish summaries
    READ_FORWARDED = "read_forwarded"          # read forwarded summaries and proposals
    DECIDE = "decide"                          # record decisions on proposals, manage actions
    READ_AGGREGATES = "read_aggregates"        # suppressed statistics of one's county
    READ_NATIONAL_AGGREGATES = "read_national_aggregates"  # suppressed statistics, all counties
    IMPORT_FEDERATION_PACKAGES = "import_federation_packages"  # national: take in a county's signed package
    MANAGE_USERS = "manage_users"              # admin: users and organisations of one's county
    VIEW_AUDIT_LOG = "view_audit_log"          # read and export the audit trail of one's county
    RECEIVE_SHORTCOMINGS = "receive_shortcomings"  # handle notifications of shortcomings of one's county


ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.REPORTER: frozenset({Capability.SUBMIT_REPORT, Capability.VIEW_OWN_REPORTS, Capability.READ_AGGREGATES}),
    Role.PARTNER: frozenset({Capability.SUBMIT_REPORT, Capability.VIEW_OWN_REPORTS, Capability.READ_AGGREGATES}),
    Role.COORDINATOR: frozenset({
        Capability.SUBMIT_REPORT, Capability.VIEW_OWN_REPORTS, Capability.READ_REPORT_TEXT,
        Capability.TRIAGE, Capability.READ_FORWARDED, Capability.READ_AGGREGATES,
    }),
    Role.MANAGER: frozenset({
        Capability.SUBMIT_REPORT, Capability.VIEW_OWN_REPORTS, Capability.READ_REPORT_TEXT,
        Capability.APPROVE_SUMMARY, Capability.READ_FORWARDED, Capability.DECIDE,
        Capability.READ_AGGREGATES, Capability.VIEW_AUDIT_LOG,
        Capability.RECEIVE_SHORTCOMINGS,
    }),
    Role.DECISION_MAKER: frozenset({Capability.READ_FORWARDED, Capability.READ_AGGREGATES}),
    # Aggregates only, never report text, across all counties.
    Role.NATIONAL_ANALYST: frozenset({Capability.READ_AGGREGATES, Capability.READ_NATIONAL_AGGREGATES,
                                      Capability.IMPORT_FEDERATION_PACKAGES}),
    Role.ADMIN: frozenset({
        Capability.SUBMIT_REPORT, Capability.VIEW_OWN_REPORTS, Capability.READ_REPORT_TEXT,
        Capability.TRIAGE, Capability.APPROVE_SUMMARY, Capability.READ_FORWARDED,
        Capability.DECIDE, Capability.READ_AGGREGATES, Capability.MANAGE_USERS, Capability.VIEW_AUDIT_LOG,
    }),
}  # fmt: skip


def has_capability(user: Any, capability: Capability) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    try:
        role = Role(user.role)
    except ValueError:
        return False
    if role is not Role.NATIONAL_ANALYST and user.county_id is None:
        # A county-scoped role without a county sees nothing rather than everything.
        return False
    return capability in ROLE_CAPABILITIES[role]


def capabilities_of(user: Any) -> frozenset[Capability]:
    return frozenset(c for c in Capability if has_capability(user, c))


def can_see_county(user: Any, county_id: int | None) -> bool:
    if has_capability(user, Capability.READ_NATIONAL_AGGREGATES):
        return True
    return county_id is not None and getattr(user, "county_id", None) == county_id


PUBLIC = "public"


def requires(capability: Capability | str) -> Callable:
    """Decorate a view with the capability it needs; ``PUBLIC`` marks open pages.

    Anonymous users are sent to log in; logged-in users without it get 403.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if capability != PUBLIC:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if not has_capability(request.user, Capability(capability)):
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_capability = capability  # type: ignore[attr-defined]
        return wrapped

    return decorator
