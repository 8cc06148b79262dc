from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from ilmio.core.api_schemas import Labels
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup, TaxonomyTerm

router = Router(tags=["reference data"])


class Term(Schema):
    code: str
    label: Labels
    national: bool = False


class TaxonomyOut(Schema):
    phenomena: list[Term]
    target_groups: list[Term]
    service_areas: list[Term]


def _term(term: TaxonomyTerm, national: bool = False) -> Term:
    return Term(
        code=term.code,
        label=Labels(fi=term.label_fi, sv=term.label_sv, en=term.label_en),
        national=national,
    )


@router.get("/taxonomy", response=TaxonomyOut, auth=None, summary="Phenomena, target groups and service areas")
def taxonomy(request: HttpRequest) -> TaxonomyOut:
    return TaxonomyOut(
        phenomena=[_term(p, p.national) for p in Phenomenon.objects.filter(active=True)],
        target_groups=[_term(t) for t in TargetGroup.objects.filter(active=True)],
        service_areas=[_term(s) for s in ServiceArea.objects.filter(active=True)],
    )
