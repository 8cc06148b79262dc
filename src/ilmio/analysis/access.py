"""Which reports, cases, codes and passages a coordinator may work on: their county's."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet

from ilmio.analysis.models import Code, CodedPassage, PhenomenonCase, SavedQueueFilter
from ilmio.core.access import in_county, is_id
from ilmio.core.permissions import Capability, has_capability
from ilmio.reports.models import Report


def triage_reports(user: Any) -> QuerySet[Report]:
    if not has_capability(user, Capability.TRIAGE):
        return Report.objects.none()
    return in_county(Report.objects.all(), user)


def triage_report_for(user: Any, public_id: uuid.UUID | str) -> Report | None:
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return triage_reports(user).filter(public_id=key).first()


def cases_for(user: Any) -> QuerySet[PhenomenonCase]:
    if not has_capability(user, Capability.TRIAGE):
        return PhenomenonCase.objects.none()
    return in_county(PhenomenonCase.objects.all(), user)


def case_for(user: Any, pk: Any) -> PhenomenonCase | None:
    return cases_for(user).filter(pk=pk).first() if is_id(pk) else None


def case_reports(user: Any, case: PhenomenonCase) -> QuerySet[Report]:
    """The reports of one of the user's cases (``case`` from :func:`case_for`)."""
    return triage_reports(user).filter(cases=case)


def coded_reports(user: Any) -> QuerySet[Report]:
    """The county's reports with at least one coded passage."""
    return triage_reports(user).filter(coded_passages__isnull=False).distinct()


def codes_for(user: Any) -> QuerySet[Code]:
    if not has_capability(user, Capability.TRIAGE):
        return Code.objects.none()
    return in_county(Code.objects.all(), user)


def passages_for(user: Any) -> QuerySet[CodedPassage]:
    if not has_capability(user, Capability.TRIAGE):
        return CodedPassage.objects.none()
    return in_county(CodedPassage.objects.all(), user, field="code__county")


def triage_reports_by_ids(user: Any, ids: list[str]) -> list[Report] | None:
    """All of these reports, or None when any id is not one of the user's county's (the
    caller answers 404 and changes none of them)."""
    keys = set()
    for value in ids:
        try:
            keys.add(uuid.UUID(str(value)))
        except ValueError:
            return None
    found = list(triage_reports(user).filter(public_id__in=keys))
    return found if len(found) == len(keys) else None


def saved_filters_for(user: Any) -> QuerySet[SavedQueueFilter]:
    """A coordinator's own saved queue filters (nobody sees another's)."""
    if not getattr(user, "is_authenticated", False):
        return SavedQueueFilter.objects.none()
    return SavedQueueFilter.objects.filter(user=user)


def saved_filter_for(user: Any, pk: Any) -> SavedQueueFilter | None:
    return saved_filters_for(user).filter(pk=pk).first() if isinstance(pk, int) else None

