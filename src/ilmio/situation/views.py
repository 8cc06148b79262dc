"""The situational picture's pages: parse the query, build the picture, render or download."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.areas.models import CooperationArea, County
from ilmio.areas.selection import resolve_area
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.core.tables import table_download
from ilmio.indicators import disclosure
from ilmio.indicators.disclosure import COUNTRY_CODE, HIDDEN, LEVELS, PERIODS
from ilmio.situation.picture import (
    parse_query,
    phenomenon_brief_content,
    phenomenon_table,
    situation_picture,
    table_rows,
)
from ilmio.taxonomy.models import Phenomenon


def _not_found(request: HttpRequest, title: str, message: str) -> HttpResponse:
    return render(request, "core/error.html", {"title": title, "message": message}, status=404)


@requires(PUBLIC)
def situation(request: HttpRequest) -> HttpResponse:
    query = parse_query(request.GET, request.user)
    if query.area is None:
        return _not_found(request, _("Area not found"), _("There is no such area. Choose an area from the list."))
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        labels, table, _totals = phenomenon_table(query, query.area)
        return table_download(table_rows(labels, table), ["phenomenon", *labels], fmt,
                              f"ilmio-{query.area.level}-{query.area.code}-{query.period}", title=query.area.name)  # fmt: skip
    params = request.GET.copy()
    params.pop("format", None)
    return render(request, "situation/situation.html", {
        **situation_picture(query, query.area, request.user),
        "levels": LEVELS, "periods": PERIODS, "query": params.urlencode(), "hidden": HIDDEN,
        "can_review": has_capability(request.user, Capability.TRIAGE),
        "counties": County.objects.all(), "areas": CooperationArea.objects.all(), "threshold": disclosure.threshold(),
    })  # fmt: skip


@requires(PUBLIC)
def phenomenon_brief(request: HttpRequest, code: str) -> HttpResponse:
    """Ilmiöstä tiiviisti: frontline reports, statistics and decisions on one phenomenon."""
    phenomenon = Phenomenon.objects.filter(code=code, active=True).first()
    level = request.GET.get("level", "country")
    level = level if level in LEVELS else "country"
    area = resolve_area(level, request.GET.get("area", COUNTRY_CODE)) if level != "country" else resolve_area("country", COUNTRY_CODE)
    if phenomenon is None or area is None:
        return _not_found(request, _("Not found"), _("There is no such phenomenon or area."))
    return render(request, "situation/brief.html", {
        **phenomenon_brief_content(phenomenon, area), "level": level, "hidden": HIDDEN,
        "phenomena": Phenomenon.objects.filter(active=True),
    })  # fmt: skip
