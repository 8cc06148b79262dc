"""Areas as the statistics see them: a level, a code, a name and its municipalities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ilmio.areas.models import CooperationArea, County, Municipality

COUNTRY_CODE = "FI"
CHILD_LEVEL = {"country": "cooperation_area", "cooperation_area": "county", "county": "municipality"}


@dataclass
class Area:
    level: str
    code: str
    name: str
    municipality_codes: list[str]


def resolve_area(level: str, code: str) -> Area | None:
    if level == "country":
        return Area(level, COUNTRY_CODE, _("Whole country"), list(Municipality.objects.filter(active=True).values_list("code", flat=True)))
    # One branch per level, so each area is filtered on with its own model's type.
    municipalities = Municipality.objects.filter(active=True)
    area: CooperationArea | County | Municipality | None
    if level == "cooperation_area":
        area = CooperationArea.objects.filter(code=code).first()
        if area is not None:
            municipalities = municipalities.filter(county__cooperation_area=area)
    elif level == "county":
        area = County.objects.filter(code=code).first()
        if area is not None:
            municipalities = municipalities.filter(county=area)
    elif level == "municipality":
        area = Municipality.objects.filter(code=code).first()
        if area is not None:
            municipalities = municipalities.filter(pk=area.pk)
    else:
        raise KeyError(level)
    if area is None:
        return None
    return Area(level, area.code, area.name, list(municipalities.values_list("code", flat=True)))


def child_areas(area: Area) -> list[Area]:
    level = CHILD_LEVEL.get(area.level)
    if level is None:
        return []
    codes: Iterable[str]
    if level == "cooperation_area":
        codes = CooperationArea.objects.values_list("code", flat=True)
    elif level == "county":
        codes = County.objects.filter(cooperation_area__code=area.code).values_list("code", flat=True)
    else:
        codes = Municipality.objects.filter(county__code=area.code, active=True).values_list("code", flat=True)
    return [a for a in (resolve_area(level, c) for c in codes) if a is not None]
