"""A county instance's published aggregates as a signed federation package, and its checks.

A package is a folder (or its files) of JSON-stat 2.0 datasets and a ``manifest.json``:
the SHA-256 of every dataset, the county, the format, and an Ed25519 signature of the
county instance over the rest of the manifest. It carries only what the county publishes:
suppressed cells are ``null`` with status ``c`` (confidential), cells the level does not
publish at all are ``null`` with status ``n``; never report text.

The receiving (national) instance checks a package before it trusts a number in it
(:func:`check_package`): signature, checksums, the JSON-stat shape, no count below the
threshold, and a re-audit of the suppression on the structure the package itself
describes (areas with their parents, months ⊂ quarters ⊂ year, phenomena and their total).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ilmio.stats.suppression import Cell, Constraint, Suppressed, audit

FORMAT = "ilmio-federation/1"
MANIFEST = "manifest.json"
SHOWN, HIDDEN, NOT_PUBLISHED = "", "c", "n"
STATUS_LABELS = {HIDDEN: "confidential (suppressed to protect privacy)", NOT_PUBLISHED: "not published at this level"}
ALL = "ALL"


class PackageError(ValueError):
    """A package that must not be trusted; the message says why."""


# -- keys ------------------------------------------------------------------------------


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """The instance's signing key (PEM, PKCS#8), created on first use and readable only by
    its owner."""
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise PackageError(f"{path}: not an Ed25519 private key")
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))  # fmt: skip
    return key


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def _public_key(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise PackageError(f"the county's public key is not a base64 Ed25519 key ({error})") from None


def validate_public_key(text: str) -> None:
    """PackageError when ``text`` is not a base64 Ed25519 public key."""
    _public_key(text)


# -- JSON-stat -------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    code: str
    level: str
    label: str
    parent: str | None  # the code of the area above it in this package, if any


def jsonstat_dataset(*, label: str, areas: Sequence[Area], phenomena: Mapping[str, str], periods: Sequence[str],
                     cell: Any, extension: Mapping[str, Any]) -> dict[str, Any]:  # fmt: skip
    """A JSON-stat 2.0 dataset over area × phenomenon × period; ``cell(area, phenomenon,
    period)`` gives (value or None, status)."""
    values: list[int | None] = []
    status: dict[str, str] = {}
    for area in areas:
        for phenomenon in phenomena:
            for period in periods:
                value, code = cell(area, phenomenon, period)
                if code != SHOWN:
                    status[str(len(values))] = code
                    value = None
                values.append(value)
    return {
        "version": "2.0", "class": "dataset", "label": label,
        "updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "id": ["area", "phenomenon", "period"], "size": [len(areas), len(phenomena), len(periods)],
        "dimension": {
            "area": {"label": "Area", "category": {
                "index": [a.code for a in areas], "label": {a.code: a.label for a in areas}},
                "extension": {"level": {a.code: a.level for a in areas},
                              "parent": {a.code: a.parent for a in areas if a.parent}}},
            "phenomenon": {"label": "Phenomenon", "category": {"index": list(phenomena), "label": dict(phenomena)}},
            "period": {"label": "Period", "category": {"index": list(periods)}},
        },
        "value": values, "status": status,
        "extension": {**extension, "status_labels": STATUS_LABELS},
    }  # fmt: skip


def _index(dimension: Mapping[str, Any]) -> list[str]:
    index = dimension["category"]["index"]
    return list(index) if isinstance(index, list) else sorted(index, key=index.get)


def read_dataset(data: Any) -> tuple[list[str], list[str], list[str], dict[tuple[str, str, str], int | None],
                                      dict[tuple[str, str, str], str]]:  # fmt: skip
    """Areas, phenomena, periods, values and statuses of a dataset; PackageError when it is
    not the JSON-stat 2.0 shape this format uses."""
    try:
        if data.get("version") != "2.0" or data.get("class") != "dataset":
            raise PackageError("not a JSON-stat 2.0 dataset")
        if data["id"] != ["area", "phenomenon", "period"]:
            raise PackageError("the dimensions must be area, phenomenon, period")
        dims = [_index(data["dimension"][name]) for name in data["id"]]
        if [len(d) for d in dims] != data["size"]:
            raise PackageError("'size' does not match the dimensions")
        raw = data["value"]
        total = len(dims[0]) * len(dims[1]) * len(dims[2])
        if isinstance(raw, dict):
            raw = [raw.get(str(i)) for i in range(total)]
        if len(raw) != total:
            raise PackageError(f"{len(raw)} values for {total} cells")
        status_raw = data.get("status") or {}
        if isinstance(status_raw, list):
            status_raw = {str(i): s for i, s in enumerate(status_raw) if s}
        values: dict[tuple[str, str, str], int | None] = {}
        statuses: dict[tuple[str, str, str], str] = {}
        position = 0
        for area in dims[0]:
            for phenomenon in dims[1]:
                for period in dims[2]:
                    value = raw[position]
                    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                        raise PackageError(f"cell {position}: {value!r} is not a count")
                    values[(area, phenomenon, period)] = value
                    statuses[(area, phenomenon, period)] = str(status_raw.get(str(position), SHOWN))
                    position += 1
    except (KeyError, TypeError, AttributeError) as error:
        raise PackageError(f"not the JSON-stat 2.0 shape of this format ({error!r} missing or wrong)") from None
    return dims[0], dims[1], dims[2], values, statuses


# -- packages --------------------------------------------------------------------------


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def write_package(directory: Path, county: str, datasets: Mapping[str, Mapping[str, Any]],
                  key: Ed25519PrivateKey) -> Path:  # fmt: skip
    """Write the datasets and a signed manifest into ``directory``; returns the manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for name, data in sorted(datasets.items()):
        content = json.dumps(data, ensure_ascii=False, indent=1).encode()
        (directory / name).write_bytes(content)
        files.append({"name": name, "sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)})
    manifest: dict[str, Any] = {"format": FORMAT, "county": county, "files": files,
                                "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "public_key": public_key_text(key)}  # fmt: skip
    manifest["signature"] = base64.b64encode(key.sign(_canonical(manifest))).decode()
    path = directory / MANIFEST
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return path


def check_package(files: Mapping[str, bytes], *, trusted_key: str, threshold: int) -> dict[str, Any]:
    """The manifest of a package that passed every check; PackageError with the first reason
    otherwise. ``files`` maps file names to their bytes; ``trusted_key`` is the county's
    public key as the receiving instance registered it (never the one in the package)."""
    try:
        manifest = json.loads(files[MANIFEST])
        signature = base64.b64decode(manifest.pop("signature"), validate=True)
    except (KeyError, ValueError, TypeError, AttributeError):
        raise PackageError("no readable signed manifest.json") from None
    try:
        _public_key(trusted_key).verify(signature, _canonical(manifest))
    except InvalidSignature:
        raise PackageError("the signature does not match: the package was changed or is not the county's") from None
    if manifest.get("format") != FORMAT:
        raise PackageError(f"unknown package format {manifest.get('format')!r}")
    for entry in manifest.get("files", []):
        content = files.get(entry["name"])
        if content is None:
            raise PackageError(f"{entry['name']} is listed in the manifest but missing")
        if hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise PackageError(f"{entry['name']}: the checksum does not match the manifest")
        try:
            data = json.loads(content)
        except ValueError:
            raise PackageError(f"{entry['name']}: not JSON") from None
        problems = reaudit(data, threshold)
        if problems:
            raise PackageError(f"{entry['name']}: {problems[0]}")
    return manifest


def _period_parts(period: str, periods: Iterable[str]) -> list[str]:
    if len(period) == 4:
        return [p for p in periods if p.startswith(f"{period}-Q")]
    if "-Q" in period:
        quarter = int(period[-1])
        return [p for p in periods if len(p) == 7 and "Q" not in p and p[:4] == period[:4]
                and (int(p[5:]) - 1) // 3 + 1 == quarter]  # fmt: skip
    return []


def reaudit(data: Any, threshold: int) -> list[str]:
    """Problems of a dataset a reader could exploit: a small count shown, or a hidden cell
    worked out from the shown ones through the sums the dataset itself describes (area ⊂
    parent, phenomena ⊂ their total, months ⊂ quarter ⊂ year). Cells never published, and the
    parts a package does not carry (unclassified reports, county-wide reports), are unknowns
    that may be 0."""
    areas, phenomena, periods, values, statuses = read_dataset(data)
    for key, value in values.items():
        if value is not None and 0 < value < threshold:
            return [f"cell {key} shows {value}, below the threshold {threshold}"]
    parent = data["dimension"]["area"].get("extension", {}).get("parent", {})
    cells: dict[tuple[str, ...], Cell] = {key: Cell(value) if statuses[key] == SHOWN and value is not None
                                          else Cell(None, True, "complementary") for key, value in values.items()}  # fmt: skip
    constraints: list[Constraint[tuple[str, ...]]] = []
    hidden_part = Cell(None, True, "complementary")
    parts = [p for p in phenomena if p != ALL]
    for area in areas:
        for period in periods:
            if ALL in phenomena:
                rest = ("rest", area, period)  # reports of no published phenomenon
                cells[rest] = hidden_part
                constraints.append(Constraint((area, ALL, period), (*((area, p, period) for p in parts), rest)))
            for phenomenon in phenomena:
                finer = _period_parts(period, periods)
                if finer:
                    constraints.append(Constraint((area, phenomenon, period), tuple((area, phenomenon, p) for p in finer)))
    children: dict[str, list[str]] = {}
    for area in areas:
        if parent.get(area) in areas:
            children.setdefault(parent[area], []).append(area)
    for top, kids in children.items():
        for phenomenon in phenomena:
            for period in periods:
                elsewhere = ("elsewhere", top, phenomenon, period)  # county-wide reports
                cells[elsewhere] = hidden_part
                constraints.append(Constraint((top, phenomenon, period),
                                              (*((k, phenomenon, period) for k in kids), elsewhere)))  # fmt: skip
    # Sums through cells the level never publishes tell the reader about unknowns only;
    # left out, they keep the check small (the county's own audit covers the whole
    # structure). The reader knows hidden cells only as >= 0 (parts may be 0): masked.
    unpublished = {key for key, code in statuses.items() if code == NOT_PUBLISHED}
    kept = tuple(c for c in constraints if not unpublished.intersection(c.nodes))
    used = {node for c in kept for node in c.nodes}
    result = Suppressed({k: v for k, v in cells.items() if k in used}, kept, threshold, distinguishable=False,
                        masked=True)  # fmt: skip
    own = set(values)
    return [problem for problem in audit(result, bounds=False)
            if any(problem.startswith(repr(key)) for key in own) or "small count" in problem]
