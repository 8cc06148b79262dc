"""The national picture page: counties, cooperation areas and the country side by side, from
the counties' accepted packages only (no report, no text), for national analysts."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilmio.core.permissions import PUBLIC, Capability, has_capability, requires
from ilmio.core.tables import CSV, EXCEL_CSV, XLSX, table_download
from ilmio.federation.forms import PackageUploadForm
from ilmio.federation.models import FederatedCounty
from ilmio.federation.national import import_upload, package_history, reason_code
from ilmio.federation.package import ALL, PackageError
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


@requires(PUBLIC)
def national_home(request: HttpRequest) -> HttpResponse:
    """The front page of a national instance: what it is, and the way in for national analysts."""
    # No count here: a public page shows numbers only through the disclosure door, and how many
    # counties have sent packages is for the analysts' pages (the picture says "from n of m").
    return render(request, "federation/national_home.html",
                  {"analyst": has_capability(request.user, Capability.READ_NATIONAL_AGGREGATES)})


# Why a package was refused, by the reason code the audit log keeps (national.reason_code).
REFUSALS = {
    "signature": gettext_lazy("The signature does not match the key registered for this county: the package was "
                              "changed, or signed with another key."),
    "checksum": gettext_lazy("A file does not match the checksum in the manifest: it was changed after signing."),
    "small_count": gettext_lazy("The package shows a count below the threshold, which could reveal a person."),
    "derivable": gettext_lazy("A hidden cell could be worked out from the published ones (a total minus its other "
                              "parts)."),
    "foreign_area": gettext_lazy("The package has areas that are not the county's own."),
    "unknown_code": gettext_lazy("The package has a phenomenon code or a period this instance does not know."),
    "unregistered": gettext_lazy("This county's key has not been registered here. An operator registers it "
                                 "(ilmio import federation --register-key) after receiving it from the county."),
    "already_imported": gettext_lazy("This package has already been imported."),
    "too_large": gettext_lazy("The package is too large (at most 50 MB)."),
    "manifest": gettext_lazy("The package has no readable manifest.json."),
    "not_a_package": gettext_lazy("Choose the package's .json files together, or one .zip of its folder."),
    "shape": gettext_lazy("The files are not a valid federation package (JSON-stat 2.0 datasets and a manifest)."),
}  # fmt: skip


@requires(Capability.IMPORT_FEDERATION_PACKAGES)
def packages(request: HttpRequest) -> HttpResponse:
    """Every accepted package version, and the upload of a county's next package."""
    posted = request.method == "POST"
    form = PackageUploadForm(request.POST, request.FILES) if posted else PackageUploadForm()
    if posted and form.is_valid():
        try:
            package = import_upload(form.cleaned_data["package"], by=request.user)
        except PackageError as error:
            messages.error(request, _("The package was refused and nothing was changed: %(reason)s")
                           % {"reason": REFUSALS[reason_code(error)]})  # fmt: skip
        else:
            messages.success(request, _("The package of %(county)s was accepted as version %(version)d.")
                             % {"county": package.county.name, "version": package.version})  # fmt: skip
            return redirect("federation:packages")
    history = package_history()
    with_package = {p.county_id for p in history}
    waiting = [f.county for f in FederatedCounty.objects.select_related("county").order_by("county__code")
               if f.county_id not in with_package]  # fmt: skip
    return render(request, "federation/packages.html", {"form": form, "history": history, "waiting": waiting})
