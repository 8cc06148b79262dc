"""Import of national statistics in Sotkanet's REST format, and of register extracts.

Sotkanet rows (`/rest/1.1/json`, `/rest/1.1/csv`) carry Sotkanet's internal region ids; the
regions file (`/rest/1.1/regions`) maps them to official codes. Values are stored per area
level and year; a value whose absolute count is under the suppression threshold is stored
as suppressed, and so is its rate. Rows of region categories Ilmiö does not keep (regions,
hospital districts, …) are counted apart from rows whose region is not in the list at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import urllib.error
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
    # Rows of a known region whose category Ilmiö does not keep (MAAKUNTA, ERVA, …).
    other_categories: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def other_category(self, category: str) -> None:
        self.other_categories[category] = self.other_categories.get(category, 0) + 1

    def summary(self) -> str:
        text = f"{self.indicators} indicators, {self.values} values ({self.suppressed} suppressed)"
        if self.other_categories:
            counts = ", ".join(f"{name} {n}" for name, n in sorted(self.other_categories.items()))
            text += f"; not stored, other region categories: {counts}"
        return text + (f"; skipped {self.skipped}" if self.skipped else "")


@dataclass
class Regions:
    """Sotkanet's region list: the regions Ilmiö stores values for, and all the others."""

    areas: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → (area level, official code)
    other: dict[int, str] = field(default_factory=dict)  # id → category (MAAKUNTA, SAIRAANHOITOPIIRI, …)


def read_regions(regions: Any, *, source: str = "regions") -> Regions:
    """The answer of ``/rest/1.1/regions`` (a JSON array of region objects)."""
    if not isinstance(regions, list):
        raise StatisticsError(f"{source}: expected a JSON array of regions, got {_json_kind(regions)}")
    table = Regions()
    for region in regions:
        if not isinstance(region, dict):
            continue
        try:
            region_id = int(region["id"])
        except (KeyError, TypeError, ValueError):
            continue
        category = str(region.get("category", ""))
        level = CATEGORY_LEVEL.get(category)
        if level is None:
            table.other[region_id] = category or "no category"
            continue
        code = str(region.get("code", ""))
        if level == "country":
            code = "FI"
        elif level == "municipality":
            code = code.zfill(3)
        elif level == "county":
            code = code.zfill(2)
        table.areas[region_id] = (level, code)
    return table


