"""Operations: backup → flush → restore gives back every row and every uploaded file.

Here the portable format (JSON Lines, ``--portable``) and the formats 1 and 2 it descends
from; the native formats (pg_dump, SQLite's backup API) are in test_backup_native.py."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from ilmio.areas.models import County, Municipality
from ilmio.core.backup import EXCLUDED, BackupError, create_backup, read_manifest, restore_backup
from ilmio.knowledge.services import draft_summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Ilmi\xc3\xb6 test summary\n%%EOF\n"


# Not data but a to-do: restoring a report marks its month for recounting, whether or not
# the month was marked when the backup was taken (the counts are derived from reports).
DERIVED = ("indicators.stalereportmonth",)


def excluded(model: Any) -> bool:
    meta = model._meta
    return meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED or meta.label_lower in DERIVED


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every backed-up model (M2M through tables included), as dicts."""
    result = {}
    for model in apps.get_models(include_auto_created=True):
        if excluded(model):
            continue
        if model._meta.auto_created:
            # dumpdata stores many-to-many links as lists, so the link rows' own ids are new
            # after a restore (on PostgreSQL): compare the links, not their ids.
            rows = sorted(tuple(sorted((k, v) for k, v in row.items() if k != "id"))
                          for row in model.objects.values())  # fmt: skip
            result[model._meta.label_lower] = [dict(row) for row in rows]
        else:
            result[model._meta.label_lower] = list(model.objects.order_by("pk").values())
    return result


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def populate(make_user: Any) -> tuple[Any, Any]:
    coordinator = make_user("coordinator", "15")
    county = County.objects.get(code="15")
    for n, code in enumerate(["179", "179", "182"]):
        submit_report({"title": f"Havainto {n}", "description": "Vuokrarästit kasvavat, soita 040 123 4567.",
                       "municipalities": [Municipality.objects.get(code=code)], "phenomena": []},
                      county=county, channel=Report.Channel.FORM, submitted_by=coordinator,
                      idempotency_key=f"backup-{n}")  # fmt: skip
    today = timezone.localdate()
    summary = draft_summary(county=county, title="Asumisen tilannekuva", period_start=date(today.year, 1, 1),
                            period_end=date(today.year, 12, 31), by=coordinator)  # fmt: skip
    summary.pdf_internal.save("tilannekuva.pdf", ContentFile(PDF))
    return coordinator, summary


def flush() -> None:
    if connection.vendor == "postgresql":
        # The test runs in a transaction: fire the deferred foreign-key checks now, or
        # PostgreSQL refuses to TRUNCATE tables with pending trigger events.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        # Back to the default, as in the fresh transaction a real restore runs in: the dump
        # lists core (audit events) before accounts (their actors).
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    assert not Report.objects.exists()


Rows = dict[str, list[dict[str, Any]]]


def differences(before: Rows, after: Rows) -> list[Any]:
    return [(label, k, a[k], b.get(k)) for label in before for a, b in zip(before[label], after[label], strict=False)
            for k in a if a[k] != b.get(k)] + [(label, len(before[label]), len(after[label])) for label in before
                          if len(before[label]) != len(after[label])]  # fmt: skip


