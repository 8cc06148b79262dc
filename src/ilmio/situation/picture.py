"""The situational picture's content, built from the doors: what the views render.

Every number comes through the disclosure door (`ilmio.indicators.disclosure`) and every
summary, proposal and action through the knowledge access layer; this module only
arranges them (tables, comparison ranking, chart geometry, themes).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.areas.loading import latest_population, latest_population_year
from ilmio.areas.models import County, Municipality
from ilmio.areas.selection import Area, child_areas, resolve_area
from ilmio.core.access import home_county
from ilmio.core.formats import collation_key, period_name, sorted_by_name
from ilmio.indicators import disclosure
from ilmio.indicators.disclosure import ALL, COUNTRY_CODE, HIDDEN, LEVELS, PERIODS, Shown
from ilmio.reports.models import Report
from ilmio.sources.access import feedback_on, public_findings_on
from ilmio.sources.feedback_counts import phenomenon_kind_table
from ilmio.taxonomy.models import Phenomenon
from ilmio.text.themes import theme_terms

SHOWN_PERIODS = {"month": 12, "quarter": 8, "year": 5}
BRIEF_QUARTERS = 8


@dataclass(frozen=True)
class SituationQuery:
    """What the reader asked for, every part checked (unknown values fall back)."""

    level: str
    area: Area | None
    period: str
    phenomenon: str
    phenomena: dict[str, Phenomenon]


def parse_query(params: Mapping[str, str], user: Any) -> SituationQuery:
    own_county = home_county(user) if user.is_authenticated else None
    level = params.get("level", "county" if own_county else "country")
    level = level if level in LEVELS else "country"
    county = own_county if level == "county" else None
    code = params.get("area", county.code if county else COUNTRY_CODE)
    period = params.get("period", "quarter")
    period = period if period in PERIODS else "quarter"
    area = resolve_area(level, code) if level != "country" else resolve_area("country", COUNTRY_CODE)
    phenomena = {p.code: p for p in Phenomenon.objects.filter(active=True)}
    chosen = params.get("phenomenon", ALL)
    chosen = chosen if chosen in phenomena or chosen == ALL else ALL
    return SituationQuery(level, area, period, chosen, phenomena)


def display(cell: Shown) -> str:
    return str(cell)


def population_of(area: Area, populations: dict[str, int]) -> int:
    return sum(populations.get(code, 0) for code in area.municipality_codes)


def signal_rows(area: Area, phenomena: dict[str, Phenomenon], user: Any, county_id: int) -> list[dict[str, Any]]:
    """The disclosure door's signals for the municipalities of an area, with names and reviews."""
    from ilmio.analysis.models import SignalReview

    wanted = set(area.municipality_codes)
    signals = disclosure.emerging_signals(area.municipality_codes, list(phenomena), user=user, county_id=county_id)
    names = {m.code: m.name for m in Municipality.objects.filter(code__in=wanted)}
    names.update({f"county:{c.code}": c.name for c in County.objects.filter(code__in={s.area_code for s in signals})})
    reviews = {(r.phenomenon.code, r.municipality_code, r.last_month): r for r in
               SignalReview.objects.filter(municipality_code__in=wanted).select_related("phenomenon")}  # fmt: skip
    return [{"phenomenon": phenomena[s.phenomenon],
             "area": names.get(s.area_code if s.level == "municipality" else f"county:{s.area_code}", s.area_code),
             "level": s.level,
             "area_code": s.area_code, "observed": s.observed, "expected": s.expected, "ratio": s.ratio,
             "months": f"{period_name(s.months[0])} – {period_name(s.months[-1])}", "last_month": s.months[-1],
             "review": reviews.get((s.phenomenon, s.area_code, s.months[-1]))}
            for s in signals]  # fmt: skip


def phenomenon_table(query: SituationQuery, area: Area) -> tuple[list[str], list[dict[str, Any]], list[Shown]]:
    """Period labels, one row per phenomenon plus the total, and the total cells."""
    aggregates = disclosure.published(query.period)
    labels = aggregates.labels()[-SHOWN_PERIODS[query.period]:]
    table: list[dict[str, Any]] = [
        {"code": p_code, "label": p.label,
         "cells": [display(aggregates.cell(label, area.level, area.code, p_code)) for label in labels]}
        for p_code, p in query.phenomena.items()]  # fmt: skip
    totals = [aggregates.cell(label, area.level, area.code, ALL) for label in labels]
    table.append({"code": ALL, "label": _("All phenomena"), "cells": [display(c) for c in totals], "total": True})
    return labels, table, totals


