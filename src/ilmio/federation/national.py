"""The national instance's side of federation: a county's key registered, its packages
imported — each checked by :func:`ilmio.federation.package.check_package` with the key
registered here (never the one in the package), its areas checked against the county's
geography — and every accepted version kept. A rejected package changes nothing; its reason
is returned and recorded in the audit log."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max

from ilmio.areas.models import County
from ilmio.core.audit import Event, record_event
from ilmio.federation.models import FederatedCell, FederatedCounty, FederationPackage
from ilmio.federation.package import (
    ALL,
    MANIFEST,
    PackageError,
    check_package,
    read_dataset,
    validate_public_key,
)
from ilmio.taxonomy.models import Phenomenon

MAX_PACKAGE_BYTES = 50 * 2**20
PERIOD = re.compile(r"\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?")
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
CODE = re.compile(r"[\w.-]{1,40}")


def register_county_key(county: County, public_key: str, *, by: Any = None) -> FederatedCounty:
    validate_public_key(public_key.strip())
    with transaction.atomic():
        registered, _created = FederatedCounty.objects.update_or_create(county=county, defaults={
            "public_key": public_key.strip(), "registered_by": by})  # fmt: skip
        record_event(by, Event.FEDERATION_KEY_REGISTERED, obj=registered, county=county.pk)
    return registered


def import_package(files: Mapping[str, bytes], *, by: Any = None) -> FederationPackage:
    """Check and keep a county's package as its next version; PackageError with the reason."""
    try:
        return _import(files, by)
    except PackageError as error:
        record_event(by, Event.FEDERATION_PACKAGE_REJECTED, reason=reason_code(error))
        raise


_REASONS = (("signature", "signature"), ("checksum", "checksum"), ("below the threshold", "small_count"),
            ("derivable", "derivable"), ("are not county", "foreign_area"), ("says it is county", "foreign_area"),
            ("unknown phenomenon", "unknown_code"), ("a period is not", "unknown_code"),
            ("no registered key", "unregistered"), ("already been imported", "already_imported"), ("larger than", "too_large"),
            ("manifest", "manifest"), (".zip of them", "not_a_package"))  # fmt: skip


def reason_code(error: PackageError) -> str:
    """A short code of why a package was refused, for the audit log (which holds no free text)."""
    message = str(error)
    return next((code for words, code in _REASONS if words in message), "shape")


def _import(files: Mapping[str, bytes], by: Any) -> FederationPackage:
    if sum(len(content) for content in files.values()) > MAX_PACKAGE_BYTES:
        raise PackageError(f"the package is larger than {MAX_PACKAGE_BYTES // 2**20} MB")
    try:
        claimed = str(json.loads(files[MANIFEST]).get("county", ""))
    except (KeyError, ValueError, AttributeError):
        raise PackageError("no readable manifest.json") from None
    registered = FederatedCounty.objects.select_related("county").filter(county__code=claimed).first()
    if registered is None:
        raise PackageError(f"county {claimed!r} has no registered key on this instance")
    threshold = int(settings.SUPPRESSION_THRESHOLD)
    manifest = check_package(files, trusted_key=registered.public_key, threshold=threshold)
    county = registered.county
    own_areas = {county.code, *county.municipalities.values_list("code", flat=True)}
    digest = hashlib.sha256(files[MANIFEST]).hexdigest()
    if FederationPackage.objects.filter(county=county, manifest_sha256=digest).exists():
        raise PackageError("this package has already been imported")
    cells: list[FederatedCell] = []
    taxonomy = ""
    known = {ALL, *Phenomenon.objects.values_list("code", flat=True)}
    for entry in manifest["files"]:
        data = json.loads(files[entry["name"]])
        areas, _phenomena, _periods, values, statuses = read_dataset(data)
        foreign = sorted(set(areas) - own_areas)
        if foreign:
            raise PackageError(f"{entry['name']}: areas {', '.join(foreign[:5])} are not county {county.code}'s")
        # Codes only: a package is never a way to bring free text into this instance.
        unknown = sorted(set(_phenomena) - known)
        if unknown:
            raise PackageError(f"{entry['name']}: unknown phenomenon codes {', '.join(c[:40] for c in unknown[:5])}")
        if any(not PERIOD.fullmatch(p) for p in _periods):
            raise PackageError(f"{entry['name']}: a period is not YYYY, YYYY-Qn or YYYY-MM")
        extension = data.get("extension") or {}
        if extension.get("county") not in (None, county.code):
            raise PackageError(f"{entry['name']}: the dataset says it is county {extension.get('county')!r}'s")
        version_text = str(extension.get("taxonomy_version") or "")
        taxonomy = version_text if CODE.fullmatch(version_text) else taxonomy
        cells += [FederatedCell(area_code=area, phenomenon=phenomenon, period=period, value=value,
                                status=statuses[(area, phenomenon, period)])
                  for (area, phenomenon, period), value in values.items()]  # fmt: skip
    created = str(manifest.get("created", ""))
    with transaction.atomic():
        FederatedCounty.objects.select_for_update().get(pk=registered.pk)  # one version number at a time
        version = (FederationPackage.objects.filter(county=county).aggregate(v=Max("version"))["v"] or 0) + 1
        package = FederationPackage.objects.create(county=county, version=version, manifest_sha256=digest,
                                                   created=created if STAMP.fullmatch(created) else "", threshold=threshold,
                                                   taxonomy_version=taxonomy[:40], received_by=by)  # fmt: skip
        for cell in cells:
            cell.package = package
        FederatedCell.objects.bulk_create(cells, batch_size=2000)
        record_event(by, Event.FEDERATION_PACKAGE_ACCEPTED, obj=package, county=county.pk, version=version,
                     cells=len(cells))  # fmt: skip
    return package


