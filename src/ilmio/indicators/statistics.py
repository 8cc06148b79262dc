"""Import of national statistics in Sotkanet's REST format, and of register extracts.

Sotkanet rows (`/rest/1.1/json`) carry Sotkanet's internal region ids; the regions file
(`/rest/1.1/regions`) maps them to official codes. Values are stored per area level and
year; a value whose absolute count is under the suppression threshold is stored as
suppressed, and so is its rate.
"""

from __future__ import annotations

import csv
import json
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from ilmio.indicators.models import Indicator, IndicatorValue, PhenomenonIndicator
from ilmio.taxonomy.models import Phenomenon

SAMPLE_DIR = Path(__file__).resolve().parent / "data" / "sotkanet_sample"
SOTKANET_URL = "https://sotkanet.fi/rest/1.1"
USER_AGENT = "Ilmio/0.1 (open-source structural social work platform; occasional downloads)"
CATEGORY_LEVEL = {"MAA": "country", "YTA": "cooperation_area", "HYVINVOINTIALUE": "county", "KUNTA": "municipality"}
# Default phenomenon ↔ indicator links; coordinators edit them afterwards.
DEFAULT_LINKS = {"toimeentulo": ["sotkanet:5"], "mielenterveys": ["sotkanet:4", "sotkanet:1562"],
                 "paihteet": ["sotkanet:3090"]}  # fmt: skip


class StatisticsError(ValueError):
    """A statistics file or response that cannot be used; nothing was stored."""


@dataclass
class ImportResult:
    indicators: int = 0
    values: int = 0
    suppressed: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def summary(self) -> str:
        text = f"{self.indicators} indicators, {self.values} values ({self.suppressed} suppressed)"
        return text + (f"; skipped {self.skipped}" if self.skipped else "")


