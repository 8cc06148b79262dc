"""The county's published report counts as a federation package (``ilmio export federation``).

Everything comes through the disclosure door: the published tables of complete periods,
with suppressed cells as confidential and cells a level does not publish as such."""

from __future__ import annotations

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


def export_county(county: County, directory: Path) -> Path:
    key = load_or_create_key(signing_key_path())
    return write_package(directory, county.code, {"reports.json": report_counts_dataset(county)}, key)
