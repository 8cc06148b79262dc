"""Idempotent loading of the geography and population reference data.

Reloading the same files changes nothing; loading a new year's classification updates
names and county mappings in place and marks municipalities that left it inactive.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from ilmio.areas.models import CooperationArea, County, Municipality, Population

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


class ReferenceDataError(ValueError):
    """A reference file is missing, malformed or inconsistent; nothing was changed."""


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deactivated: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

    def summary(self) -> str:
        parts = [f"created {self.created or {}}", f"updated {self.updated or {}}"]
        if self.deactivated:
            parts.append(f"deactivated {self.deactivated} municipalities")
        if self.skipped:
            parts.append(f"skipped {self.skipped}")
        return "; ".join(parts)


def read_csv(path: Path, required: set[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise ReferenceDataError(f"{path}: file not found")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise ReferenceDataError(f"{path}: missing columns {', '.join(sorted(missing))}")
            return list(reader)
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{path}: not UTF-8 text ({error.reason})") from error


def _save(result: LoadResult, model: type, lookup: dict, values: dict) -> object:
    """update_or_create that only writes (and counts) rows whose values really changed."""
    kind = model.__name__
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values)
        result.count(result.created, kind)
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
        result.count(result.updated, kind)
    return instance


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
                areas[area_code] = _save(
                    result, CooperationArea, {"code": area_code},
                    {"name_fi": row["cooperation_area_name_fi"], "name_sv": row["cooperation_area_name_sv"],
                     "name_en": row["cooperation_area_name_en"]},
                )  # fmt: skip
            county_code = row["county_code"].strip().zfill(2)
            if county_code not in counties:
                counties[county_code] = _save(
                    result, County, {"code": county_code},
                    {"name_fi": row["county_name_fi"], "name_sv": row["county_name_sv"],
                     "name_en": row["county_name_en"], "cooperation_area": areas[area_code]},
                )  # fmt: skip
            code = row["municipality_code"].strip()
            seen.add(code)
            _save(
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


def load_reference_data(
    municipalities: Path = MUNICIPALITIES_CSV, population: Path = POPULATION_CSV
) -> list[LoadResult]:
    from ilmio.taxonomy.loading import load_taxonomy

    return [load_municipalities(municipalities), load_population(population), load_taxonomy()]


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
