from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.areas.loading import latest_population
from ilmio.areas.models import CooperationArea, County, Municipality
from ilmio.areas.selection import Area, child_areas, resolve_area
from ilmio.core.access import home_county
from ilmio.core.permissions import PUBLIC, Capability, can_see_county, has_capability, requires
from ilmio.core.tables import table_download
from ilmio.indicators import disclosure
from ilmio.indicators.disclosure import ALL, COUNTRY_CODE, HIDDEN, LEVELS, PERIODS, Shown
from ilmio.taxonomy.models import Phenomenon

SHOWN_PERIODS = {"month": 12, "quarter": 8, "year": 5}


def display(cell: Shown) -> str:
    return str(cell)


def population_of(area: Area, populations: dict[str, int]) -> int:
    return sum(populations.get(code, 0) for code in area.municipality_codes)


def signal_rows(area: Area, phenomena: dict[str, Phenomenon], user: Any, county_id: int) -> list[dict[str, Any]]:
    """The disclosure door's signals for the municipalities of an area, with names and reviews."""
    from ilmio.analysis.models import SignalReview

    wanted = set(area.municipality_codes)
    signals = disclosure.emerging_signals(area.municipality_codes, list(phenomena), user=user, county_id=county_id)
    names = dict(Municipality.objects.filter(code__in=wanted).values_list("code", "name_fi"))
    reviews = {(r.phenomenon.code, r.municipality_code, r.last_month): r for r in
               SignalReview.objects.filter(municipality_code__in=wanted).select_related("phenomenon")}  # fmt: skip
    return [{"phenomenon": phenomena[s.phenomenon], "area": names.get(s.area_code, s.area_code),
             "area_code": s.area_code, "observed": s.observed, "expected": s.expected, "ratio": s.ratio,
             "months": f"{s.months[0]} – {s.months[-1]}", "last_month": s.months[-1],
             "review": reviews.get((s.phenomenon, s.area_code, s.months[-1]))}
            for s in signals]  # fmt: skip


@requires(PUBLIC)
def situation(request: HttpRequest) -> HttpResponse:
    level = request.GET.get("level", "county" if request.user.is_authenticated and request.user.county_id else "country")
    level = level if level in LEVELS else "country"
    county = home_county(request.user) if level == "county" else None
    default_code = county.code if county else COUNTRY_CODE
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

    aggregates = disclosure.published(period)
    labels = aggregates.labels()[-SHOWN_PERIODS[period]:]
    table: list[dict[str, Any]]
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
    yearly = disclosure.published("year")
    year = yearly.labels()[-1] if yearly.labels() else None
    comparison: list[dict[str, Any]] = []
    if year:
        for child in child_areas(area):
            cell = yearly.raw_cell(year, child.level, child.code, chosen)
            population = population_of(child, populations)
            comparison.append({"area": child, "count": display(disclosure.Shown.of(cell)),
                               "rate": disclosure.rate(cell, population), "population": population})  # fmt: skip
        ranked = sorted((c for c in comparison if c["rate"] is not None), key=lambda c: -c["rate"])
        for rank, item in enumerate(ranked, start=1):
            item["rank"] = rank
    maximum = max([c.value or 0 for c in totals] + [1])
    chart = []
    for index, (label, shown) in enumerate(zip(labels, totals, strict=True)):
        height = 0 if shown.hidden else round(100 * (shown.value or 0) / maximum)
        chart.append({"label": label, "x": index * 100 + 15, "y": 110 - height, "height": height})

    county_id = None
    if area.level in ("county", "municipality"):
        county_id = County.objects.filter(municipalities__code__in=area.municipality_codes[:1]).values_list("pk", flat=True).first()
    signals = []
    if county_id and has_capability(request.user, Capability.READ_AGGREGATES) and can_see_county(request.user, county_id):
        signals = signal_rows(area, phenomena, request.user, county_id)

    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "situation/situation.html", {
        "area": area, "level": level, "period": period, "labels": labels, "table": table, "chart": chart,
        "comparison": comparison, "year": year, "phenomena": phenomena.values(), "chosen": chosen,
        "signals": signals, "levels": LEVELS, "can_review": has_capability(request.user, Capability.TRIAGE), "periods": PERIODS, "query": query.urlencode(), "chart_width": max(len(chart), 1) * 100,
        "counties": County.objects.all(), "areas": CooperationArea.objects.all(),
        "population": population_of(area, populations), "hidden": HIDDEN,
        "indicators": indicator_rows(area, [chosen] if chosen != ALL else list(phenomena)),
        "threshold": disclosure.threshold(),
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
    from ilmio.knowledge.access import (
        public_actions_of,
        public_proposals_of,
        public_quotes_of,
        public_summaries_on,
    )
    from ilmio.reports.models import Report

    phenomenon = Phenomenon.objects.filter(code=code, active=True).first()
    level = request.GET.get("level", "country")
    level = level if level in LEVELS else "country"
    area = resolve_area(level, request.GET.get("area", COUNTRY_CODE)) if level != "country" else resolve_area("country", COUNTRY_CODE)
    if phenomenon is None or area is None:
        return render(request, "core/error.html", {"title": _("Not found"),
                      "message": _("There is no such phenomenon or area.")}, status=404)  # fmt: skip
    quarterly = disclosure.published("quarter")
    labels = quarterly.labels()[-8:]
    cells = [quarterly.cell(label, area.level, area.code, code) for label in labels]
    trend = None
    visible = [c.value for c in cells if c.value is not None]
    if len(cells) == 8 and len(visible) == 8:
        recent, earlier = sum(visible[4:]), sum(visible[:4])
        trend = None if earlier == 0 else round(100 * (recent - earlier) / earlier)
    county_codes = list(County.objects.filter(municipalities__code__in=area.municipality_codes).values_list("code", flat=True).distinct())
    summaries = public_summaries_on(phenomenon, county_codes)
    quotes = public_quotes_of(summaries)[:5]
    proposals = public_proposals_of(summaries).select_related("decision")
    action_items = public_actions_of(proposals).filter(parent=None)
    threshold = disclosure.threshold()
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
    return render(request, "situation/brief.html", {
        "phenomenon": phenomenon, "area": area, "level": level, "labels": labels,
        "cells": [display(c) for c in cells], "trend": trend, "themes": themes, "quotes": quotes,
        "summaries": summaries, "proposals": proposals, "actions": action_items,
        "indicators": indicator_rows(area, [code]), "hidden": HIDDEN, "threshold": threshold,
        "phenomena": Phenomenon.objects.filter(active=True),
    })  # fmt: skip