MAX_UPLOAD_FILES = 20


class Upload(Protocol):
    """What an uploaded file offers (Django's ``UploadedFile``): its name, size and content."""

    name: str | None
    size: int | None

    def read(self) -> bytes: ...


def import_upload(uploads: Iterable[Upload], *, by: Any = None) -> FederationPackage:
    """:func:`import_package` of uploaded files (:func:`package_files`); a refusal of either is audited."""
    try:
        files = package_files(uploads)
    except PackageError as error:
        record_event(by, Event.FEDERATION_PACKAGE_REJECTED, reason=reason_code(error))
        raise
    return import_package(files, by=by)


def package_files(uploads: Iterable[Upload]) -> dict[str, bytes]:
    """The files of an uploaded package: its ``.json`` files chosen together, or one ``.zip`` of
    the package folder (members read by their base name, never by a path; sizes checked before
    anything is read, so a small archive cannot unpack into gigabytes). PackageError if neither."""
    files: dict[str, bytes] = {}
    received = 0
    for upload in uploads:
        received += upload.size or 0
        if received > MAX_PACKAGE_BYTES:
            raise PackageError(f"the package is larger than {MAX_PACKAGE_BYTES // 2**20} MB")
        base = PurePosixPath((upload.name or "").replace("\\", "/")).name
        content = upload.read()
        if base.lower().endswith(".zip"):
            files.update(_zip_members(content))
        elif base.lower().endswith(".json"):
            files[base] = content
        else:
            raise PackageError("the package must be its .json files or one .zip of them")
        if len(files) > MAX_UPLOAD_FILES or sum(map(len, files.values())) > MAX_PACKAGE_BYTES:
            raise PackageError(f"the package is larger than {MAX_PACKAGE_BYTES // 2**20} MB")
    if MANIFEST not in files:
        raise PackageError("no readable manifest.json")
    return files


def _zip_members(content: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".json")]
        if len(members) > MAX_UPLOAD_FILES or sum(m.file_size for m in members) > MAX_PACKAGE_BYTES:
            raise PackageError(f"the package is larger than {MAX_PACKAGE_BYTES // 2**20} MB")
        return {PurePosixPath(m.filename).name: archive.read(m) for m in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        raise PackageError("the package must be its .json files or one .zip of them") from None


def package_history() -> list[FederationPackage]:
    """Every accepted version of every county, newest first per county, with its cell count."""
    return list(FederationPackage.objects.select_related("county").annotate(cell_count=Count("cells"))
                .order_by("county__code", "-version"))  # fmt: skip


def current_packages() -> dict[str, FederationPackage]:
    """The newest accepted package of each county, by county code."""
    newest: dict[str, FederationPackage] = {}
    for package in FederationPackage.objects.select_related("county").order_by("county__code", "-version"):
        newest.setdefault(package.county.code, package)
    return newest
