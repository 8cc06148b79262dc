"""The information-needs register (tietotarverekisteri) of a phenomenon: what the published
workshop compilations of the given counties asked for, what exists, and what is missing.

It is read by the phenomenon brief, the situational picture's link and the register's own
page; only published compilations count, and each line is the compilation's redacted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ilmio.participation.models import CompiledItem, WorksheetSection, WorkshopSeries
from ilmio.taxonomy.models import Phenomenon

# The register's three questions and the worksheet parts that answer them.
ASKED = (WorksheetSection.NEED,)
AVAILABLE = (WorksheetSection.SOURCE, WorksheetSection.INDICATOR)
MISSING = (WorksheetSection.MISSING,)


@dataclass
class RegisterLine:
    text: str
    worksheets: int
    county: str


@dataclass
class InformationNeeds:
    asked: list[RegisterLine] = field(default_factory=list)
    available: list[RegisterLine] = field(default_factory=list)
    missing: list[RegisterLine] = field(default_factory=list)
    series: list[WorkshopSeries] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.asked or self.available or self.missing)


def information_needs(phenomenon: Phenomenon, county_codes: Sequence[str] | None = None, *, limit: int = 50) -> InformationNeeds:
    """The register for these counties (all of them when None), most-named lines first."""
    items = CompiledItem.objects.filter(compilation__series__phenomenon=phenomenon,
                                        compilation__published_at__isnull=False,
                                        section__in=[*ASKED, *AVAILABLE, *MISSING])  # fmt: skip
    if county_codes is not None:
        items = items.filter(compilation__series__county__code__in=list(county_codes))
    register = InformationNeeds()
    for item in items.select_related("compilation__series__county").order_by("-worksheets", "pk")[: limit * 3]:
        line = RegisterLine(item.text, item.worksheets, item.compilation.series.county.code)
        target = register.asked if item.section in ASKED else register.available if item.section in AVAILABLE else register.missing
        if len(target) < limit:
            target.append(line)
    series = WorkshopSeries.objects.filter(phenomenon=phenomenon, compilation__published_at__isnull=False)
    if county_codes is not None:
        series = series.filter(county__code__in=list(county_codes))
    register.series = list(series.select_related("county", "compilation"))
    return register
