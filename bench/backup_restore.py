"""Benchmark: backup and restore of a million reports on PostgreSQL (issue #18 item 5, decision 0039).

    nice .venv/bin/python bench/backup_restore.py                       # 1,000,000 reports
    nice .venv/bin/python bench/backup_restore.py --reports 200000 --portable-reports 20000
    nice .venv/bin/python bench/backup_restore.py --reports 0 --sqlite-reports 1000000  # SQLite only

Works in databases of its own on the server of ``ILMIO_BENCH_POSTGRES_URL`` (default
postgres://postgres@127.0.0.1:5432/test), all named ``ilmio_bench_backup*`` and dropped at
the end: a migrated template, one source with ``--reports`` synthetic reports and one with
``--portable-reports``, and a fresh copy of the template as the target of every restore.
Reports are COPYed (every county and municipality, a primary phenomenon and the M2M rows of
municipalities and phenomena, a ~400-character description of Finnish sentences).

Every backup and restore runs in a process of its own (``--step``, through
``ilmio.core.backup``), so its peak memory is its own: ``ru_maxrss`` of the Python process
(RUSAGE_SELF) and each tool's own peak (pg_dump, pg_restore, psql: VmHWM, sampled; the step's
JSON has RUSAGE_CHILDREN too, which never drops below the Python process's size, see
``ChildPeaks``).
Measured: the native format into a plain ``.tar`` and into a ``.tar.gz`` (the compression
decision), the native restore into a fresh migrated database and its row counts, the same at
``--portable-reports`` (memory stays flat?), and the portable JSON Lines format at
``--portable-reports`` (much slower; reported per 100,000 reports too). ``--sqlite-reports``
measures the SQLite section as well (the online backup API, ``.tar.gz`` and ``.tar``) in
temporary SQLite databases; ``--reports 0`` leaves PostgreSQL out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/test"
PREFIX = "ilmio_bench_backup"
SENTENCES = [
    "Vuokrarästit ovat kasvaneet ja useampi asiakas on saanut häätöuhan kevään aikana.",
    "Nuorten päihteiden käyttö näkyy koulujen ja nuorisotyön arjessa aiempaa selvemmin.",
    "Ikääntyneiden yksinäisyys tulee esiin kotikäynneillä, eikä apua osata hakea ajoissa.",
    "Toimeentulotuen käsittelyajat ovat pidentyneet, mikä kasvattaa ruoka-avun tarvetta.",
    "Lapsiperheiden taloudellinen ahdinko on syventynyt sähkön ja ruoan hinnan noustessa.",
    "Mielenterveyspalveluihin jonotetaan kuukausia, ja kriisit kärjistyvät odottaessa.",
    "Asiakkaat kertovat, etteivät he pysty maksamaan lääkkeitään kuun loppupuolella.",
    "Maahan muuttaneet perheet eivät löydä tietoa palveluista omalla kielellään.",
]  # fmt: skip


def _conninfo(base_url: str, dbname: str) -> str:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    return make_conninfo(**{**conninfo_to_dict(base_url), "dbname": dbname})


def _url(base_url: str, dbname: str) -> str:
    """A dj-database-url URL of ``dbname`` on the server of ``base_url``."""
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(base_url)
    password = f":{params['password']}" if params.get("password") else ""
    return (f"postgres://{params.get('user', 'postgres')}{password}@{params.get('host', '127.0.0.1')}:"
            f"{params.get('port', '5432')}/{dbname}")  # fmt: skip


def _admin(base_url: str) -> Any:
    import psycopg

    return psycopg.connect(_conninfo(base_url, "postgres"), autocommit=True)


def _drop_all(base_url: str) -> None:
    with _admin(base_url) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (PREFIX,))]  # fmt: skip
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _create(base_url: str, name: str, template: str | None = None) -> None:
    with _admin(base_url) as connection:
        copy = f' TEMPLATE "{template}"' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{copy}')


def _env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ILMIO_", "DJANGO_"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "ilmio.settings",
        "ILMIO_SECRET_KEY": secrets.token_urlsafe(50),
        "ILMIO_DATA_DIR": str(data_dir),
        "ILMIO_DATABASE_URL": database_url,
        "ILMIO_INSECURE_HTTP": "1",
        "ILMIO_ALLOWED_HOSTS": "127.0.0.1",
        "ILMIO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", ""),
    })  # fmt: skip
    return env


def _ilmio(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "ilmio.cli", *args], env=env, check=True, capture_output=True,
                   timeout=3600)  # fmt: skip


COLUMNS = ("id", "public_id", "county_id", "title", "description", "kind", "whole_county", "prevalence",
           "observed_since", "trend", "effects", "proposed_action", "reporter_type", "partner_organisation_type",
           "language", "channel", "status", "redaction_counts", "restored_words", "created_at", "updated_at",
           "primary_phenomenon_id", "statistics_municipality_id", "idempotency_scope", "idempotency_fingerprint",
           "in_statistics")  # fmt: skip


def report_rows(count: int, municipalities: list[tuple[int, int]], phenomena: list[int], chosen: array[int],
                *, seed: int = 5, months: int = 36) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    """``count`` synthetic reports (in COLUMNS order); each one's municipality goes to ``chosen``."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    span = timedelta(days=30.44 * months).total_seconds()
    for report_id in range(1, count + 1):
        municipality, county = rng.choice(municipalities)
        chosen.append(municipality)
        created = now - timedelta(seconds=rng.random() * span)
        description = " ".join(rng.choice(SENTENCES) for _ in range(5))
        title = f"Havainto {report_id}: {rng.choice(SENTENCES)[:60]}"
        yield (report_id, uuid.UUID(int=rng.getrandbits(128), version=4), county, title, description, "concern",
               False, "several", "unknown", "unknown", "", "", "professional", "", "fi", "import", "received", "{}",
               0, created, created, rng.choice(phenomena), municipality, "", "", True)  # fmt: skip


