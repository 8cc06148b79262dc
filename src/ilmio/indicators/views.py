from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.areas.loading import latest_population
from ilmio.areas.models import CooperationArea, County, Municipality
from ilmio.core.permissions import PUBLIC, Capability, can_see_county, has_capability, requires
from ilmio.indicators.aggregates import ALL, COUNTRY_CODE, LEVELS, PERIODS, Aggregates, report_cells
from ilmio.indicators.export import table_download
from ilmio.stats.signals import detect_emerging
from ilmio.stats.suppression import Cell, suppress_rate
from ilmio.taxonomy.models import Phenomenon

HIDDEN = "–"
SHOWN_PERIODS = {"month": 12, "quarter": 8, "year": 5}
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


def display(cell: Cell) -> str:
    return HIDDEN if cell.suppressed else str(cell.value)


def population_of(area: Area, populations: dict[str, int]) -> int:
    return sum(populations.get(code, 0) for code in area.municipality_codes)


def emerging_signals(area: Area, phenomena: dict[str, Phenomenon]) -> list[dict[str, Any]]:
    """Signals for the municipalities of a county (or one municipality)."""
    monthly = Aggregates("month")
    labels = monthly.labels()
    if len(labels) < 6:
        return []
    raw = report_cells("month")
    wanted = set(area.municipality_codes)
    series: dict[tuple[str, str], list[int]] = {}
    for index, label in enumerate(labels):
        for (level, code, phenomenon), count in raw.get(label, {}).items():
            if level == "municipality" and code in wanted and phenomenon in phenomena:
                series.setdefault((phenomenon, code), [0] * len(labels))[index] += count
    from ilmio.analysis.models import SignalReview

    names = dict(Municipality.objects.filter(code__in=wanted).values_list("code", "name_fi"))
    signals = detect_emerging(series, month_labels=labels) if series else []
    reviews = {(r.phenomenon.code, r.municipality_code, r.last_month): r for r in
               SignalReview.objects.filter(municipality_code__in=wanted).select_related("phenomenon")}  # fmt: skip
    return [{"phenomenon": phenomena[s.phenomenon], "area": names.get(s.area, s.area), "area_code": s.area,
             "observed": s.observed, "expected": round(s.expected, 1), "ratio": round(s.ratio, 1),
             "months": f"{s.months[0]} – {s.months[-1]}", "last_month": s.months[-1],
             "review": reviews.get((s.phenomenon, s.area, s.months[-1]))}
            for s in signals[:10]]  # fmt: skip


@requires(PUBLIC)
def situation(request: HttpRequest) -> HttpResponse:
    level = request.GET.get("level", "county" if request.user.is_authenticated and request.user.county_id else "country")
    level = level if level in LEVELS else "country"
    default_code = request.user.county.code if level == "county" and getattr(request.user, "county", None) else COUNTRY_CODE
    code = request.GET.get("area", default_code)
    period = request.GET.get("period", "quarter")
    period = period if period in PERIODS else "quarter"
    area = resolve_area(level, code) if level != "country" else resolve_area("country", COUNTRY_CODE)
    if area is None:
        return render(request, "core/error.html", {"title": _("Area not found"),
                      "message": _("There is no such area. Choose an area from the list.")}, status=404)  # fmt: skip
    phenomena = {p.code: p for p in Phenomenon.objects.filter(active=True)}
    chosen = request.GET.get("phenomenon", ALL)
    chosen = chosen if chosen in phenomena or chosen == ALL else ALL

    aggregates = Aggregates(period)
    labels = aggregates.labels()[-SHOWN_PERIODS[period]:]
    table = [{"code": p_code, "label": p.label,
              "cells": [display(aggregates.cell(label, area.level, area.code, p_code)) for label in labels]}
             for p_code, p in phenomena.items()]  # fmt: skip
    totals = [aggregates.cell(label, area.level, area.code, ALL) for label in labels]
    table.append({"code": ALL, "label": _("All phenomena"), "cells": [display(c) for c in totals], "total": True})

    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        rows = [{"phenomenon": row["code"], **dict(zip(labels, row["cells"], strict=True))} for row in table]
        for row in rows:
            for label in labels:
                row[label] = None if row[label] == HIDDEN else int(row[label])
        return table_download(rows, ["phenomenon", *labels], fmt, f"ilmio-{area.level}-{area.code}-{period}",
                              title=area.name)  # fmt: skip

    populations = latest_population()
    yearly = Aggregates("year")
    year = yearly.labels()[-1] if yearly.labels() else None
    comparison = []
    if year:
        for child in child_areas(area):
            cell = yearly.cell(year, child.level, child.code, chosen)
            population = population_of(child, populations)
            comparison.append({"area": child, "count": display(cell),
                               "rate": suppress_rate(cell, population, per=10000, ndigits=1), "population": population})  # fmt: skip
        ranked = sorted((c for c in comparison if c["rate"] is not None), key=lambda c: -c["rate"])
        for rank, item in enumerate(ranked, start=1):
            item["rank"] = rank
    maximum = max([c.value or 0 for c in totals] + [1])
    chart = []
    for index, (label, cell) in enumerate(zip(labels, totals, strict=True)):
        height = 0 if cell.suppressed else round(100 * (cell.value or 0) / maximum)
        chart.append({"label": label, "x": index * 100 + 15, "y": 110 - height, "height": height})

    county_id = None
    if area.level in ("county", "municipality"):
        county_id = County.objects.filter(municipalities__code__in=area.municipality_codes[:1]).values_list("pk", flat=True).first()
    signals = []
    if county_id and has_capability(request.user, Capability.READ_AGGREGATES) and can_see_county(request.user, county_id):
        signals = emerging_signals(area, phenomena)

    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "indicators/situation.html", {
        "area": area, "level": level, "period": period, "labels": labels, "table": table, "chart": chart,
        "comparison": comparison, "year": year, "phenomena": phenomena.values(), "chosen": chosen,
        "signals": signals, "levels": LEVELS, "can_review": has_capability(request.user, Capability.TRIAGE), "periods": PERIODS, "query": query.urlencode(), "chart_width": max(len(chart), 1) * 100,
        "counties": County.objects.all(), "areas": CooperationArea.objects.all(),
        "population": population_of(area, populations), "hidden": HIDDEN,
        "indicators": indicator_rows(area, [chosen] if chosen != ALL else list(phenomena)),
        "threshold": aggregates.threshold,
    })  # fmt: skip


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


