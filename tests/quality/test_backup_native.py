"""Native backups (decision 0039): ``pg_dump`` custom format on PostgreSQL, SQLite's online
backup API on SQLite. Each test runs on the suite's vendor, so both paths are covered.

The dump tools and SQLite's backup read committed rows, so these tests commit: they are
transactional (pytest-django flushes the database after each), and the reference data is
put back after the module for the tests that follow on the same worker.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from ilmio.areas.models import County, Municipality
from ilmio.core import backup
from ilmio.core.backup import BackupError, create_backup, read_manifest, restore_backup
from ilmio.knowledge.services import draft_summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% Ilmi\xc3\xb6 native backup\n%%EOF\n"
POSTGRES = connection.vendor == "postgresql"


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    yield
    from tests.conftest import ensure_reference_data

    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture
def media_root(settings: Any) -> Path:
    return Path(settings.MEDIA_ROOT)  # a folder of the test's own (tests/conftest.py)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every backed-up table, ids included: a native restore is exact."""
    return {label: list(apps.get_model(label)._base_manager.order_by("pk").values())
            for label in backup._native_tables()}  # fmt: skip


def populate(make_user: Callable[..., Any], reports: int = 4) -> tuple[Any, int]:
    """Reports (the last one deleted again), a summary with its PDF, a session and a cache
    entry; returns the coordinator and the deleted report's id."""
    coordinator = make_user("coordinator", "15")
    county = County.objects.get(code="15")
    made = []
    for n in range(reports):
        code = "179" if n % 2 else "182"
        report, _created = submit_report({"title": f"Havainto {n}", "description": "Vuokrarästit kasvavat.",
                                          "municipalities": [Municipality.objects.get(code=code)], "phenomena": []},
                                         county=county, channel=Report.Channel.FORM, submitted_by=coordinator,
                                         idempotency_key=f"native-{n}")  # fmt: skip
        made.append(report)
    deleted = made[-1].pk
    # Its id must not be handed out again after a restore.
    Report.objects.filter(pk=deleted).delete()
    today = timezone.localdate()
    summary = draft_summary(county=county, title="Asumisen tilannekuva", period_start=date(today.year, 1, 1),
                            period_end=date(today.year, 12, 31), by=coordinator)  # fmt: skip
    summary.pdf_internal.save("tilannekuva.pdf", ContentFile(PDF))
    Client().force_login(coordinator)  # a session row: transient, never in a backup
    cache.set("ilmio-native-backup", "transient")
    assert Session.objects.exists()
    return coordinator, deleted


def flush() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert not Report.objects.exists()


def rewrite(source: Path, target: Path, *, manifest: Callable[[dict[str, Any]], None] | None = None,
            database: Callable[[bytes], bytes] | None = None) -> Path:  # fmt: skip
    """A copy of an archive with its manifest or its database section changed."""
    with tarfile.open(source, "r:*") as original, tarfile.open(target, "w") as changed:
        for member in original.getmembers():
            data = original.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "manifest.json" and manifest:
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            elif member.name.startswith("database.") and database:
                data = database(data)
            member.size = len(data)
            changed.addfile(member, io.BytesIO(data))
    return target


def row_total() -> int:
    return sum(backup._row_counts(backup._native_tables()).values())


def next_report_id() -> int:
    """The id the next report would get, without taking it."""
    with connection.cursor() as cursor:
        if POSTGRES:
            cursor.execute("SELECT last_value, is_called FROM reports_report_id_seq")
            last_value, is_called = cursor.fetchone()
            return int(last_value) + 1 if is_called else int(last_value)
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'reports_report'")
        row = cursor.fetchone()
        return int(row[0]) + 1 if row else 1


