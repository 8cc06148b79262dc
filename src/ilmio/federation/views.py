"""The national picture page: counties, cooperation areas and the country side by side, from
the counties' accepted packages only (no report, no text), for national analysts."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.core.permissions import Capability, requires
from ilmio.core.tables import CSV, EXCEL_CSV, XLSX, table_download
from ilmio.federation.package import ALL
from ilmio.federation.picture import (
    COLUMNS,
    HIDDEN_VALUE,
    NO_DATA,
    UNPUBLISHED,
    combined_jsonstat,
    combined_rows,
    indicator_columns,
    national_picture,
)
from ilmio.taxonomy.models import Phenomenon


@requires(Capability.READ_NATIONAL_AGGREGATES)
def national(request: HttpRequest) -> HttpResponse:
    phenomena = list(Phenomenon.objects.filter(active=True).order_by("position", "code"))
    code = request.GET.get("phenomenon", ALL)
    phenomenon = next((p for p in phenomena if p.code == code), None)
    if code != ALL and phenomenon is None:
        messages.error(request, _("There is no such phenomenon; all phenomena are shown."))
        code = ALL
    picture = national_picture(phenomenon.code if phenomenon else ALL, request.GET.get("period") or None)
    if request.GET.get("period") and request.GET["period"] != picture.period:
        messages.error(request, _("No package has that period; the latest year is shown."))
    compare = picture.row("county", request.GET.get("compare", ""))
    comparison = []
    if compare is not None:
        comparison = [compare, picture.row("cooperation_area", compare.parent), picture.row("country", "FI")]
    return render(request, "federation/national.html", {
        "picture": picture, "phenomena": phenomena, "phenomenon": phenomenon, "ALL": ALL, "compare": compare,
        "comparison": [r for r in comparison if r is not None],
        "indicators": indicator_columns(picture),
        "NO_DATA": NO_DATA, "HIDDEN": HIDDEN_VALUE, "UNPUBLISHED": UNPUBLISHED,
    })  # fmt: skip


EXPORT_FORMATS = (CSV, EXCEL_CSV, XLSX, "json")


@requires(Capability.READ_NATIONAL_AGGREGATES)
def national_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The combined national dataset: every area, phenomenon and period of the newest packages,
    as JSON-stat 2.0 or a table (CSV, Excel CSV, XLSX)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    phenomena = {ALL: "Kaikki ilmiöt", **{p.code: p.label_fi for p in Phenomenon.objects.filter(active=True)
                                          .order_by("position", "code")}}  # fmt: skip
    if fmt == "json":
        response = HttpResponse(json.dumps(combined_jsonstat(phenomena), ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="ilmio-national.json"'
        return response
    labels = {"level": _("Level"), "code": _("Code"), "name": _("Area"), "phenomenon": _("Phenomenon"),
              "period": _("Period"), "state": _("State"), "value": _("Reports"), "per_10000": _("Per 10,000 residents"),
              "counties_with_data": _("Counties with data"), "counties": _("Counties"), "package_version": _("Package")}  # fmt: skip
    return table_download(combined_rows(list(phenomena)), COLUMNS, fmt, "ilmio-national", title=_("National picture"),
                          labels=labels)
