"""The national picture page: counties, cooperation areas and the country side by side, from
the counties' accepted packages only (no report, no text), for national analysts."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ilmio.core.permissions import Capability, requires
from ilmio.federation.package import ALL
from ilmio.federation.picture import HIDDEN_VALUE, NO_DATA, UNPUBLISHED, national_picture
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
        "NO_DATA": NO_DATA, "HIDDEN": HIDDEN_VALUE, "UNPUBLISHED": UNPUBLISHED,
    })  # fmt: skip