def test_native_round_trip(make_user: Any, media_root: Path, tmp_path: Path) -> None:
    coordinator, deleted = populate(make_user)
    before = snapshot()
    assert len(before["reports.report"]) == 3 and len(before["reports.report_municipalities"]) == 3
    assert before["knowledge.summary"] and before["areas.municipality"]

    archive = tmp_path / ("ilmio.tar" if POSTGRES else "ilmio.tar.gz")
    manifest = create_backup(archive)
    assert read_manifest(archive) == manifest
    assert manifest["format_version"] == 3
    assert manifest["database_format"] == ("postgresql-custom" if POSTGRES else "sqlite3")
    assert manifest["counts"]["reports.report"] == 3
    assert manifest["counts"]["reports.report_municipalities"] == 3
    assert manifest["counts"] == {label: len(rows) for label, rows in before.items()}
    assert {"django_session", "ilmio_cache"} <= set(manifest["transient_tables"])
    assert archive.stat().st_mode & 0o777 == 0o600
    # No scratch folder or .partial left beside the archive.
    assert sorted(os.listdir(tmp_path)) == sorted([archive.name, media_root.name])
    # A PostgreSQL dump is compressed already: a plain tar; a SQLite copy is gzipped.
    assert (archive.read_bytes()[:2] == b"\x1f\x8b") is not POSTGRES
    section = "database.pgdump" if POSTGRES else "database.sqlite3"
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        assert names[:2] == ["manifest.json", section]
        assert len(names) == 3 and names[2].startswith("media/")
        assert opened.getmember(section).mode == 0o600
        dump = tmp_path / "dump"
        dump.write_bytes(opened.extractfile(section).read())  # type: ignore[union-attr]
    if POSTGRES:
        listed = subprocess.check_output(["pg_restore", "--list", str(dump)], text=True)
        data = {line.split()[-2] for line in listed.splitlines() if " TABLE DATA " in line}
        assert {"reports_report", "django_migrations", "django_content_type"} <= data
        assert not data & {"django_session", "ilmio_cache", "axes_accessattempt"}
    else:
        copy = sqlite3.connect(dump)
        assert copy.execute("SELECT COUNT(*) FROM reports_report").fetchone() == (3,)
        assert copy.execute("SELECT COUNT(*) FROM django_migrations").fetchone()[0] > 0
        assert copy.execute("SELECT COUNT(*) FROM django_session").fetchone() == (0,)
        assert copy.execute("SELECT COUNT(*) FROM ilmio_cache").fetchone() == (0,)
        copy.close()
    dump.unlink()

    # Into a database that is not empty: refused, nothing changed.
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive)
    assert snapshot() == before

    flush()
    (media_root / before["knowledge.summary"][0]["pdf_internal"]).unlink()
    restore_backup(archive)
    after = snapshot()
    differences = [label for label in before if before[label] != after[label]]
    assert not differences, differences
    assert (media_root / after["knowledge.summary"][0]["pdf_internal"]).read_bytes() == PDF
    # The sequences are the backup's: the deleted report's id stays unused.
    assert next_report_id() == deleted + 1
    assert not Session.objects.exists()
    client = Client()
    client.force_login(apps.get_model("accounts.user").objects.get(pk=coordinator.pk))
    assert client.get("/reports/").status_code == 200


