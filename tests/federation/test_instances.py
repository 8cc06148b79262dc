"""Three county instances and one national instance, each a process of its own with its own
database (#17, first "done when"): each county imports its history of reports, exports a
package signed with its own key; the national instance registers the keys, imports the
packages and shows them; a tampered package, one with a derivable hidden cell and one with
a count of 3 are each refused with a clear reason and change nothing."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from ilmio.federation.package import MANIFEST, _canonical, public_key_text

# (county, municipality, reports per month of January–March 2026) — fictional histories.
HISTORIES = {"15": [("179", "asuminen", (20, 22, 21)), ("410", "paihteet", (9, 8, 10))],
             "13": [("297", "asuminen", (12, 14, 13))],
             "08": [("837", "mielenterveys", (25, 24, 26))]}  # fmt: skip


def ilmio(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ILMIO_DATA_DIR": str(data), "ILMIO_DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}",
           "ILMIO_FEDERATION_KEY_FILE": str(data / "key.pem")}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "ilmio.cli", *args], capture_output=True, text=True, timeout=600,
                          env=env)  # fmt: skip


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def history_csv(county: str) -> str:
    lines = ["Vastaajan ID;Vastausaika;Kunta;Ilmiö;Kuvaus"]
    for municipality, phenomenon, per_month in HISTORIES[county]:
        for month, count in enumerate(per_month, start=1):
            lines += [f"{county}-{municipality}-{month}-{i};{1 + i % 27}.{month}.2026;{municipality};{phenomenon};"
                      f"Tilanne on vaikea {county}-{i}." for i in range(count)]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def resigned(folder: Path, key_file: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of a package changed by ``change`` and signed again with the county's own key —
    what a faulty county instance would send."""
    shutil.copytree(folder, target)
    data = json.loads((target / "reports.json").read_bytes())
    change(data)
    content = json.dumps(data).encode()
    (target / "reports.json").write_bytes(content)
    manifest = json.loads((target / MANIFEST).read_bytes())
    manifest.pop("signature")
    manifest["files"] = [{"name": "reports.json", "sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}]
    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    manifest["signature"] = base64.b64encode(key.sign(_canonical(manifest))).decode()  # type: ignore[union-attr, call-arg]
    (target / MANIFEST).write_text(json.dumps(manifest))
    return target


# Its four instances run on SQLite files of their own whatever the suite's database: once is enough.
@pytest.mark.slow
@pytest.mark.sqlite_only
def test_three_county_instances_and_a_national_one(tmp_path: Path) -> None:
    template = tmp_path / "template"
    ok(ilmio(template, "migrate"))
    ok(ilmio(template, "load-reference"))
    instances = {}
    for code in [*HISTORIES, "national"]:
        instances[code] = tmp_path / code
        instances[code].mkdir()
        shutil.copy(template / "db.sqlite3", instances[code] / "db.sqlite3")
    keys, packages = {}, {}
    for code in HISTORIES:
        data = instances[code]
        (data / "history.csv").write_text(history_csv(code), encoding="utf-8")
        ok(ilmio(data, "import", "reports", str(data / "history.csv"), "--county", code))
        ok(ilmio(data, "recount"))
        ok(ilmio(data, "export", "federation", "--county", code, "--output", str(data / "package")))
        packages[code] = data / "package"
        key = serialization.load_pem_private_key((data / "key.pem").read_bytes(), password=None)
        keys[code] = public_key_text(key)  # type: ignore[arg-type]
        assert "Tilanne on vaikea" not in (data / "package" / "reports.json").read_text()  # counts only
    assert len(set(keys.values())) == 3  # three instances, three keys

    national = instances["national"]
    for code in HISTORIES:
        out = ok(ilmio(national, "import", "federation", str(packages[code]), "--register-key", keys[code], "--county", code))
        assert "accepted as version 1" in out
    with sqlite3.connect(national / "db.sqlite3") as db:
        kept = db.execute("SELECT c.code, p.version FROM federation_federationpackage p JOIN areas_county c "
                          "ON c.id = p.county_id ORDER BY c.code").fetchall()  # fmt: skip
        assert kept == [("08", 1), ("13", 1), ("15", 1)]
        assert db.execute("SELECT COUNT(*) FROM reports_report").fetchone() == (0,)  # no report crossed over
        shown = dict(db.execute("SELECT p.county_id, f.value FROM federation_federatedcell f JOIN federation_federationpackage p "
                                "ON p.id = f.package_id JOIN areas_county c ON c.id = p.county_id "
                                "WHERE f.area_code = c.code AND f.phenomenon = 'ALL' AND f.period = '2026-Q1'").fetchall())  # fmt: skip
    assert sorted(v for v in shown.values() if v is not None) == sorted(sum(sum(m) for *_x, m in rows) for rows in HISTORIES.values())

    # Faulty packages: each refused with its reason; the national instance is unchanged.
    def areas_of(data) -> list[str]:  # type: ignore[no-untyped-def]
        index = data["dimension"]["area"]["category"]["index"]
        return list(index) if isinstance(index, list) else sorted(index, key=index.get)

    def position(data, area: str, phenomenon: str, period: str) -> int:  # type: ignore[no-untyped-def]
        areas = areas_of(data)
        phenomena = data["dimension"]["phenomenon"]["category"]["index"]
        periods = data["dimension"]["period"]["category"]["index"]
        return (areas.index(area) * len(phenomena) + phenomena.index(phenomenon)) * len(periods) + periods.index(period)

    def derivable(data) -> None:  # type: ignore[no-untyped-def]
        # January hidden while February, March and the quarter are shown: January is their difference.
        for month, value in (("2026-01", None), ("2026-02", 22), ("2026-03", 21)):
            data["value"][position(data, "15", "asuminen", month)] = value
            data["status"].pop(str(position(data, "15", "asuminen", month)), None)
        data["status"][str(position(data, "15", "asuminen", "2026-01"))] = "c"
        data["value"][position(data, "15", "asuminen", "2026-Q1")] = 63
        data["status"].pop(str(position(data, "15", "asuminen", "2026-Q1")), None)

    def three(data) -> None:  # type: ignore[no-untyped-def]
        index = next(i for i, v in enumerate(data["value"]) if isinstance(v, int) and v >= 5)
        data["value"][index] = 3

    tampered = tmp_path / "tampered"
    shutil.copytree(packages["15"], tampered)
    body = json.loads((tampered / "reports.json").read_bytes())
    body["value"] = [v + 1 if isinstance(v, int) and v else v for v in body["value"]]
    (tampered / "reports.json").write_text(json.dumps(body))
    faults = {tampered: "checksum does not match",
              resigned(packages["15"], instances["15"] / "key.pem", tmp_path / "derivable", derivable): "derivable",
              resigned(packages["15"], instances["15"] / "key.pem", tmp_path / "three", three): "below the threshold 5"}
    before = (national / "db.sqlite3").stat().st_size, kept
    for folder, reason in faults.items():
        result = ilmio(national, "import", "federation", str(folder))
        assert result.returncode != 0 and "rejected" in result.stderr and reason in result.stderr, result.stderr
    with sqlite3.connect(national / "db.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM federation_federationpackage").fetchone() == (3,)
        reasons = [row[0] for row in db.execute("SELECT json_extract(details, '$.reason') FROM core_auditevent "
                                                "WHERE event_type = 'federation_package_rejected' ORDER BY id")]  # fmt: skip
    assert reasons == ["checksum", "derivable", "small_count"]
    assert before[1] == kept
