"""The national picture in the JSON API (tag ``federation``), for national analysts: the same
rows as the page (``ilmio.federation.picture``), hidden and missing kept apart."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from ilmio.core.api_schemas import ERRORS
from ilmio.core.permissions import Capability, has_capability
from ilmio.federation.national import current_packages
from ilmio.federation.package import ALL
from ilmio.federation.picture import national_picture
from ilmio.taxonomy.models import Phenomenon

router = Router(tags=["federation"])


class RowOut(Schema):
    level: str = Field(..., description="country, cooperation_area or county")
    code: str
    name: str
    state: str = Field(..., description="shown, hidden (to protect privacy), not_published, or no_data (no package)")
    value: int | None
    per_10000: float | None
    counties_with_data: int
    counties: int
    package_version: int | None


class PictureOut(Schema):
    phenomenon: str
    period: str
    periods: list[str]
    rows: list[RowOut]


class PictureFilters(Schema):
    phenomenon: str = Field(ALL, max_length=40, description="A phenomenon code, or ALL.")
    period: str | None = Field(None, max_length=7)


@router.get("/federation/picture", response={200: PictureOut, **ERRORS}, summary="The national picture")
def picture(request: HttpRequest, filters: Query[PictureFilters]) -> Any:
    if not has_capability(request.user, Capability.READ_NATIONAL_AGGREGATES):
        raise HttpError(403, "For national analysts.")
    if filters.phenomenon != ALL and not Phenomenon.objects.filter(code=filters.phenomenon, active=True).exists():
        raise HttpError(422, "Unknown phenomenon code.")
    result = national_picture(filters.phenomenon, filters.period)
    return PictureOut(phenomenon=result.phenomenon, period=result.period, periods=result.periods, rows=[
        RowOut(level=r.level, code=r.code, name=r.name, state=r.state, value=r.value, per_10000=r.rate,
               counties_with_data=r.counties_with_data, counties=r.counties, package_version=r.package_version)
        for r in result.rows])  # fmt: skip


class PackageOut(Schema):
    county_code: str
    version: int
    created: str
    taxonomy_version: str
    threshold: int


@router.get("/federation/packages", response={200: list[PackageOut], **ERRORS}, summary="The counties' newest packages")
def packages(request: HttpRequest) -> Any:
    if not has_capability(request.user, Capability.READ_NATIONAL_AGGREGATES):
        raise HttpError(403, "For national analysts.")
    return [PackageOut(county_code=code, version=p.version, created=p.created, taxonomy_version=p.taxonomy_version,
                       threshold=p.threshold) for code, p in sorted(current_packages().items())]  # fmt: skip