def test_a_refused_restore_leaves_nothing(make_user: Any, media_root: Path, tmp_path: Path) -> None:
    populate(make_user, reports=2)
    archive = tmp_path / "ilmio.tar"
    create_backup(archive)
    flush()
    shutil.rmtree(media_root)
    empty_next_id = next_report_id()

    def more_reports(manifest: dict[str, Any]) -> None:
        manifest["counts"]["reports.report"] += 1

    damaged = {
        "counts": (rewrite(archive, tmp_path / "counts.tar", manifest=more_reports),
                   "restored row counts differ from the manifest .*reports.report 1/2"),
        "garbage": (rewrite(archive, tmp_path / "garbage.tar", database=lambda data: b"not a dump" * 100),
                    "pg_restore failed: .*valid archive" if POSTGRES else "not a readable SQLite database"),
        "truncated": (rewrite(archive, tmp_path / "truncated.tar", database=lambda data: data[: len(data) * 3 // 4]),
                      "pg_restore failed" if POSTGRES else "malformed|counts differ"),
    }  # fmt: skip
    for name, (path, message) in damaged.items():
        with pytest.raises(BackupError, match=message):
            restore_backup(path)
        assert row_total() == 0, name
        assert next_report_id() == empty_next_id, name
        assert not media_root.exists(), name  # media files are written only after the database
    restore_backup(archive)  # the undamaged archive still restores afterwards
    assert Report.objects.count() == 1


def test_a_native_archive_restores_only_on_its_vendor(tmp_path: Path) -> None:
    other = "sqlite3" if POSTGRES else "postgresql-custom"
    archive = tmp_path / "other.tar"
    manifest = {"format": "ilmio-backup", "format_version": 3, "database_format": other, "migrations": {},
                "counts": {}, "media_files": 0}  # fmt: skip
    with tarfile.open(archive, "w") as opened:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        opened.addfile(info, io.BytesIO(data))
    expected = {
        True: "this archive is a SQLite database; restore it on SQLite, or make a --portable backup",
        False: "this archive is a PostgreSQL dump; restore it on PostgreSQL, or make a --portable backup",
    }[POSTGRES]
    with pytest.raises(BackupError) as refused:
        restore_backup(archive)
    assert str(refused.value) == expected


def test_native_backup_and_restore_refuse_an_open_transaction(make_user: Any, tmp_path: Path) -> None:  # fmt: skip
    populate(make_user, reports=1)
    archive = tmp_path / "ilmio.tar"
    create_backup(archive)
    flush()
    with transaction.atomic():
        # pg_dump would not see this transaction's rows; SQLite's backup would wait for it.
        with pytest.raises(BackupError, match="outside any transaction"):
            create_backup(tmp_path / "inside.tar")
        with pytest.raises(BackupError, match="outside any transaction"):
            restore_backup(archive)
    assert not (tmp_path / "inside.tar").exists() and row_total() == 0


FAILING_PG_DUMP = """#!/bin/sh
echo "pg_dump: warning: something first" >&2
echo "pg_dump: error: the tool's last line" >&2
exit 1
"""


@pytest.mark.parametrize("tools", ["missing", "failing", "wrong database"])
def test_dump_tool_failures_are_backup_errors(tools: str, make_user: Any, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """PostgreSQL: pg_dump missing or failing is a BackupError with its last stderr line, and
    nothing is left behind. SQLite needs none of PostgreSQL's tools: the backup is written."""
    make_user("coordinator", "15")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if tools == "failing":
        (bin_dir / "pg_dump").write_text(FAILING_PG_DUMP)
        (bin_dir / "pg_dump").chmod(0o700)
    if tools == "wrong database" and POSTGRES:
        monkeypatch.setitem(connection.settings_dict, "NAME", "ilmio_no_such_database")
    elif tools != "wrong database":
        monkeypatch.setenv("PATH", str(bin_dir))
    out = tmp_path / "out"
    archive = out / "ilmio.tar"
    if not POSTGRES:
        assert create_backup(archive)["database_format"] == "sqlite3"
        assert archive.is_file()
        return
    expected = {"missing": "pg_dump not found: install the PostgreSQL client programs",
                "failing": "pg_dump failed: pg_dump: error: the tool's last line$",
                "wrong database": 'pg_dump failed: .*database "ilmio_no_such_database" does not exist'}  # fmt: skip
    with pytest.raises(BackupError, match=expected[tools]):
        create_backup(archive)
    assert os.listdir(out) == []  # neither the archive, nor its .partial, nor the scratch folder


def test_the_password_goes_through_the_environment(make_user: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    make_user("coordinator", "15")
    started: list[tuple[list[str], dict[str, str]]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def run(args: list[str], **kwargs: Any) -> Any:
        started.append((list(args), kwargs.get("env") or {}))
        return real_run(args, **kwargs)

    def popen(args: list[str], **kwargs: Any) -> Any:
        started.append((list(args), kwargs.get("env") or {}))
        return real_popen(args, **kwargs)

    monkeypatch.setattr(backup.subprocess, "run", run)
    monkeypatch.setattr(backup.subprocess, "Popen", popen)
    # Trust authentication ignores it; what matters is where it travels.
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "s3cret-backup-password")
    archive = tmp_path / "ilmio.tar"
    create_backup(archive)
    flush()
    restore_backup(archive)
    if not POSTGRES:
        assert started == []  # SQLite's backup and restore run in-process
        return
    assert {Path(args[0]).name for args, _env in started} == {"pg_dump", "pg_restore", "psql"}
    assert not [args for args, _env in started if any("s3cret" in arg for arg in args)]
    connecting = [env for args, env in started if Path(args[0]).name in {"pg_dump", "psql"}]
    assert connecting and all(env.get("PGPASSWORD") == "s3cret-backup-password" for env in connecting)  # fmt: skip