def table_rows(labels: list[str], table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The phenomenon table as export rows: hidden cells empty, shown cells numbers."""
    rows = []
    for row in table:
        cells = dict(zip(labels, row["cells"], strict=True))
        rows.append({"phenomenon": row["code"],
                     **{label: None if cells[label] == HIDDEN else int(cells[label]) for label in labels}})  # fmt: skip
    return rows


def comparison_rows(area: Area, phenomenon: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The areas below this one in the latest complete year: counts, rates per 10,000 and a
    ranking of the areas whose count is shown and not zero; the others follow, unranked."""
    populations = latest_population()
    yearly = disclosure.published("year")
    year = yearly.labels()[-1] if yearly.labels() else None
    comparison: list[dict[str, Any]] = []
    if year:
        for child in child_areas(area):
            cell = yearly.raw_cell(year, child.level, child.code, phenomenon)
            population = population_of(child, populations)
            shown = disclosure.Shown.of(cell)
            comparison.append({"area": child, "count": shown, "rate": disclosure.rate(cell, population),
                               "population": population})  # fmt: skip
        ranked = sorted((c for c in comparison if c["rate"] is not None and c["count"].value),
                        key=lambda c: (-c["rate"], collation_key(c["area"].name)))  # fmt: skip
        for rank, item in enumerate(ranked, start=1):
            item["rank"] = rank
        unranked = sorted_by_name((c for c in comparison if "rank" not in c), lambda c: c["area"].name)
        comparison = [*ranked, *unranked]
    return year, comparison


def bar_chart(labels: list[str], totals: list[Shown]) -> list[dict[str, Any]]:
    """Horizontal bars of the totals, as wide as their share of the largest: a hidden period
    has no bar, never a guess. Drawn with HTML, so labels stay legible on a phone."""
    maximum = max([c.value or 0 for c in totals] + [1])
    return [{"label": label, "value": shown, "hidden": shown.hidden,
             "percent": 0 if shown.hidden else round(100 * (shown.value or 0) / maximum, 1)}
            for label, shown in zip(labels, totals, strict=True)]  # fmt: skip


def chart_scale(totals: list[Shown]) -> list[int]:
    """Axis ticks: 0, half and the largest shown total."""
    maximum = max([c.value or 0 for c in totals] + [0])
    return [0, maximum // 2, maximum] if maximum else [0]


def signals_for(area: Area, phenomena: dict[str, Phenomenon], user: Any) -> list[dict[str, Any]]:
    """Emerging signals of a county-level or municipal area: every reader gets the rises the
    published cells show; readers of the county's reports, the municipal ones (the door
    decides which, ``disclosure.emerging_signals``)."""
    if area.level not in ("county", "municipality"):
        return []
    county_id = County.objects.filter(municipalities__code__in=area.municipality_codes[:1]).values_list("pk", flat=True).first()
    if not county_id:
        return []
    return signal_rows(area, phenomena, user, county_id)


def situation_picture(query: SituationQuery, area: Area, user: Any) -> dict[str, Any]:
    labels, table, totals = phenomenon_table(query, area)
    year, comparison = comparison_rows(area, query.phenomenon)
    chart = bar_chart(labels, totals)
    population_year = latest_population_year()
    chosen = [query.phenomenon] if query.phenomenon != ALL else list(query.phenomena)
    return {
        "area": area, "level": query.level, "period": query.period, "labels": labels, "table": table,
        "chart": chart, "chart_scale": chart_scale(totals), "comparison": comparison, "year": year,
        "population_year": population_year,
        "phenomena": query.phenomena.values(), "chosen": query.phenomenon,
        "signals": signals_for(area, query.phenomena, user),
        "population": population_of(area, latest_population()), "indicators": indicator_rows(area, chosen),
        "publication_note": publication_note(area.level, query.period),
    }  # fmt: skip


def publication_note(level: str, period: str) -> str:
    """Why a level's cells of this granularity are all "–": they are not published at all."""
    if not disclosure.publishes(level, ALL, period):
        return _("Municipal figures are not published by month: choose a quarter or a year.")
    if not disclosure.publishes(level, "", period):
        return _("Municipal figures by phenomenon are published by year; quarters show the total only.")
    return ""


def indicator_rows(area: Area, phenomenon_codes: list[str]) -> list[dict[str, Any]]:
    """Statistics and register values for an area: the latest two periods of each indicator."""
    from ilmio.indicators.models import IndicatorValue, PhenomenonIndicator

    links = PhenomenonIndicator.objects.filter(phenomenon__code__in=phenomenon_codes).select_related("indicator", "phenomenon")
    rows = []
    for link in links:
        values = list(IndicatorValue.objects.filter(indicator=link.indicator, area_level=area.level, area_code=area.code)
                      .exclude(period__contains="Q").order_by("-period")[:2])  # fmt: skip
        if not values:
            continue
        rows.append({"indicator": link.indicator, "phenomenon": link.phenomenon,
                     "values": [{"period": v.period, "display": HIDDEN if v.suppressed or v.value is None else
                                 (f"{v.value:g}")} for v in reversed(values)]})  # fmt: skip
    return rows


_themes: OrderedDict[str, list[Any]] = OrderedDict()
_THEMES_KEPT = 200


def brief_themes(phenomenon: Phenomenon, area: Area, threshold: int) -> list[Any]:
    """Recurring themes of the latest 500 reports of complete months: computed once per
    version of the published tables (lemmatising 500 texts takes most of a second)."""
    key = repr((phenomenon.code, area.level, area.code, threshold, disclosure.publication_version()))
    if key in _themes:
        return _themes[key]
    month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    reports = Report.objects.filter(primary_phenomenon=phenomenon, municipalities__code__in=area.municipality_codes,
                                    created_at__lt=month_start).distinct()  # fmt: skip
    texts = list(reports.order_by("-created_at").values_list("description", flat=True)[:500])
    themes: list[Any] = []
    if len(texts) >= threshold:
        # A theme is shown only when at least `threshold` reports use it: a rare word
        # from one report could point at a person.
        # Dictionary words (no names, verbs or words of every report), each used in at
        # least `threshold` of the texts.
        themes = theme_terms(texts, k=8, min_docs=threshold)
    _themes[key] = themes
    while len(_themes) > _THEMES_KEPT:
        _themes.popitem(last=False)
    return themes


def phenomenon_brief_content(phenomenon: Phenomenon, area: Area) -> dict[str, Any]:
    """Ilmiöstä tiiviisti: frontline reports, statistics and public decisions on one phenomenon."""
    from ilmio.knowledge.access import (
        public_actions_of,
        public_proposals_of,
        public_quotes_of,
        public_summaries_on,
    )

    code = phenomenon.code
    quarterly = disclosure.published("quarter")
    labels = quarterly.labels()[-BRIEF_QUARTERS:]
    cells = [quarterly.cell(label, area.level, area.code, code) for label in labels]
    trend = None
    visible = [c.value for c in cells if c.value is not None]
    if len(cells) == BRIEF_QUARTERS and len(visible) == BRIEF_QUARTERS:
        recent, earlier = sum(visible[4:]), sum(visible[:4])
        trend = None if earlier == 0 else round(100 * (recent - earlier) / earlier)
    county_codes = list(County.objects.filter(municipalities__code__in=area.municipality_codes).values_list("code", flat=True).distinct())
    summaries = public_summaries_on(phenomenon, county_codes)
    quotes = public_quotes_of(summaries)[:5]
    proposals = public_proposals_of(summaries).select_related("decision")
    action_items = public_actions_of(proposals).filter(parent=None)
    threshold = disclosure.threshold()
    from ilmio.shortcomings.counts import public_phenomenon_counts

    this_year = timezone.localdate().year
    shortcomings = public_phenomenon_counts(code, county_codes, [this_year - 3, this_year - 2, this_year - 1])
    findings = list(public_findings_on(phenomenon, county_codes, area.municipality_codes)[:10])
    # An item names its municipality only sometimes: a county or larger area counts them all.
    feedback = phenomenon_kind_table(feedback_on(phenomenon, county_codes,
                                            area.municipality_codes if area.level == "municipality" else None))  # fmt: skip
    from ilmio.participation.register import information_needs

    return {
        "needs": information_needs(phenomenon, county_codes, limit=10),
        "shortcomings": shortcomings,
        "findings": findings, "feedback": feedback,
        "phenomenon": phenomenon, "area": area, "labels": labels, "cells": [display(c) for c in cells],
        "trend": trend, "themes": brief_themes(phenomenon, area, threshold), "quotes": quotes, "summaries": summaries, "proposals": proposals,
        "actions": action_items, "indicators": indicator_rows(area, [code]), "threshold": threshold,
    }  # fmt: skip