def region_map(regions: Iterable[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """Sotkanet region id → (area level, official code)."""
    return read_regions(list(regions)).areas


def _json_kind(value: Any) -> str:
    kinds: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}
    return kinds.get(type(value), type(value).__name__)


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


def save_rows(rows: Iterable[dict[str, Any]], regions: Regions, *, sample: bool, result: ImportResult) -> None:
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
        area = regions.areas.get(region_id)
        if area is None:
            if region_id in regions.other:
                result.other_category(regions.other[region_id])
            else:
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
    regions = read_regions(read_json(directory / "regions.json"), source=str(directory / "regions.json"))
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


# The columns of Sotkanet's CSV (``/rest/1.1/csv``: ``indicator;region;year;gender;primary
# value;absolute value``, decimal commas) and of the JSON rows' names, normalised by _column().
CSV_COLUMNS = {"indicator": "indicator", "indicator id": "indicator", "region": "region", "region id": "region",
               "year": "year", "gender": "gender", "primary value": "value", "value": "value",
               "absolute value": "absValue", "absvalue": "absValue", "abs value": "absValue"}  # fmt: skip


def _column(name: str) -> str:
    # "primary value", "primary.value" (as R reads it), "primary_value", "Primary Value" alike.
    return CSV_COLUMNS.get(re.sub(r"[\s._]+", " ", name.strip().lower()), "")


def parse_number(text: str | None) -> float | None:
    """A Sotkanet number: ``6,0`` or ``6.0``; empty means no value."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "") if cleaned.rfind(",") > cleaned.rfind(".") else cleaned.replace(",", "")
    value = float(cleaned.replace(",", "."))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def read_sotkanet_csv(path: Path) -> list[dict[str, Any]]:
    """Rows of a Sotkanet CSV as the JSON rows' dictionaries; ``;`` or ``,`` separated."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StatisticsError(f"{path}: cannot read CSV ({error.strerror or error})") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # only the number columns are read
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") and ";" in header else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        names = [_column(name) for name in next(reader, [])]
        records = list(reader)
    except csv.Error as error:
        raise StatisticsError(f"{path}: not a readable CSV ({error})") from error
    if not {"indicator", "region", "year", "value"} <= set(names):
        raise StatisticsError(f"{path}: needs columns indicator, region, year and primary value "
                              "(Sotkanet's CSV) or value")  # fmt: skip
    rows = []
    for line, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        item = {name: cell for name, cell in zip(names, record, strict=False) if name}
        try:
            value = parse_number(item.get("value"))
        except ValueError:
            raise StatisticsError(f"{path}: line {line}: primary value {item.get('value')!r} is not a number") from None
        try:
            absolute = parse_number(item.get("absValue"))
        except ValueError:
            raise StatisticsError(f"{path}: line {line}: absolute value {item.get('absValue')!r} is not a number") from None
        rows.append({"indicator": item.get("indicator", "").strip(), "region": item.get("region", "").strip(),
                     "year": item.get("year", "").strip(), "gender": (item.get("gender") or "").strip() or "total",
                     "value": value, "absValue": int(absolute) if absolute is not None else None})  # fmt: skip
    return rows


def import_sotkanet_csv(path: Path, regions_path: Path) -> ImportResult:
    """Sotkanet's CSV (``/rest/1.1/csv``) with the regions it refers to (``/rest/1.1/regions``)."""
    regions = read_regions(read_json(regions_path), source=str(regions_path))
    rows = read_sotkanet_csv(path)
    result = ImportResult()
    with transaction.atomic():
        save_rows(rows, regions, sample=False, result=result)
        link_defaults()
    return result


def fetch_json(url: str, opener: Callable[..., Any] = urllib.request.urlopen, *, expect: type | None = None) -> Any:
    """One JSON answer; an error page, an answer that is not JSON or not of the ``expect``ed
    kind is a :class:`StatisticsError` of one line."""
    shown = url.split("?", 1)[0]
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    try:
        with opener(request, timeout=60) as response:
            content_type = response.headers.get("Content-Type", "") if response.headers else ""
            body = response.read()
    except urllib.error.HTTPError as error:
        raise StatisticsError(f"{shown}: Sotkanet answered HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise StatisticsError(f"{shown}: cannot fetch ({reason})") from None
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        start = " ".join(body[:60].decode("utf-8", errors="replace").split())
        kind = f" ({content_type.split(';')[0]})" if content_type else ""
        raise StatisticsError(f"{shown}: the answer is not JSON{kind}, it begins {start!r}") from None
    if expect is not None and not isinstance(data, expect):
        wanted = "a JSON array" if expect is list else "a JSON object"
        raise StatisticsError(f"{shown}: expected {wanted}, got {_json_kind(data)}")
    return data


def fetch_sotkanet(indicator_ids: Sequence[int], years: Sequence[int], *, base_url: str = SOTKANET_URL,
                   pause: float = 1.0) -> ImportResult:  # fmt: skip
    """Fetch politely (one request at a time, with a pause) where a network is present."""
    regions = read_regions(fetch_json(f"{base_url}/regions", expect=list), source=f"{base_url}/regions")
    result = ImportResult()
    fetched: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for indicator_id in indicator_ids:
        meta = fetch_json(f"{base_url}/indicators/{int(indicator_id)}", expect=dict)
        time.sleep(pause)
        query = urllib.parse.urlencode([("indicator", int(indicator_id)), *[("years", int(y)) for y in years],
                                        ("genders", "total")])  # fmt: skip
        fetched.append((meta, fetch_json(f"{base_url}/json?{query}", expect=list)))
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
                              "title_sv": definition.title_sv if definition else "",
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
