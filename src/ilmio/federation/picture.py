"""The national situational picture of frontline reports: every county's newest accepted
package side by side with its cooperation area and the country, per 10,000 residents.

Every number is a county's published cell or a sum of them. A sum is shown only when none of
its parts is hidden (else a reader could subtract); counties without a package are left out
of a sum and counted ("from 2 of 4 counties"), so "no data" is never confused with "hidden".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ilmio.areas.loading import latest_population
from ilmio.areas.models import CooperationArea, County
from ilmio.federation.models import FederatedCell
from ilmio.federation.national import current_packages
from ilmio.federation.package import ALL, HIDDEN, NOT_PUBLISHED
from ilmio.indicators.models import Indicator, IndicatorValue, PhenomenonIndicator

NO_DATA, SHOWN_VALUE, HIDDEN_VALUE, UNPUBLISHED = "no_data", "shown", "hidden", "not_published"


@dataclass
class PictureRow:
    level: str  # country, cooperation_area, county
    code: str
    name: str
    state: str
    value: int | None
    rate: float | None
    population: int
    counties_with_data: int = 0
    counties: int = 0
    package_version: int | None = None
    package_created: str = ""
    parent: str = ""  # a county's cooperation area
    indicators: list[str] = field(default_factory=list)  # beside the counts: see indicator_columns


@dataclass
class NationalPicture:
    phenomenon: str
    period: str
    periods: list[str]
    rows: list[PictureRow] = field(default_factory=list)

    def row(self, level: str, code: str) -> PictureRow | None:
        return next((r for r in self.rows if r.level == level and r.code == code), None)


def _rate(value: int | None, population: int) -> float | None:
    return round(10000 * value / population, 1) if value is not None and population else None


def available_periods() -> list[str]:
    """Years and quarters that the newest packages carry, newest first."""
    packages = [p.pk for p in current_packages().values()]
    periods = set(FederatedCell.objects.filter(package__in=packages).exclude(period__regex=r"^\d{4}-\d{2}$")
                  .values_list("period", flat=True).distinct())  # fmt: skip
    return sorted(periods, reverse=True)


def national_picture(phenomenon: str, period: str | None = None) -> NationalPicture:
    packages = current_packages()
    periods = available_periods()
    chosen = period if period in periods else (next((p for p in periods if len(p) == 4), periods[0] if periods else ""))
    cells = {(c.package.county.code, c.area_code): c for c in FederatedCell.objects.filter(
        package__in=list(packages.values()), phenomenon=phenomenon, period=chosen).select_related("package__county")}  # fmt: skip
    populations = latest_population()
    picture = NationalPicture(phenomenon=phenomenon, period=chosen, periods=periods)
    county_rows: dict[str, PictureRow] = {}
    for county in County.objects.select_related("cooperation_area").prefetch_related("municipalities").order_by("code"):
        population = sum(populations.get(m.code, 0) for m in county.municipalities.all() if m.active)
        package = packages.get(county.code)
        cell = cells.get((county.code, county.code))
        if package is None or cell is None:
            state, value = NO_DATA, None
        elif cell.status == HIDDEN:
            state, value = HIDDEN_VALUE, None
        elif cell.status == NOT_PUBLISHED or cell.value is None:
            state, value = UNPUBLISHED, None
        else:
            state, value = SHOWN_VALUE, cell.value
        county_rows[county.code] = PictureRow("county", county.code, county.name, state, value, _rate(value, population),
                                              population, package_version=package.version if package else None,
                                              package_created=package.created if package else "",
                                              parent=county.cooperation_area.code)  # fmt: skip

    def total(level: str, code: str, name: str, members: list[PictureRow]) -> PictureRow:
        with_data = [m for m in members if m.state != NO_DATA]
        population = sum(m.population for m in with_data)
        if not with_data:
            state, value = NO_DATA, None
        elif any(m.state != SHOWN_VALUE for m in with_data):
            state, value = HIDDEN_VALUE, None  # a hidden part: the sum would reveal it
        else:
            state, value = SHOWN_VALUE, sum(m.value or 0 for m in with_data)
        return PictureRow(level, code, name, state, value, _rate(value, population), population,
                          counties_with_data=len(with_data), counties=len(members))  # fmt: skip

    picture.rows.append(total("country", "FI", "", list(county_rows.values())))
    for area in CooperationArea.objects.prefetch_related("counties").order_by("code"):
        members = [county_rows[c.code] for c in area.counties.order_by("code") if c.code in county_rows]
        picture.rows.append(total("cooperation_area", area.code, area.name, members))
        picture.rows += members
    return picture


@dataclass
class IndicatorColumn:
    """A statistic on the phenomenon (Sotkanet, the register) beside the frontline counts:
    its value for each area of the table in the picture's year, as its source published it."""

    indicator: Indicator
    year: str
    values: dict[tuple[str, str], str]

    def value_of(self, row: PictureRow) -> str:
        return self.values.get((row.level, row.code), "")


