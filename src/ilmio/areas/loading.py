"""Idempotent loading of the geography and population reference data.

Reloading the same files changes nothing; loading a new year's classification updates
names and county mappings in place and marks municipalities that left it inactive.
"""

from __future__ import annotations

from pathlib import Path

from django.db import models, transaction

from ilmio.areas.models import CooperationArea, County, Municipality, Population
from ilmio.core.loading import LoadResult, ReferenceDataError, read_csv, save_changed

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities_2025.csv"
POPULATION_CSV = DATA_DIR / "population_by_municipality_2000_2022.csv"

MUNICIPALITY_COLUMNS = {
    "municipality_code", "municipality_name_fi", "municipality_name_sv", "municipality_name_en",
    "county_code", "county_name_fi", "county_name_sv", "county_name_en",
    "cooperation_area_code", "cooperation_area_name_fi", "cooperation_area_name_sv",
    "cooperation_area_name_en", "region_code", "region_name_fi", "language_status_code",
}  # fmt: skip
POPULATION_COLUMNS = {"municipality_code", "year", "population"}


def load_municipalities(path: Path = MUNICIPALITIES_CSV, *, year: int | None = None) -> LoadResult:
    rows = read_csv(path, MUNICIPALITY_COLUMNS)
    if year is None:
        digits = "".join(ch for ch in path.stem if ch.isdigit())
        year = int(digits[-4:]) if len(digits) >= 4 else 2025
    for number, row in enumerate(rows, start=2):
        code = row["municipality_code"].strip()
        if not (len(code) == 3 and code.isdigit()):
            raise ReferenceDataError(f"{path}, line {number}: bad municipality code {code!r}")
        if not row["county_code"].strip() or not row["cooperation_area_code"].strip():
            raise ReferenceDataError(f"{path}, line {number}: county or cooperation area missing")
    result = LoadResult()
    with transaction.atomic():
        areas: dict[str, CooperationArea] = {}
        counties: dict[str, County] = {}
        seen: set[str] = set()
        for row in rows:
            area_code = row["cooperation_area_code"].strip()
            if area_code not in areas:
                areas[area_code] = save_changed(
                    result, CooperationArea, {"code": area_code},
                    {"name_fi": row["cooperation_area_name_fi"], "name_sv": row["cooperation_area_name_sv"],
                     "name_en": row["cooperation_area_name_en"]},
                )  # fmt: skip
            county_code = row["county_code"].strip().zfill(2)
            if county_code not in counties:
                counties[county_code] = save_changed(
                    result, County, {"code": county_code},
                    {"name_fi": row["county_name_fi"], "name_sv": row["county_name_sv"],
                     "name_en": row["county_name_en"], "cooperation_area": areas[area_code]},
                )  # fmt: skip
            code = row["municipality_code"].strip()
            seen.add(code)
            save_changed(
                result, Municipality, {"code": code},
                {"name_fi": row["municipality_name_fi"], "name_sv": row["municipality_name_sv"],
                 "name_en": row["municipality_name_en"], "county": counties[county_code],
                 "region_code": row["region_code"], "region_name_fi": row["region_name_fi"],
                 "language_status": int(row["language_status_code"] or 0),
                 "classification_year": year, "active": True},
            )  # fmt: skip
        result.deactivated = (
            Municipality.objects.filter(active=True).exclude(code__in=seen).update(active=False)
        )
    return result


def load_population(path: Path = POPULATION_CSV) -> LoadResult:
    rows = read_csv(path, POPULATION_COLUMNS)
    parsed: list[tuple[str, int, int]] = []
    for number, row in enumerate(rows, start=2):
        try:
            parsed.append((row["municipality_code"].strip().zfill(3), int(row["year"]), int(row["population"])))
        except ValueError as error:
            raise ReferenceDataError(f"{path}, line {number}: {error}") from error
    result = LoadResult()
    municipalities = {m.code: m for m in Municipality.objects.all()}
    existing = {(p.municipality_code, p.year): p for p in Population.objects.all()}
    new: list[Population] = []
    with transaction.atomic():
        for code, year, population in parsed:
            municipality = municipalities.get(code)
            if municipality is None:
                # Codes of merged municipalities in older years: kept by code, no link.
                result.count(result.skipped, "unlinked population rows")
            current = existing.get((code, year))
            if current is None:
                new.append(Population(municipality_code=code, municipality=municipality, year=year, population=population))
                result.count(result.created, "Population")
            elif current.population != population or current.municipality_id != (municipality.pk if municipality else None):
                current.population = population
                current.municipality = municipality
                current.save(update_fields=["population", "municipality"])
                result.count(result.updated, "Population")
        Population.objects.bulk_create(new, batch_size=1000)
    return result


def latest_population_year() -> int | None:
    """The newest population year loaded (shown beside every rate)."""
    return Population.objects.exclude(municipality=None).aggregate(year=models.Max("year"))["year"]


def latest_population(municipality_codes: list[str] | None = None) -> dict[str, int]:
    """Latest population per municipality code (the newest year available for each)."""
    rows = Population.objects.exclude(municipality=None)
    if municipality_codes is not None:
        rows = rows.filter(municipality_code__in=municipality_codes)
    result: dict[str, tuple[int, int]] = {}
    for code, year, population in rows.values_list("municipality_code", "year", "population"):
        if code not in result or year > result[code][0]:
            result[code] = (year, population)
    return {code: population for code, (_, population) in result.items()}
