"""Areas as the statistics see them: a level, a code, a name and its municipalities."""

from __future__ import annotations

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
    model = {"cooperation_area": CooperationArea, "county": County, "municipality": Municipality}[level]
    area = model.objects.filter(code=code).first()
    if area is None:
        return None
    municipalities = Municipality.objects.filter(active=True)
    if level == "cooperation_area":
        municipalities = municipalities.filter(county__cooperation_area=area)
    elif level == "county":
        municipalities = municipalities.filter(county=area)
    else:
        municipalities = municipalities.filter(pk=area.pk)
    return Area(level, area.code, area.name, list(municipalities.values_list("code", flat=True)))


def child_areas(area: Area) -> list[Area]:
    level = CHILD_LEVEL.get(area.level)
    if level is None:
        return []
    if level == "cooperation_area":
        codes = CooperationArea.objects.values_list("code", flat=True)
    elif level == "county":
        codes = County.objects.filter(cooperation_area__code=area.code).values_list("code", flat=True)
    else:
        codes = Municipality.objects.filter(county__code=area.code, active=True).values_list("code", flat=True)
    return [a for a in (resolve_area(level, c) for c in codes) if a is not None]