def test_backup_round_trip(make_user: Any, media_root: Path, tmp_path: Path) -> None:
    coordinator, summary = populate(make_user)
    before = snapshot()
    assert len(before["reports.report"]) == 3 and before["knowledge.summary"]
    assert before["accounts.user"] and before["areas.municipality"]
    stored = media_root / summary.pdf_internal.name
    assert stored.read_bytes() == PDF

    archive = tmp_path / "ilmio.tar.gz"
    manifest = create_backup(archive, portable=True)
    assert read_manifest(archive) == manifest
    # Exactly format 2 (an Ilmiö from before the native formats restores it), gzipped.
    assert manifest["format_version"] == 2 and manifest["database_format"] == "jsonl"
    assert archive.read_bytes()[:2] == b"\x1f\x8b"
    assert manifest["counts"]["reports.report"] == 3
    assert manifest["media_files"] == 1
    assert {"version", "created_at"} <= {k.replace("ilmio_", "") for k in manifest}
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds every report: the owner's only
    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
        assert {"manifest.json", "database.jsonl", f"media/{summary.pdf_internal.name}"} <= names
        # One object a line: written and read as a stream.
        lines = opened.extractfile("database.jsonl").read().decode().splitlines()  # type: ignore[union-attr]
        models = {json.loads(line)["model"] for line in lines if line.strip()}
    assert "accounts.user" in models and "reports.report" in models
    assert not [m for m in models
                if m.startswith(("contenttypes.", "sessions.", "axes.")) or m == "auth.permission"]  # fmt: skip

    flush()
    stored.unlink()

    restore_backup(archive)
    after = snapshot()
    assert not differences(before, after), differences(before, after)[:3]
    assert after == before
    assert stored.read_bytes() == PDF
    # The restored site works: the coordinator's report list is served from restored rows.
    client = Client()
    client.force_login(apps.get_model("accounts.user").objects.get(pk=coordinator.pk))
    assert client.get("/reports/").status_code == 200

    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive)


def as_older_format(source: Path, target: Path, version: int) -> Path:
    """The portable archive as Ilmiö wrote it before: format 2 (no database_format in the
    manifest) or format 1 (the dump one JSON array, database.json)."""
    with tarfile.open(source) as original, tarfile.open(target, "w:gz") as changed:
        for member in original.getmembers():
            data = original.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["format_version"] = version
                del manifest["database_format"]
                data = json.dumps(manifest).encode()
            elif member.name == "database.jsonl" and version == 1:
                member.name = "database.json"
                objects = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
                data = json.dumps(objects).encode()
            member.size = len(data)
            changed.addfile(member, io.BytesIO(data))
    return target


def test_format_2_and_format_1_archives_still_restore(
    make_user: Any, media_root: Path, tmp_path: Path
) -> None:
    _coordinator, summary = populate(make_user)
    before = snapshot()
    portable = tmp_path / "ilmio.tar.gz"
    out = io.StringIO()
    call_command("backup", str(portable), "--portable", stdout=out)
    assert out.getvalue().startswith(f"wrote {portable} (jsonl): ")
    for version in (2, 1):
        archive = as_older_format(portable, tmp_path / f"format-{version}.tar.gz", version)
        flush()
        (media_root / summary.pdf_internal.name).unlink()
        assert read_manifest(archive)["format_version"] == version
        restore_backup(archive)
        assert snapshot() == before, (version, differences(before, snapshot())[:3])
        assert (media_root / summary.pdf_internal.name).read_bytes() == PDF


def test_a_damaged_portable_archive_is_refused_and_leaves_nothing(make_user: Any, tmp_path: Path) -> None:  # fmt: skip
    populate(make_user)
    archive = tmp_path / "ilmio.tar.gz"
    create_backup(archive, portable=True)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as original, tarfile.open(damaged, "w:gz") as changed:
        for member in original.getmembers():
            data = original.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["counts"]["reports.report"] += 1
                data = json.dumps(manifest).encode()
            member.size = len(data)
            changed.addfile(member, io.BytesIO(data))
    flush()
    with pytest.raises(BackupError, match="does not match the manifest's counts"):
        restore_backup(damaged)
    assert not Report.objects.exists() and not apps.get_model("accounts.user").objects.exists()


def test_restore_refuses_damaged_archives(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tar.gz"
    with tarfile.open(broken, "w:gz") as archive:
        archive.add(__file__, arcname="notes.txt")
    with pytest.raises(BackupError, match="no manifest"):
        restore_backup(broken)
    with pytest.raises(BackupError, match="no such file"):
        restore_backup(tmp_path / "missing.tar.gz")


def test_health_endpoint() -> None:
    response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