@requires(PUBLIC)
def phenomenon_brief(request: HttpRequest, code: str) -> HttpResponse:
    """Ilmiöstä tiiviisti: frontline reports, statistics and decisions on one phenomenon."""
    from ilmio.knowledge.models import Action, Proposal, Quote, Summary
    from ilmio.reports.models import Report

    phenomenon = Phenomenon.objects.filter(code=code, active=True).first()
    level = request.GET.get("level", "country")
    level = level if level in LEVELS else "country"
    area = resolve_area(level, request.GET.get("area", COUNTRY_CODE)) if level != "country" else resolve_area("country", COUNTRY_CODE)
    if phenomenon is None or area is None:
        return render(request, "core/error.html", {"title": _("Not found"),
                      "message": _("There is no such phenomenon or area.")}, status=404)  # fmt: skip
    quarterly = Aggregates("quarter")
    labels = quarterly.labels()[-8:]
    cells = [quarterly.cell(label, area.level, area.code, code) for label in labels]
    trend = None
    visible = [c.value for c in cells if not c.suppressed]
    if len(cells) == 8 and len(visible) == 8:
        recent, earlier = sum(visible[4:]), sum(visible[:4])
        trend = None if earlier == 0 else round(100 * (recent - earlier) / earlier)
    county_codes = list(County.objects.filter(municipalities__code__in=area.municipality_codes).values_list("code", flat=True).distinct())
    summaries = Summary.objects.filter(status="published", audience="public", phenomena=phenomenon,
                                       county__code__in=county_codes).distinct()  # fmt: skip
    quotes = Quote.objects.filter(summary__in=summaries, approved_for_public=True)[:5]
    proposals = Proposal.objects.filter(summary__in=summaries).select_related("decision")
    action_items = Action.objects.filter(proposal__in=proposals, parent=None)
    threshold = quarterly.threshold
    themes = []
    reports = Report.objects.filter(primary_phenomenon=phenomenon, municipalities__code__in=area.municipality_codes).distinct()
    texts = list(reports.order_by("-created_at").values_list("description", flat=True)[:500])
    if len(texts) >= threshold:
        from ilmio.text.themes import keywords, lemmas, resolve_lang

        # A theme is shown only when at least `threshold` reports use it: a rare word
        # from one report could point at a person.
        document_lemmas = [set(lemmas(text, resolve_lang(text, None))) for text in texts]
        themes = [k for k in keywords(texts, k=15)
                  if sum(k.term in seen for seen in document_lemmas) >= threshold][:8]  # fmt: skip
    return render(request, "indicators/brief.html", {
        "phenomenon": phenomenon, "area": area, "level": level, "labels": labels,
        "cells": [display(c) for c in cells], "trend": trend, "themes": themes, "quotes": quotes,
        "summaries": summaries, "proposals": proposals, "actions": action_items,
        "indicators": indicator_rows(area, [code]), "hidden": HIDDEN, "threshold": threshold,
        "phenomena": Phenomenon.objects.filter(active=True),
    })  # fmt: skip