def indicator_columns(picture: NationalPicture, limit: int = 2) -> list[IndicatorColumn]:
    """The first ``limit`` indicators linked to the picture's phenomenon, with their values of
    its year for the country, the cooperation areas and the counties ("–" where the source hid
    a small number, nothing where it has no value), also set on each row (``row.indicators``)."""
    phenomenon, period = picture.phenomenon, picture.period
    if not period or phenomenon in ("", ALL):
        return []
    year = period[:4]
    columns = []
    links = PhenomenonIndicator.objects.filter(phenomenon__code=phenomenon).select_related("indicator")[:limit]
    for link in links:
        values = {(v.area_level, v.area_code): "–" if v.suppressed or v.value is None else f"{v.value:g}"
                  for v in IndicatorValue.objects.filter(indicator=link.indicator, period=year,
                                                         area_level__in=("country", "cooperation_area", "county"))}  # fmt: skip
        if values:
            columns.append(IndicatorColumn(link.indicator, year, values))
    for row in picture.rows:
        row.indicators = [column.value_of(row) for column in columns]
    return columns


MISSING = "m"  # JSON-stat status of a county that sent no package
COLUMNS = ["level", "code", "name", "phenomenon", "period", "state", "value", "per_10000", "counties_with_data",
           "counties", "package_version"]  # fmt: skip


def combined_rows(phenomena: list[str]) -> list[dict[str, object]]:
    """Every row of the national picture for each phenomenon and period: the combined dataset."""
    rows: list[dict[str, object]] = []
    for period in available_periods():
        for phenomenon in phenomena:
            for r in national_picture(phenomenon, period).rows:
                rows.append({"level": r.level, "code": r.code, "name": r.name, "phenomenon": phenomenon, "period": period,
                             "state": r.state, "value": r.value, "per_10000": r.rate,
                             "counties_with_data": r.counties_with_data if r.level != "county" else "",
                             "counties": r.counties if r.level != "county" else "",
                             "package_version": r.package_version or ""})  # fmt: skip
    return rows


def combined_jsonstat(phenomena: dict[str, str]) -> dict[str, object]:
    """The combined rows as one JSON-stat 2.0 dataset (area × phenomenon × period), hidden
    cells ``c``, unpublished ``n``, counties without a package ``m``."""
    from ilmio.federation.package import Area, jsonstat_dataset

    rows = combined_rows(list(phenomena))
    cells = {(str(r["code"]), str(r["phenomenon"]), str(r["period"])): r for r in rows}
    areas: dict[str, Area] = {}
    current_area = "FI"
    for r in rows:
        if r["level"] == "cooperation_area":
            current_area = str(r["code"])
        code = str(r["code"])
        if code not in areas:
            parent = None if r["level"] == "country" else ("FI" if r["level"] == "cooperation_area" else current_area)
            areas[code] = Area(code, str(r["level"]), str(r["name"]) or "Suomi", parent)
    status = {SHOWN_VALUE: "", HIDDEN_VALUE: "c", UNPUBLISHED: "n", NO_DATA: MISSING}

    def cell(area: Area, phenomenon: str, period: str) -> tuple[int | None, str]:
        row = cells.get((area.code, phenomenon, period))
        if row is None:
            return None, MISSING
        value = row["value"]
        return (value if isinstance(value, int) else None), status[str(row["state"])]

    return jsonstat_dataset(label="Ilmiö: sosiaaliset raportit hyvinvointialueittain (valtakunnallinen kooste)",
                            areas=list(areas.values()), phenomena=phenomena, periods=available_periods(), cell=cell,
                            extension={"source": "Ilmiö national instance", "missing_status": MISSING,
                                       "status_labels_extra": {MISSING: "no package from this county"}})  # fmt: skip
