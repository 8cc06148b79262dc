"""Geography in the JSON API: counties and municipalities (public reference data)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from ilmio.areas.models import County, Municipality
from ilmio.core.api_schemas import Labels

router = Router(tags=["reference data"])


class AreaOut(Schema):
    code: str
    name: Labels
    parent_code: str


@router.get("/counties", response=list[AreaOut], auth=None, summary="Wellbeing services counties")
def counties(request: HttpRequest) -> list[AreaOut]:
    return [
        AreaOut(code=c.code, name=Labels(fi=c.name_fi, sv=c.name_sv, en=c.name_en), parent_code=c.cooperation_area.code)
        for c in County.objects.select_related("cooperation_area")
    ]


@router.get("/municipalities", response=list[AreaOut], auth=None, summary="Municipalities")
def municipalities(request: HttpRequest) -> list[AreaOut]:
    return [
        AreaOut(code=m.code, name=Labels(fi=m.name_fi, sv=m.name_sv, en=m.name_en), parent_code=m.county.code)
        for m in Municipality.objects.filter(active=True).select_related("county")
    ]
