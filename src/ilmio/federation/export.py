"""The county's published report counts as a federation package (``ilmio export federation``).

Everything comes through the disclosure door: the published tables of complete periods,
with suppressed cells as confidential and cells a level does not publish as such."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings

from ilmio.areas.models import County
from ilmio.federation.package import (
    ALL,
    HIDDEN,
    NOT_PUBLISHED,
    SHOWN,
    Area,
    jsonstat_dataset,
    load_or_create_key,
    write_package,
)
from ilmio.indicators import disclosure
from ilmio.indicators.aggregates import granularity
from ilmio.taxonomy.models import Phenomenon, TaxonomyVersion


def signing_key_path() -> Path:
    return Path(settings.FEDERATION_KEY_FILE)


def report_counts_dataset(county: County) -> dict[str, Any]:
    areas = [Area(county.code, "county", county.name_fi, None)]
    areas += [Area(m.code, "municipality", m.name_fi, county.code)
              for m in county.municipalities.filter(active=True).order_by("code")]  # fmt: skip
    phenomena = {p.code: p.label_fi for p in Phenomenon.objects.filter(active=True).order_by("position")}
    phenomena[ALL] = "Kaikki ilmiöt"
    tables = {period: disclosure.published(period) for period in disclosure.PERIODS}
    periods = [label for period in ("month", "quarter", "year") for label in tables[period].labels()]

    def cell(area: Area, phenomenon: str, label: str) -> tuple[int | None, str]:
        period = granularity(label)
        if not disclosure.publishes(area.level, phenomenon, period):
            return None, NOT_PUBLISHED
        shown = tables[period].cell(label, area.level, area.code, phenomenon)
        return (None, HIDDEN) if shown.hidden else (shown.value, SHOWN)

    version = TaxonomyVersion.objects.order_by("-loaded_at").values_list("version", flat=True).first()
    return jsonstat_dataset(
        label=f"Sosiaalihuollon rakenteellinen sosiaalityö: sosiaaliset raportit ilmiöittäin – {county.name_fi}",
        areas=areas, phenomena=phenomena, periods=periods, cell=cell,
        extension={"county": county.code, "taxonomy_version": version, "threshold": disclosure.threshold(),
                   "complete_periods_only": True, "source": "Ilmiö"},
    )  # fmt: skip


def county_datasets(county: County) -> dict[str, dict[str, Any]]:
    return {"reports.json": report_counts_dataset(county)}


def export_county(county: County, directory: Path) -> Path:
    key = load_or_create_key(signing_key_path())
    return write_package(directory, county.code, county_datasets(county), key)


def export_when_changed(county: County, into: Path) -> Path | None:
    """The scheduled export (cron, ``--into``): a new package folder under ``into``, named by the
    time, only when the county's published cells differ from the newest package there — a
    national instance would otherwise keep a new version of the same numbers every night.
    None when nothing changed."""
    datasets = county_datasets(county)
    folders = sorted(into.glob(f"ilmio-federation-{county.code}-*")) if into.is_dir() else []
    if folders and _published(folders[-1]) == {name: _cells(data) for name, data in datasets.items()}:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return write_package(into / f"ilmio-federation-{county.code}-{stamp}", county.code, datasets,
                         load_or_create_key(signing_key_path()))  # fmt: skip


def _cells(dataset: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in dataset.items() if key != "updated"}  # the time it was made is not a change


def _published(folder: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return {f["name"]: _cells(json.loads((folder / f["name"]).read_text(encoding="utf-8"))) for f in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable earlier package: write a new one