def insert_reports(conninfo: str, count: int) -> float:
    """COPY ``count`` synthetic reports with their M2M rows; returns the seconds it took."""
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(conninfo) as connection:
        municipalities = [(int(m), int(c)) for m, c in connection.execute(
            "SELECT id, county_id FROM areas_municipality WHERE active")]  # fmt: skip
        phenomena = [int(row[0]) for row in connection.execute(
            "SELECT id FROM taxonomy_phenomenon WHERE active")]  # fmt: skip
        chosen = array("q")  # each report's municipality, for its M2M row (8 MB a million)
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY reports_report ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in report_rows(count, municipalities, phenomena, chosen):
                    copy.write_row(row)
            links = "COPY reports_report_municipalities (report_id, municipality_id) FROM STDIN"
            with cursor.copy(links) as copy:
                for report_id, municipality in enumerate(chosen, start=1):
                    copy.write_row((report_id, municipality))
            links = "COPY reports_report_phenomena (report_id, phenomenon_id) FROM STDIN"
            with cursor.copy(links) as copy:
                for report_id in range(1, count + 1):
                    copy.write_row((report_id, phenomena[report_id % len(phenomena)]))
            sequence = "SELECT setval(pg_get_serial_sequence('reports_report', 'id'), %s)"
            cursor.execute(sequence, (count,))
        connection.commit()
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE reports_report")
    return time.perf_counter() - started


def insert_reports_sqlite(path: Path, count: int) -> float:
    """The same reports into a SQLite database, stored as Django stores them there."""
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    try:
        municipalities = [(int(m), int(c)) for m, c in connection.execute(
            "SELECT id, county_id FROM areas_municipality WHERE active")]  # fmt: skip
        phenomena = [int(row[0]) for row in connection.execute(
            "SELECT id FROM taxonomy_phenomenon WHERE active")]  # fmt: skip
        chosen = array("q")

        def stored(row: tuple[Any, ...]) -> tuple[Any, ...]:
            # UUIDs as 32 hex digits, datetimes as naive UTC text, booleans as 0/1.
            return tuple(value.hex if isinstance(value, uuid.UUID)
                         else value.replace(tzinfo=None).isoformat(" ") if isinstance(value, datetime)
                         else int(value) if isinstance(value, bool) else value for value in row)  # fmt: skip

        marks = ", ".join("?" * len(COLUMNS))
        with connection:
            rows = (stored(row) for row in report_rows(count, municipalities, phenomena, chosen))
            insert = f"INSERT INTO reports_report ({', '.join(COLUMNS)}) VALUES ({marks})"
            connection.executemany(insert, rows)
            connection.executemany("INSERT INTO reports_report_municipalities (report_id, municipality_id) "
                                   "VALUES (?, ?)", enumerate(chosen, start=1))  # fmt: skip
            connection.executemany("INSERT INTO reports_report_phenomena (report_id, phenomenon_id) VALUES (?, ?)",
                                   ((i, phenomena[i % len(phenomena)]) for i in range(1, count + 1)))  # fmt: skip
    finally:
        connection.close()
    return time.perf_counter() - started


