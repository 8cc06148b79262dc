"""Whose import runs and saved mappings a user may see: their own county's, if they triage."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ilmio.core.permissions import Capability, has_capability
from ilmio.reports.models import ImportMapping, ImportRun


def county_mappings(user: Any, kind: str = "reports") -> QuerySet[ImportMapping]:
    if not has_capability(user, Capability.TRIAGE):
        return ImportMapping.objects.none()
    return ImportMapping.objects.filter(county_id=user.county_id, kind=kind)


def county_runs(user: Any, kind: str = "reports") -> QuerySet[ImportRun]:
    if not has_capability(user, Capability.TRIAGE):
        return ImportRun.objects.none()
    return ImportRun.objects.filter(county_id=user.county_id, kind=kind)


def _pk(value: Any) -> int | None:
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def mapping_for(user: Any, pk: Any, kind: str = "reports") -> ImportMapping | None:
    """One saved mapping of the user's county and of the kind, or None (the caller answers 404)."""
    key = _pk(pk)
    return None if key is None else county_mappings(user, kind).filter(pk=key).first()


def run_for(user: Any, pk: Any, kind: str = "reports") -> ImportRun | None:
    key = _pk(pk)
    return None if key is None else county_runs(user, kind).filter(pk=key).first()
