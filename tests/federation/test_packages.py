"""Federation packages: a county exports its published counts as signed JSON-stat; the
national side accepts only what is intact, the county's, and safe."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ilmio.areas.models import County, Municipality
from ilmio.cli import main
from ilmio.federation.export import export_county
from ilmio.federation.package import (
    HIDDEN,
    MANIFEST,
    NOT_PUBLISHED,
    PackageError,
    _canonical,
    check_package,
    load_or_create_key,
    public_key_text,
    read_dataset,
)
from ilmio.indicators import disclosure
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db
# (municipality, phenomenon, reports in Jan, Feb, Mar 2026)
PLAN = {"15": [("179", "asuminen", (9, 8, 7)), ("179", "paihteet", (6, 7, 2)), ("410", "asuminen", (5, 6, 6))],
        "13": [("297", "asuminen", (8, 9, 10)), ("297", "vakivalta", (1, 0, 0))],
        "02": [("091", "mielenterveys", (12, 11, 13))]}  # fmt: skip


def build_packages(plan, settings, tmp_path):  # type: ignore[no-untyped-def]
    """Reports as ``plan`` says (county: [(municipality, phenomenon, per month of Jan–Mar 2026)]),
    then one package per county, each signed with a key of its own (three county instances)."""
    for rows in plan.values():
        for code, phenomenon, per_month in rows:
            municipality = Municipality.objects.get(code=code)
            for month, count in enumerate(per_month, start=1):
                for i in range(count):
                    submit_report({"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                                   "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
                                  county=municipality.county, channel=Report.Channel.FORM,
                                  created_at=datetime(2026, month, 1 + i % 27, 12, tzinfo=UTC))  # fmt: skip
    packages, keys = {}, {}
    for code in plan:
        settings.FEDERATION_KEY_FILE = str(tmp_path / f"key-{code}.pem")
        packages[code] = export_county(County.objects.get(code=code), tmp_path / f"package-{code}").parent
        keys[code] = public_key_text(load_or_create_key(Path(settings.FEDERATION_KEY_FILE)))
    return packages, keys


@pytest.fixture
def counties(reference_data, settings, tmp_path):  # type: ignore[no-untyped-def]
    return build_packages(PLAN, settings, tmp_path)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def resign(files: dict[str, bytes], key_file: Path, change) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """A package as a faulty county instance would sign it after ``change``."""
    data = json.loads(files["reports.json"])
    change(data)
    content = json.dumps(data).encode()
    manifest = json.loads(files[MANIFEST])
    manifest.pop("signature")
    manifest["files"] = [{"name": "reports.json", "sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}]
    manifest["signature"] = base64.b64encode(load_or_create_key(key_file).sign(_canonical(manifest))).decode()
    return {"reports.json": content, MANIFEST: json.dumps(manifest).encode()}


def test_each_county_package_is_accepted_with_its_own_key_and_carries_only_published_cells(counties):
    packages, keys = counties
    tables = {period: disclosure.published(period) for period in disclosure.PERIODS}
    for code, folder in packages.items():
        manifest = check_package(files_of(folder), trusted_key=keys[code], threshold=5)
        assert manifest["county"] == code
        areas, phenomena, periods, values, statuses = read_dataset(json.loads((folder / "reports.json").read_bytes()))
        assert areas[0] == code and "2026-03" in periods and "2026-Q1" in periods and "2026-12" not in periods
        for (area, phenomenon, period), value in values.items():
            level = "county" if area == code else "municipality"
            table = tables["quarter" if "Q" in period else "year" if len(period) == 4 else "month"]
            if statuses[(area, phenomenon, period)] == NOT_PUBLISHED:
                assert value is None and not disclosure.publishes(level, phenomenon, table.period)
            elif statuses[(area, phenomenon, period)] == HIDDEN:
                assert value is None and table.cell(period, level, area, phenomenon).hidden
            else:
                assert value == table.cell(period, level, area, phenomenon).value
                assert value == 0 or value >= 5
    # The national side cannot be fooled by a package signed with another county's key.
    with pytest.raises(PackageError, match="signature"):
        check_package(files_of(packages["15"]), trusted_key=keys["13"], threshold=5)


def test_a_tampered_package_is_rejected(counties):
    packages, keys = counties
    files = files_of(packages["15"])
    data = json.loads(files["reports.json"])
    data["value"] = [v + 1 if isinstance(v, int) and v else v for v in data["value"]]
    files["reports.json"] = json.dumps(data).encode()
    with pytest.raises(PackageError, match="checksum"):
        check_package(files, trusted_key=keys["15"], threshold=5)


def test_a_count_below_the_threshold_is_rejected(counties, tmp_path):
    packages, keys = counties

    def show_three(data) -> None:  # type: ignore[no-untyped-def]
        index = data["value"].index(next(v for v in data["value"] if isinstance(v, int) and v >= 5))
        data["value"][index] = 3

    files = resign(files_of(packages["15"]), tmp_path / "key-15.pem", show_three)
    with pytest.raises(PackageError, match="below the threshold"):
        check_package(files, trusted_key=keys["15"], threshold=5)


def test_a_hidden_cell_that_the_shown_ones_give_away_is_rejected(counties, tmp_path):
    packages, keys = counties
    areas, phenomena, periods, _values, _statuses = read_dataset(json.loads(files_of(packages["15"])["reports.json"]))

    def position(area: str, phenomenon: str, period: str) -> int:
        return (areas.index(area) * len(phenomena) + phenomena.index(phenomenon)) * len(periods) + periods.index(period)

    def hide_one_month(data) -> None:  # type: ignore[no-untyped-def]
        # The county's asuminen: January hidden, February, March and the quarter shown.
        for month, value in (("2026-01", None), ("2026-02", 14), ("2026-03", 13)):
            data["value"][position("15", "asuminen", month)] = value
            data["status"].pop(str(position("15", "asuminen", month)), None)
        data["status"][str(position("15", "asuminen", "2026-01"))] = HIDDEN
        data["value"][position("15", "asuminen", "2026-Q1")] = 41
        data["status"].pop(str(position("15", "asuminen", "2026-Q1")), None)

    files = resign(files_of(packages["15"]), tmp_path / "key-15.pem", hide_one_month)
    with pytest.raises(PackageError, match="derivable"):
        check_package(files, trusted_key=keys["15"], threshold=5)


def test_the_commands_export_and_check(counties, tmp_path, capsys, settings):
    packages, keys = counties
    settings.FEDERATION_KEY_FILE = str(tmp_path / "key-15.pem")
    assert main(["export", "federation", "--county", "15", "--output", str(tmp_path / "cli")]) == 0
    assert main(["check", "federation", str(tmp_path / "cli"), "--key", keys["15"]]) == 0
    assert "accepted" in capsys.readouterr().out
    assert main(["check", "federation", str(tmp_path / "cli"), "--key", keys["13"]]) != 0
    assert "signature" in capsys.readouterr().err