TABLES = ("reports_report", "reports_report_municipalities", "reports_report_phenomena")


def counts(conninfo: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(conninfo) as connection:
        found = {}
        for table in TABLES:
            row = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608
            found[table] = int(row[0]) if row else 0
        return found


def counts_sqlite(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {table: int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608
                for table in TABLES}  # fmt: skip
    finally:
        connection.close()


class ChildPeaks(threading.Thread):
    """Each child program's own peak (VmHWM after its exec), sampled every 50 ms.

    RUSAGE_CHILDREN alone cannot tell it: Linux counts in a child's maxrss the pages of the
    Python process it was spawned from, so that figure never drops below this process's size.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            for children in Path("/proc/self/task").glob("*/children"):
                for pid in children.read_text().split():
                    try:
                        status = Path(f"/proc/{pid}/status").read_text()
                    except OSError:
                        continue  # ended meanwhile
                    name = re.search(r"^Name:\s+(\S+)", status, re.M)
                    peak = re.search(r"^VmHWM:\s+(\d+)", status, re.M)
                    # Not the fork before its exec, which is still this Python.
                    if name and peak and not name[1].startswith("python"):
                        self.peaks[name[1]] = max(self.peaks.get(name[1], 0), int(peak[1]))


def step(action: str, archive: Path, portable: bool) -> dict[str, Any]:
    """One backup or restore in this process (run with --step): seconds and peak memory."""
    import django

    django.setup()
    from ilmio.core.backup import create_backup, restore_backup

    sampler = ChildPeaks()
    sampler.start()
    started = time.perf_counter()
    if action == "backup":
        manifest = create_backup(archive, portable=portable)
    else:
        manifest = restore_backup(archive)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    return {"seconds": seconds, "rows": sum(manifest["counts"].values()),
            "self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "tools_mib": {name: kib / 1024 for name, kib in sorted(sampler.peaks.items())}}  # fmt: skip


def _step(env: dict[str, str], action: str, archive: Path, portable: bool = False) -> dict[str, Any]:  # fmt: skip
    args = [sys.executable, __file__, "--step", action, "--archive", str(archive)]
    args += ["--portable"] if portable else []
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=7200)
    if result.returncode != 0:
        output = f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        raise RuntimeError(f"{action} {archive.name} failed:\n{output}")
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    if action == "backup":
        measured["mib"] = archive.stat().st_size / 2**20
    return measured


@contextmanager
def databases(base_url: str) -> Iterator[None]:
    _drop_all(base_url)
    try:
        yield
    finally:
        _drop_all(base_url)


def _mib(measured: dict[str, Any]) -> str:
    tools = ", ".join(f"{name} {mib:.0f}" for name, mib in measured["tools_mib"].items())
    return f"{measured['self_mib']:.0f}" + (f" ({tools})" if tools else "")


def measure(base_url: str, work: Path, source: str, template: str, kind: str,
            suffix: str) -> dict[str, Any]:  # fmt: skip
    """Back ``source`` up, restore it into a fresh copy of ``template``, compare the rows."""
    archive = work / f"{source}-{kind}{suffix}"
    made = _step(_env(_url(base_url, source), work), "backup", archive, kind == "portable")
    print(f"backup {archive.name}: {made}", file=sys.stderr)
    target = f"{PREFIX}_restore"
    _create(base_url, target, template)
    try:
        back = _step(_env(_url(base_url, target), work), "restore", archive)
        restored = counts(_conninfo(base_url, target))
    finally:
        archive.unlink(missing_ok=True)
        with _admin(base_url) as connection:
            connection.execute(f'DROP DATABASE "{target}" WITH (FORCE)')
    print(f"restore {archive.name}: {back}, {restored}", file=sys.stderr)
    return {"backup": made, "restore": back, "restored": restored}


def _row(size: int, label: str, result: dict[str, Any], expected: dict[str, int]) -> str:
    made, back, per = result["backup"], result["restore"], 100_000 / size
    return " | ".join([
        f"| {size:,}", label, f"{made['seconds']:.1f} s", f"{made['mib']:.0f} MiB", _mib(made),
        f"{back['seconds']:.1f} s", _mib(back), f"{made['seconds'] * per:.1f} s / {back['seconds'] * per:.1f} s",
        "yes" if result["restored"] == expected else f"**no**: {result['restored']}",
    ]) + " |"  # fmt: skip


def run_postgresql(reports: int, portable_reports: int, base_url: str, work: Path) -> list[str]:
    rows = []
    with databases(base_url):
        started = time.perf_counter()
        template, reference = f"{PREFIX}_template", f"{PREFIX}_reference"
        _create(base_url, template)
        _ilmio(_env(_url(base_url, template), work), "migrate", "--no-input", "--verbosity", "0")
        _create(base_url, reference, template)
        _ilmio(_env(_url(base_url, reference), work), "load-reference")
        took = time.perf_counter() - started
        print(f"migrated template and reference data: {took:.0f} s", file=sys.stderr)
        plan = [(reports, "native", ".tar"), (reports, "native", ".tar.gz"),
                (portable_reports, "native", ".tar"), (portable_reports, "portable", ".tar.gz")]  # fmt: skip
        for size in sorted({size for size, _kind, _suffix in plan if size}, reverse=True):
            source = f"{PREFIX}_{size}"
            _create(base_url, source, reference)
            loaded = insert_reports(_conninfo(base_url, source), size)
            expected = counts(_conninfo(base_url, source))
            print(f"{size:,} reports COPYed in {loaded:.0f} s: {expected}", file=sys.stderr)
            for _size, kind, suffix in [entry for entry in plan if entry[0] == size]:
                result = measure(base_url, work, source, template, kind, suffix)
                rows.append(_row(size, f"PostgreSQL {kind} `{suffix}`", result, expected))
            with _admin(base_url) as connection:
                connection.execute(f'DROP DATABASE "{source}" WITH (FORCE)')
    return rows


def run_sqlite(size: int, work: Path) -> list[str]:
    """The same on SQLite: the online backup API and the INSERT … SELECT restore."""

    def database(name: str) -> tuple[Path, dict[str, str]]:
        folder = work / name
        folder.mkdir()
        return folder / "ilmio.sqlite3", _env(f"sqlite:///{folder / 'ilmio.sqlite3'}", folder)

    template, env = database("sqlite-template")
    _ilmio(env, "migrate", "--no-input", "--verbosity", "0")
    source, env = database("sqlite-source")
    shutil.copyfile(template, source)
    _ilmio(env, "load-reference")
    loaded = insert_reports_sqlite(source, size)
    expected = counts_sqlite(source)
    print(f"{size:,} reports inserted into SQLite in {loaded:.0f} s: {expected}", file=sys.stderr)
    rows = []
    for suffix in (".tar.gz", ".tar"):
        archive = work / f"sqlite-{size}{suffix}"
        made = _step(env, "backup", archive)
        print(f"backup {archive.name}: {made}", file=sys.stderr)
        target, target_env = database(f"sqlite-restore{suffix}")
        shutil.copyfile(template, target)
        back = _step(target_env, "restore", archive)
        restored = counts_sqlite(target)
        print(f"restore {archive.name}: {back}, {restored}", file=sys.stderr)
        archive.unlink()
        shutil.rmtree(target.parent)
        result = {"backup": made, "restore": back, "restored": restored}
        rows.append(_row(size, f"SQLite native `{suffix}`", result, expected))
    return rows


def run(reports: int = 1_000_000, portable_reports: int = 100_000, sqlite_reports: int = 0,
        base_url: str | None = None, directory: Path | None = None) -> str:  # fmt: skip
    """Every measurement, as a Markdown table."""
    base_url = base_url or os.environ.get("ILMIO_BENCH_POSTGRES_URL") or DEFAULT_POSTGRES
    work = Path(tempfile.mkdtemp(prefix="ilmio-bench-backup-", dir=directory))
    try:
        rows = run_postgresql(reports, portable_reports, base_url, work) if reports else []
        rows += run_sqlite(sqlite_reports, work) if sqlite_reports else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    return "\n".join([
        "| reports | database, format | backup | archive | backup peak RSS, MiB: Python (tools) | restore | "
        "restore peak RSS, MiB: Python (tools) | per 100,000 reports: backup / restore | every row back |",
        "|---:|---|---:|---:|---|---:|---|---:|---|",
        *rows,
        "",
        f"Load average after: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}.",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--portable-reports", type=int, default=100_000)
    parser.add_argument(
        "--sqlite-reports", type=int, default=0, help="SQLite too, this many reports"
    )
    parser.add_argument("--directory", type=Path, help="where the archives go (default: TMPDIR)")
    parser.add_argument("--step", choices=["backup", "restore"], help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--portable", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(step(args.step, args.archive, args.portable)))
        return 0
    print(run(args.reports, args.portable_reports, args.sqlite_reports, directory=args.directory))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