def region_map(regions: Iterable[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """Sotkanet region id → (area level, official code)."""
    mapping: dict[int, tuple[str, str]] = {}
    for region in regions:
        level = CATEGORY_LEVEL.get(str(region.get("category", "")))
        if level is None or "id" not in region:
            continue
        code = str(region.get("code", ""))
        if level == "country":
            code = "FI"
        elif level == "municipality":
            code = code.zfill(3)
        elif level == "county":
            code = code.zfill(2)
        mapping[int(region["id"])] = (level, code)
    return mapping


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StatisticsError(f"{path}: cannot read JSON ({error})") from error


def save_indicator_metadata(meta: dict[str, Any], *, sample: bool) -> Indicator:
    try:
        source_id = str(int(meta["id"]))
        titles = meta["title"]
    except (KeyError, TypeError, ValueError) as error:
        raise StatisticsError(f"indicator metadata without id or title: {error}") from error
    organization = meta.get("organization", {})
    indicator, _ = Indicator.objects.update_or_create(
        code=f"sotkanet:{source_id}",
        defaults={"source": Indicator.Source.SOTKANET, "source_id": source_id, "title_fi": titles.get("fi", ""),
                  "title_sv": titles.get("sv", ""), "title_en": titles.get("en", ""),
                  "organization": (organization.get("title", {}) or {}).get("fi", "") if isinstance(organization, dict) else "",
                  "sample": sample, "data_updated": str(meta.get("data-updated", ""))},
    )  # fmt: skip
    return indicator


def save_rows(rows: Iterable[dict[str, Any]], regions: dict[int, tuple[str, str]], *, sample: bool,
              result: ImportResult) -> None:  # fmt: skip
    threshold = settings.SUPPRESSION_THRESHOLD
    indicators = {i.source_id: i for i in Indicator.objects.filter(source=Indicator.Source.SOTKANET)}
    for row in rows:
        try:
            indicator_id, region_id, year = str(int(row["indicator"])), int(row["region"]), int(row["year"])
        except (KeyError, TypeError, ValueError):
            result.skip("malformed row")
            continue
        if row.get("gender", "total") != "total":
            result.skip("gender breakdown")
            continue
        indicator = indicators.get(indicator_id)
        if indicator is None:
            indicator = Indicator.objects.create(code=f"sotkanet:{indicator_id}", source=Indicator.Source.SOTKANET,
                                                 source_id=indicator_id, title_fi=f"Sotkanet {indicator_id}", sample=sample)  # fmt: skip
            indicators[indicator_id] = indicator
        area = regions.get(region_id)
        if area is None:
            result.skip("unknown region")
            continue
        absolute = row.get("absValue")
        value = row.get("value")
        small = isinstance(absolute, int | float) and 0 < absolute < threshold
        IndicatorValue.objects.update_or_create(
            indicator=indicator, area_level=area[0], area_code=area[1], period=str(year),
            defaults={"value": None if small else value, "absolute": None if small else absolute, "suppressed": small},
        )  # fmt: skip
        result.values += 1
        result.suppressed += int(small)


def import_sotkanet_dir(directory: Path, *, sample: bool = False) -> ImportResult:
    """regions.json + indicators.json (list of metadata) + data.json (rows), as recorded."""
    regions = region_map(read_json(directory / "regions.json"))
    metadata = read_json(directory / "indicators.json")
    rows = read_json(directory / "data.json")
    if not isinstance(metadata, list) or not isinstance(rows, list):
        raise StatisticsError(f"{directory}: indicators.json and data.json must hold JSON arrays")
    result = ImportResult()
    with transaction.atomic():
        for meta in metadata:
            save_indicator_metadata(meta, sample=sample)
            result.indicators += 1
        save_rows(rows, regions, sample=sample, result=result)
        link_defaults()
    return result


def import_sotkanet_csv(path: Path, regions_path: Path) -> ImportResult:
    """CSV with the JSON rows' columns: indicator, region, year, gender, value, absValue."""
    regions = region_map(read_json(regions_path))
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            raw = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise StatisticsError(f"{path}: cannot read CSV ({error})") from error
    if raw and not {"indicator", "region", "year", "value"} <= set(raw[0]):
        raise StatisticsError(f"{path}: needs columns indicator, region, year, value")

    def number(text: str | None) -> float | None:
        return float(text) if text else None  # None and "" are both "no value"

    rows = []
    for item in raw:
        try:
            absolute = number(item.get("absValue"))
            rows.append({"indicator": item["indicator"], "region": item["region"], "year": item["year"],
                         "gender": item.get("gender") or "total", "value": number(item.get("value")),
                         "absValue": int(absolute) if absolute is not None else None})  # fmt: skip
        except ValueError:
            raise StatisticsError(f"{path}: a value is not a number") from None
    result = ImportResult()
    with transaction.atomic():
        save_rows(rows, regions, sample=False, result=result)
        link_defaults()
    return result


def fetch_json(url: str, opener: Callable[..., Any] = urllib.request.urlopen) -> Any:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    with opener(request, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


def fetch_sotkanet(indicator_ids: Sequence[int], years: Sequence[int], *, base_url: str = SOTKANET_URL,
                   pause: float = 1.0) -> ImportResult:  # fmt: skip
    """Fetch politely (one request at a time, with a pause) where a network is present."""
    regions = region_map(fetch_json(f"{base_url}/regions"))
    result = ImportResult()
    fetched: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for indicator_id in indicator_ids:
        meta = fetch_json(f"{base_url}/indicators/{int(indicator_id)}")
        time.sleep(pause)
        query = urllib.parse.urlencode([("indicator", int(indicator_id)), *[("years", int(y)) for y in years],
                                        ("genders", "total")])  # fmt: skip
        fetched.append((meta, fetch_json(f"{base_url}/json?{query}")))
        time.sleep(pause)
    with transaction.atomic():
        for meta, rows in fetched:
            save_indicator_metadata(meta, sample=False)
            result.indicators += 1
            save_rows(rows, regions, sample=False, result=result)
        link_defaults()
    return result


def import_register_values(values: Iterable[Any], *, sample: bool = True) -> ImportResult:
    """Store suppressed register-extract indicator values (``ilmio.stats.register``)."""
    from ilmio.stats.register import indicators as register_indicators

    result = ImportResult()
    definitions = {d.code: d for d in register_indicators()}
    with transaction.atomic():
        stored: dict[str, Indicator] = {}
        for item in values:
            indicator = stored.get(item.indicator_code)
            if indicator is None:
                definition = definitions.get(item.indicator_code)
                indicator, _ = Indicator.objects.update_or_create(
                    code=f"register:{item.indicator_code}",
                    defaults={"source": Indicator.Source.REGISTER, "source_id": item.indicator_code, "sample": sample,
                              "title_fi": definition.title_fi if definition else item.indicator_code,
                              "title_en": definition.title_en if definition else "", "unit": "clients"},
                )  # fmt: skip
                stored[item.indicator_code] = indicator
                result.indicators += 1
                if definition is not None:
                    phenomenon = Phenomenon.objects.filter(code=definition.phenomenon).first()
                    if phenomenon is not None:
                        PhenomenonIndicator.objects.get_or_create(phenomenon=phenomenon, indicator=indicator)
            IndicatorValue.objects.update_or_create(
                indicator=indicator, area_level=item.area_level, area_code=item.area_code, period=item.period,
                defaults={"value": item.value, "absolute": item.value, "suppressed": item.suppressed},
            )  # fmt: skip
            result.values += 1
            result.suppressed += int(item.suppressed)
    return result


def link_defaults() -> None:
    for phenomenon_code, codes in DEFAULT_LINKS.items():
        phenomenon = Phenomenon.objects.filter(code=phenomenon_code).first()
        if phenomenon is None:
            continue
        for position, code in enumerate(codes):
            indicator = Indicator.objects.filter(code=code).first()
            if indicator is not None and not PhenomenonIndicator.objects.filter(indicator=indicator).exists():
                PhenomenonIndicator.objects.create(phenomenon=phenomenon, indicator=indicator, position=position)


def area_rows() -> list[Any]:
    from ilmio.areas.models import Municipality
    from ilmio.stats.register import AreaRow

    return [AreaRow(code, county, area) for code, county, area in
            Municipality.objects.filter(active=True).values_list("code", "county__code", "county__cooperation_area__code")]  # fmt: skip
