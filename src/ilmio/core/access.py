"""The access layer's shared rules: whose county, and which audience a reader is.

Which objects a user may see or change is answered per app by its ``access`` module
(``ilmio.reports.access``, ``ilmio.analysis.access``, ``ilmio.knowledge.access``); they
narrow querysets only through :func:`in_county` and decide audiences only through
:func:`audience_of`. Views, the API, exports, PDFs, report paths and public pages use
those modules and never filter on county or audience themselves (a test checks).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from ilmio.core.permissions import Capability, has_capability

M = TypeVar("M", bound=Model)

INTERNAL = "internal"
DECISION_MAKERS = "decision_makers"
PUBLIC = "public"


def county_id_of(user: Any) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "county_id", None)


def in_county(queryset: QuerySet[M], user: Any, field: str = "county") -> QuerySet[M]:
    """Only the rows of the user's own county; none for a user without one."""
    county_id = county_id_of(user)
    if county_id is None:
        return queryset.none()
    return queryset.filter(**{f"{field}_id": county_id})


def of_county(queryset: QuerySet[M], county: Any, field: str = "county") -> QuerySet[M]:
    """Rows of one named county (public pages choose the county in their address)."""
    return queryset.filter(**{f"{field}_id": getattr(county, "pk", county)})


def audience_of(user: Any, county_id: int | None = None) -> str:
    """The widest audience version a user may read of a county's knowledge: its staff who
    read report texts see the internal one, its decision-makers theirs, anyone else the
    public one."""
    own = county_id is None or county_id_of(user) == county_id
    if own and has_capability(user, Capability.READ_REPORT_TEXT):
        return INTERNAL
    if own and has_capability(user, Capability.READ_FORWARDED):
        return DECISION_MAKERS
    return PUBLIC


def is_id(value: Any) -> bool:
    """A database id as a user may send it: ASCII digits of a sane length ("²" and
    "99999999999999999999" are not ids)."""
    text = str(value)
    return text.isascii() and text.isdigit() and 0 < len(text) <= 18


def home_county(user: Any) -> Any:
    """The county a user works for: where what they create belongs (None without one)."""
    return getattr(user, "county", None) if county_id_of(user) is not None else None
