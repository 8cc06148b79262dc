"""The situational picture's pages: parse the query, build the picture, render or download."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.accounts.services import mark_briefing_seen
from ilmio.areas.models import CooperationArea, County
from ilmio.areas.selection import resolve_area
from ilmio.core.formats import period_name, sorted_by_name
from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.core.tables import TABLE_FORMATS, table_download
from ilmio.indicators import disclosure
from ilmio.indicators.disclosure import COUNTRY_CODE, HIDDEN, LEVELS, PERIODS
from ilmio.situation.briefing import BRIEFED_ROLES, BriefingItem, briefing
from ilmio.situation.caching import public_page
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
def home(request: HttpRequest) -> HttpResponse:
    """The home page; staff who decide or coordinate get the two-minute briefing on top."""
    items: list[BriefingItem] = []
    since = None
    briefed = request.user.is_authenticated and getattr(request.user, "role", None) in BRIEFED_ROLES
    if briefed:
        since = mark_briefing_seen(request.user)
        items = briefing(request.user, since)
    return render(request, "core/home.html", {"briefing": items, "briefed": briefed, "briefing_since": since})


@requires(PUBLIC)
def situation(request: HttpRequest) -> HttpResponse:
    query = parse_query(request.GET, request.user)
    area = query.area
    if area is None:
        return _not_found(request, _("Area not found"), _("There is no such area. Choose an area from the list."))
    fmt = request.GET.get("format")
    if fmt in TABLE_FORMATS:
        labels, table, _totals = phenomenon_table(query, area)
        headers = {"phenomenon": _("Phenomenon"), **{label: period_name(label) for label in labels}}
        return table_download(table_rows(labels, table), ["phenomenon", *labels], fmt,
                              f"ilmio-{area.level}-{area.code}-{query.period}", title=area.name,
                              labels=headers)  # fmt: skip
    params = request.GET.copy()
    params.pop("format", None)

    def page() -> HttpResponse:
        return render(request, "situation/situation.html", {
            **situation_picture(query, area, request.user),
            "levels": LEVELS, "periods": PERIODS, "query": params.urlencode(), "hidden": HIDDEN,
            "can_review": has_capability(request.user, Capability.TRIAGE),
            "counties": sorted_by_name(County.objects.all(), str),
            "areas": sorted_by_name(CooperationArea.objects.all(), str), "threshold": disclosure.threshold(),
        })  # fmt: skip

    if request.user.is_authenticated:
        return page()  # staff pages depend on the reader (signals, reviews): built each time
    return public_page(request, ("situation", query.level, area.code, query.period, query.phenomenon), page)


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
