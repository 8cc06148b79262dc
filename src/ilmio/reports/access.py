"""Which reports a user may see: the one answer for views, the API, exports and paths."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet

from ilmio.core.access import in_county
from ilmio.core.permissions import Capability, has_capability
from ilmio.reports.models import Report


def own_reports(user: Any) -> QuerySet[Report]:
    if not has_capability(user, Capability.VIEW_OWN_REPORTS):
        return Report.objects.none()
    return Report.objects.filter(submitted_by=user)


def county_reports(user: Any) -> QuerySet[Report]:
    """Every report of the user's county, for those who may read report texts."""
    if not has_capability(user, Capability.READ_REPORT_TEXT):
        return Report.objects.none()
    return in_county(Report.objects.all(), user)


def reports_for(user: Any) -> QuerySet[Report]:
    """The reports whose text the user may read: the county's, or else their own."""
    if has_capability(user, Capability.READ_REPORT_TEXT):
        own = Q(submitted_by=user) if has_capability(user, Capability.VIEW_OWN_REPORTS) else Q(pk__in=[])
        return Report.objects.filter(Q(pk__in=county_reports(user).values("pk")) | own)
    return own_reports(user)


def report_for(user: Any, public_id: uuid.UUID | str) -> Report | None:
    """One report the user may read, or None (the caller answers 404, never 403: do not
    confirm that another county's report exists)."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return reports_for(user).filter(public_id=key).first()
