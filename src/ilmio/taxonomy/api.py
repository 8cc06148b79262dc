from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from ilmio.areas.models import County, Municipality
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

router = Router(tags=["reference data"])


class Labels(Schema):
    fi: str
    sv: str
    en: str


class Term(Schema):
    code: str
    label: Labels
    national: bool = False


class TaxonomyOut(Schema):
    phenomena: list[Term]
    target_groups: list[Term]
    service_areas: list[Term]


class AreaOut(Schema):
    code: str
    name: Labels
    parent_code: str


def _term(term: object, national: bool = False) -> Term:
    return Term(
        code=term.code,  # type: ignore[attr-defined]
        label=Labels(fi=term.label_fi, sv=term.label_sv, en=term.label_en),  # type: ignore[attr-defined]
        national=national,
    )


@router.get("/taxonomy", response=TaxonomyOut, auth=None, summary="Phenomena, target groups and service areas")
def taxonomy(request: HttpRequest) -> TaxonomyOut:
    return TaxonomyOut(
        phenomena=[_term(p, p.national) for p in Phenomenon.objects.filter(active=True)],
        target_groups=[_term(t) for t in TargetGroup.objects.filter(active=True)],
        service_areas=[_term(s) for s in ServiceArea.objects.filter(active=True)],
    )


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
