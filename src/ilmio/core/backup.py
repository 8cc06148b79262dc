"""Backup and restore: one tar archive with the database, the uploaded files and a manifest.

Layout of the archive (the manifest first)::

    manifest.json     format, format version, Ilmiö version, created_at, database vendor,
                      the database section's format, the migrations the data belongs to,
                      the number of rows per model (many-to-many tables included in the
                      native formats), media file count
    database.pgdump   PostgreSQL, the default there (format 3): ``pg_dump --format=custom
                      --no-owner --no-privileges`` of the whole database, schema and data,
                      taken in the very snapshot the manifest's counts were read in
    database.sqlite3  SQLite, the default there (format 3): a copy made with SQLite's online
                      backup API (one consistent snapshot, page by page)
    database.jsonl    ``--portable`` (format 2, restorable on either vendor: how a SQLite site
                      moves to PostgreSQL): Django ``dumpdata`` of every app as JSON Lines, one
                      object a line, plain primary keys; format 1 had one JSON array,
                      ``database.json``, still restorable
    media/...         ``settings.MEDIA_ROOT`` as it was

Sessions, django-axes records and the cache table are transient: no section holds their rows.
The portable section also leaves out contenttypes and permissions, which migrate rebuilds. The
native sections keep those and Django's migration records, so ``database.pgdump`` or
``database.sqlite3`` alone is a whole database for the vendor's own tools (disaster recovery
without Ilmiö); ``restore_backup`` loads only the rows of the models the manifest counts.

The archive is gzip-compressed when its name ends in ``.gz`` or ``.tgz``, a plain tar
otherwise: a PostgreSQL dump is compressed already (``.tar`` is the name to use there; see
decision 0039), a SQLite copy or JSON Lines shrink several times. It is created readable
by its owner only (0600) from its first byte, as is every scratch file (in a 0700 folder),
and written as ``<name>.partial``, renamed when complete. Nothing is read whole into memory:
the dump tools write to scratch files, which are streamed into the archive and back.

``restore_backup`` loads into an empty, migrated database (``ilmio migrate`` on a new
database, or after ``flush``) that has every migration of the backup, in one transaction,
and checks the row count of every model against the manifest inside it: on any mismatch
nothing is kept. PostgreSQL: ``pg_restore --data-only`` of the counted tables and their
sequence values, piped into ``psql --single-transaction``, with the check as the last
statement; SQLite: the copy is attached and each table copied with ``INSERT … SELECT``
(foreign keys are deferred to the commit on both). A native section restores only on its
own vendor.

The commands ``ilmio backup [--portable] PATH`` / ``ilmio restore PATH``
(``core/management/commands``) call these two functions.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from django.core.serializers import json as json_serializer
from django.core.serializers import jsonl as jsonl_serializer
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "ilmio-backup"
FORMAT_VERSION = 3
# A portable archive is exactly format 2 (the section is the same), so an Ilmiö from before
# the native formats restores it too.
PORTABLE_FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
DATABASE_V1 = "database.json"
PGDUMP = "database.pgdump"
SQLITE = "database.sqlite3"
MEDIA = "media"
# The manifest's "database_format", and the member that holds it.
JSONL, POSTGRESQL, SQLITE3 = "jsonl", "postgresql-custom", "sqlite3"
SECTIONS = {JSONL: DATABASE, POSTGRESQL: PGDUMP, SQLITE3: SQLITE}
NATIVE = {"postgresql": POSTGRESQL, "sqlite": SQLITE3}
WRONG_VENDOR = {
    POSTGRESQL: "this archive is a PostgreSQL dump; restore it on PostgreSQL, or make a --portable backup",
    SQLITE3: "this archive is a SQLite database; restore it on SQLite, or make a --portable backup",
}
# Rebuilt by migrate (contenttypes, permissions) or transient (sessions, log-in attempts).
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "axes")
TRANSIENT_APPS = ("sessions", "axes")
GZIP_LEVEL = 6  # gzip's own default; 9 took 2.3 times as long for 3 % less (decision 0039)
CHUNK = 1 << 20
ATTACHED = "ilmio_backup"
COUNTS_DIFFER = "restored row counts differ from the manifest"
ABORTED = "ilmio: pg_restore failed, nothing restored"


# dumpdata's JSON encoder cuts datetimes to milliseconds; a backup keeps them exact. The
# dump is still Django's dumpdata, in a registered format that differs from "json" only
# in its encoder, so ``loaddata database.json`` reads it like any fixture.
SERIALIZER_FORMAT = "ilmio-jsonl"


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(jsonl_serializer.Serializer):
    """Django's JSON Lines serializer with microseconds kept (used through dumpdata)."""

    def _init_options(self) -> None:
        # A private hook of Django's JSON serializer that django-stubs does not declare.
        super()._init_options()  # type: ignore[misc]
        self.json_kwargs["cls"] = FullPrecisionEncoder


Deserializer = jsonl_serializer.Deserializer
_ = json_serializer  # format 1 archives are read by Django's own "json" deserializer


def _models_in(dump: Path) -> Counter[str]:
    """Objects per model in a dump, read a line (format 2) or, for format 1, the whole."""
    if dump.suffix == ".json":
        return Counter(item["model"] for item in json.loads(dump.read_text(encoding="utf-8")))
    counts: Counter[str] = Counter()
    with dump.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                counts[json.loads(line)["model"]] += 1
    return counts


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why."""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("ilmio")
    except Exception:  # noqa: BLE001 - an uninstalled checkout has no metadata
        return "unknown"


def _applied_migrations() -> dict[str, list[str]]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _media_root() -> Path:
    from django.conf import settings

    return Path(settings.MEDIA_ROOT)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes, moment: datetime) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(moment.timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _private(path: Path, access: int = os.O_WRONLY) -> int:
    """A new file readable by its owner only from its first byte (never under the umask)."""
    return os.open(path, access | os.O_CREAT | os.O_EXCL, 0o600)


def _gzipped(path: Path) -> bool:
    return path.name.endswith((".gz", ".tgz"))


# -- what the native sections hold ----------------------------------------------------


def _excluded(model: Any) -> bool:
    meta = model._meta
    return meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED


def _native_tables() -> dict[str, str]:
    """Model label -> table of every backed-up model, many-to-many tables included."""
    from django.apps import apps

    tables: dict[str, str] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or _excluded(model) or meta.db_table in tables.values():
            continue
        tables[meta.label_lower] = meta.db_table
    return dict(sorted(tables.items()))


def _transient_tables() -> list[str]:
    """Tables whose rows no backup holds: sessions, django-axes records, database caches."""
    from django.apps import apps
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache

    installed = {config.label for config in apps.get_app_configs()}
    tables = [
        model._meta.db_table
        for label in TRANSIENT_APPS
        if label in installed
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, BaseDatabaseCache):
            tables.append(cache._table)  # type: ignore[attr-defined]
    return sorted(set(tables))


def _tables_of(labels: Iterable[str]) -> dict[str, str]:
    from django.apps import apps

    return {label: apps.get_model(label)._meta.db_table for label in labels}


def _row_counts(tables: dict[str, str]) -> dict[str, int]:
    """Rows per label, counted in the tables themselves (no model manager in between)."""
    from django.db import connection

    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for label, table in tables.items():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - a model's own table
            counts[label] = int(cursor.fetchone()[0])
    return counts


def _outside_transactions(action: str) -> None:
    from django.db import connection

    if connection.in_atomic_block:
        # pg_dump reads committed rows in a session of its own, and SQLite's backup and
        # ATTACH wait for (or refuse) the connection's open transaction.
        raise BackupError(f"a native {action} runs outside any transaction")


# -- the dump tools (PostgreSQL) --------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} not found: install the PostgreSQL client programs (the server's version or "
            "newer), or make a --portable backup"
        )
    return found


def _last_line(text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _failed(name: str, returncode: int, stderr: bytes | str) -> BackupError:
    return BackupError(f"{name} failed: {_last_line(stderr) or f'exit code {returncode}'}")


def _libpq_environment() -> dict[str, str]:
    """The Django connection's settings as libpq variables: nothing on a command line (the
    password least of all, which ``ps`` would show)."""
    from django.db import connection

    settings = connection.settings_dict
    options = settings.get("OPTIONS") or {}
    environment = dict(os.environ)
    pairs = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGOPTIONS": options.get("options"),
    }
    environment.update({name: str(value) for name, value in pairs.items() if value})
    return environment


def _schema() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return str(cursor.fetchone()[0])


def _dump_postgresql(dump: Path) -> dict[str, int]:
    """``pg_dump`` into ``dump`` in the snapshot the returned row counts were read in."""
    from django.db import connection, transaction

    pg_dump = _tool("pg_dump")
    quote = connection.ops.quote_name
    schema = _schema()
    excluded = [
        f"--exclude-table-data={quote(schema)}.{quote(table)}" for table in _transient_tables()
    ]
    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as cursor:
        # pg_dump works in this transaction's exported snapshot: the counts in the manifest
        # are exactly the rows in the dump, whatever the site writes meanwhile.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = str(cursor.fetchone()[0])
        counts = _row_counts(_native_tables())
        with os.fdopen(_private(dump), "wb") as output:
            try:
                result = subprocess.run(
                    [
                        pg_dump,
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        *excluded,
                    ],
                    stdout=output,
                    stderr=subprocess.PIPE,
                    env=_libpq_environment(),
                    check=False,
                )
            except OSError as error:
                raise BackupError(f"pg_dump could not run: {error}") from error
        if result.returncode != 0:
            raise _failed("pg_dump", result.returncode, result.stderr)
    return counts


PG_RESTORE_OPTIONS = ("--data-only", "--no-owner", "--no-privileges")
# ON_ERROR_STOP + one transaction: the first error rolls everything back (psql exits 3).
PSQL_OPTIONS = ("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--set=VERBOSITY=terse", "--single-transaction",
                "--file=-")  # fmt: skip
# A line of ``pg_restore --list``: "3357; 0 16397 TABLE DATA public reports_report owner".
LIST_ENTRY = re.compile(r"^\d+; \d+ \d+ (TABLE DATA|SEQUENCE SET) (\S+) (\S+) ")


# (table, column, sequence)
Sequences = Sequence[tuple[str, str, str]]


def _sequences(tables: dict[str, str]) -> list[tuple[str, str, str]]:
    """(table, column, sequence) of every sequence the tables' columns own, in this database."""
    from django.db import connection

    found = []
    with connection.cursor() as cursor:
        for table in tables.values():
            for sequence in connection.introspection.get_sequences(cursor, table):
                found.append((table, str(sequence["column"]), str(sequence["name"])))
    return found


def _restore_postgresql(dump: Path, counts: dict[str, int], scratch: Path) -> None:
    """The counted tables' rows and sequences of ``dump``, all or nothing."""
    pg_restore, psql = _tool("pg_restore"), _tool("psql")
    environment = _libpq_environment()
    tables = _tables_of(counts)
    schema = _schema()
    sequences = _sequences(tables)
    use_list = _use_list(pg_restore, dump, schema, tables, sequences, scratch, environment)
    before = _sequence_values(sequences)
    with (
        os.fdopen(_private(scratch / "pg_restore.err", os.O_RDWR), "w+b") as restore_errors,
        os.fdopen(_private(scratch / "psql.err", os.O_RDWR), "w+b") as psql_errors,
    ):
        try:
            restore = subprocess.Popen(
                [pg_restore, *PG_RESTORE_OPTIONS, f"--use-list={use_list}", "--file=-", str(dump)],
                stdout=subprocess.PIPE,
                stderr=restore_errors,
                env=environment,
            )
            loader = subprocess.Popen(
                [psql, *PSQL_OPTIONS],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
                env=environment,
            )
        except OSError as error:
            raise BackupError(f"pg_restore or psql could not run: {error}") from error
        restored = _pipe(restore, loader, _finish(schema, tables, sequences, counts))
        loaded = loader.wait()
        if restored == 0 and loaded == 0:
            return
        _set_sequences(before)  # setval is never rolled back: put them back by hand
        psql_errors.seek(0)
        restore_errors.seek(0)
        problem, restore_problem = _last_line(psql_errors.read()), restore_errors.read()
    # pg_restore's own error, unless it only lost its reader because psql stopped first.
    if restored != 0 and (not problem or ABORTED in problem):
        raise _failed("pg_restore", restored, restore_problem)
    if COUNTS_DIFFER in problem:
        raise BackupError(problem[problem.index(COUNTS_DIFFER) :])
    raise BackupError(f"psql failed: {problem or f'exit code {loaded}'}")


def _use_list(pg_restore: str, dump: Path, schema: str, tables: dict[str, str], sequences: Sequences,
              scratch: Path, environment: dict[str, str]) -> Path:  # fmt: skip
    """A ``--use-list`` file with the rows of ``tables`` and the values of ``sequences``:
    the dump's schema, contenttypes, permissions and migration records stay out."""
    listed = subprocess.run([pg_restore, "--list", str(dump)], capture_output=True, env=environment)
    if listed.returncode != 0:
        raise _failed("pg_restore", listed.returncode, listed.stderr)
    wanted = {("TABLE DATA", table) for table in tables.values()}
    wanted |= {("SEQUENCE SET", sequence) for _table, _column, sequence in sequences}
    chosen, present = [], set()
    for line in listed.stdout.decode("utf-8", errors="replace").splitlines():
        entry = LIST_ENTRY.match(line)
        if entry and entry[2] == schema and (entry[1], entry[3]) in wanted:
            chosen.append(line)
            present.add((entry[1], entry[3]))
    absent = sorted(table for table in tables.values() if ("TABLE DATA", table) not in present)
    if absent:
        raise BackupError(f"{PGDUMP} has no rows of {', '.join(absent[:5])} in schema {schema}: the archive is "
                          "damaged or from a database with another schema")  # fmt: skip
    use_list = scratch / "restore.list"
    with os.fdopen(_private(use_list), "w", encoding="utf-8") as listing:
        listing.write("\n".join(chosen) + "\n")
    return use_list


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _finish(schema: str, tables: dict[str, str], sequences: Sequences,
            counts: dict[str, int]) -> list[str]:  # fmt: skip
    """SQL after the rows, in their transaction: no sequence behind its column's largest value
    (one the dump names otherwise is not set from it), then the manifest's counts, or an error.
    Every name is this database's own (the models', introspected), never the archive's."""
    from django.db import connection

    quote = connection.ops.quote_name
    statements = []
    for table, column, sequence in sequences:
        qualified = f"{quote(schema)}.{quote(sequence)}"
        statements.append(f"SELECT pg_catalog.setval({_literal(qualified)}, m) FROM (SELECT MAX({quote(column)}) AS m "
                          f"FROM {quote(schema)}.{quote(table)}) AS x WHERE m > (SELECT CASE WHEN is_called THEN "
                          f"last_value ELSE last_value - 1 END FROM {qualified});")  # fmt: skip
    rows = ",\n".join(f"({_literal(label)}, (SELECT COUNT(*) FROM {quote(schema)}.{quote(table)}), "
                       f"{int(counts[label])})" for label, table in tables.items())  # fmt: skip
    statements.append(
        "DO $ilmio$ DECLARE wrong text; BEGIN\n"
        "SELECT string_agg(format('%s %s/%s', label, restored, expected), ', ' ORDER BY label) INTO wrong\n"
        f"FROM (VALUES {rows}) AS c(label, restored, expected) WHERE restored <> expected;\n"
        f"IF wrong IS NOT NULL THEN RAISE EXCEPTION '{COUNTS_DIFFER} (restored/manifest): %', wrong; END IF;\n"
        "END $ilmio$;"
    )  # fmt: skip
    return statements


def _pipe(
    restore: subprocess.Popen[bytes], loader: subprocess.Popen[bytes], finish: Sequence[str]
) -> int:
    """pg_restore's script into psql, then ``finish`` only if pg_restore succeeded (else a
    statement that fails, so psql rolls back): psql must not commit half a restore."""
    assert restore.stdout is not None and loader.stdin is not None
    try:
        shutil.copyfileobj(restore.stdout, loader.stdin, CHUNK)
        returncode = restore.wait()
        if returncode == 0:
            loader.stdin.write(("\n" + "\n".join(finish) + "\n").encode())
        else:
            loader.stdin.write(
                f"\nDO $ilmio$ BEGIN RAISE EXCEPTION '{ABORTED}'; END $ilmio$;\n".encode()
            )
    except BrokenPipeError:
        pass  # psql stopped at an error (its stderr says which) and rolled back
    finally:
        with contextlib.suppress(BrokenPipeError):
            loader.stdin.close()
        restore.stdout.close()
        if restore.poll() is None:
            restore.kill()
    return restore.wait()


def _sequence_values(sequences: Sequences) -> list[tuple[str, int, bool]]:
    from django.db import connection

    quote = connection.ops.quote_name
    values = []
    with connection.cursor() as cursor:
        for _table, _column, sequence in sequences:
            cursor.execute(f"SELECT last_value, is_called FROM {quote(sequence)}")  # noqa: S608 - introspected name
            last_value, is_called = cursor.fetchone()
            values.append((sequence, int(last_value), bool(is_called)))
    return values


def _set_sequences(values: Sequence[tuple[str, int, bool]]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sequence, last_value, is_called in values:
            cursor.execute(
                "SELECT setval(%s, %s, %s)",
                [connection.ops.quote_name(sequence), last_value, is_called],
            )


# -- SQLite -----------------------------------------------------------------------------


def _dump_sqlite(copy: Path) -> dict[str, int]:
    """SQLite's online backup of the database into ``copy``, without the transient rows."""
    from django.db import connection

    connection.ensure_connection()
    os.close(_private(copy))  # an empty file is an empty database: SQLite fills it, 0600 kept
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)  # one step: a consistent snapshot
        # A self-contained file (the source's WAL mode would travel with the copy), and the
        # transient rows' pages overwritten, not merely freed.
        target.execute("PRAGMA journal_mode=DELETE")
        target.execute("PRAGMA secure_delete=ON")
        present = {
            row[0] for row in target.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in _transient_tables():
            if table in present:
                target.execute(f'DELETE FROM "{table}"')  # noqa: S608 - a model's or the cache's table
        target.commit()
        return {
            label: int(target.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])  # noqa: S608
            for label, table in _native_tables().items()
        }
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite backup failed: {error}") from error
    finally:
        target.close()


def _restore_sqlite(copy: Path, counts: dict[str, int]) -> None:
    from django.db import DatabaseError, connection, transaction

    tables = _tables_of(counts)
    try:
        source = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            columns = {
                table: [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
                for table in tables.values()
            }
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(
            f"{SQLITE} is not a readable SQLite database ({error}): the archive is damaged"
        ) from error
    absent = sorted(table for table, names in columns.items() if not names)
    if absent:
        raise BackupError(f"{SQLITE} has no table {', '.join(absent[:5])}: the archive is damaged")
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, names in columns.items():
            present = {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }
            gone = [name for name in names if name not in present]
            if gone:
                raise BackupError(
                    f"{table} has no column {', '.join(gone)} any more: restore with the Ilmiö version "
                    "that made the backup, then migrate"
                )
        cursor.execute(f"ATTACH DATABASE %s AS {ATTACHED}", [str(copy)])
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: checked at the commit,
            # so the tables' order does not matter.
            for table, names in columns.items():
                listed = ", ".join(quote(name) for name in names)
                cursor.execute(
                    f"INSERT INTO main.{quote(table)} ({listed}) "  # noqa: S608 - introspected names
                    f"SELECT {listed} FROM {ATTACHED}.{quote(table)}"
                )
            # AUTOINCREMENT counters as they were: an id deleted before the backup stays unused.
            marks = ", ".join(["%s"] * len(tables))
            cursor.execute(
                f"SELECT name FROM {ATTACHED}.sqlite_master WHERE name = 'sqlite_sequence'"
            )
            if cursor.fetchone():
                cursor.execute(
                    f"DELETE FROM main.sqlite_sequence WHERE name IN ({marks})",
                    list(tables.values()),
                )
                cursor.execute(
                    f"INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM "  # noqa: S608
                    f"{ATTACHED}.sqlite_sequence WHERE name IN ({marks})",
                    list(tables.values()),
                )
            loaded = _row_counts(tables)
            if loaded != counts:
                raise BackupError(_differences(loaded, counts))
    except DatabaseError as error:
        raise BackupError(f"the SQLite restore failed: {error}") from error
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DETACH DATABASE {ATTACHED}")


def _differences(loaded: dict[str, int], counts: dict[str, int]) -> str:
    """The message psql's check gives on PostgreSQL, for the same refusal elsewhere."""
    wrong = [
        f"{label} {loaded.get(label, 0)}/{n}"
        for label, n in sorted(counts.items())
        if loaded.get(label, 0) != n
    ]
    return f"{COUNTS_DIFFER} (restored/manifest): {', '.join(wrong)}"


# -- backup -----------------------------------------------------------------------------


def create_backup(path: str | Path, *, portable: bool = False) -> dict[str, Any]:
    """Write the backup archive to ``path``; returns its manifest.

    Native for the database's vendor (PostgreSQL, SQLite) unless ``portable``: then the
    vendor-neutral JSON Lines of format 2. Gzip-compressed when ``path`` ends in .gz/.tgz.
    """
    from django.db import connection

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    moment = datetime.now(UTC)
    database_format = JSONL if portable else NATIVE.get(connection.vendor)
    if database_format is None:
        raise BackupError(
            f"native backups are made on PostgreSQL and SQLite, not {connection.vendor}: "
            "make a --portable backup"
        )
    if database_format != JSONL:
        _outside_transactions("backup")
    # Scratch files beside the archive: the same disk (a dump can be large; /tmp may be RAM).
    with tempfile.TemporaryDirectory(prefix=".ilmio-backup-", dir=target.parent) as scratch:
        dump = Path(scratch) / SECTIONS[database_format]
        if database_format == POSTGRESQL:
            counts = _dump_postgresql(dump)
        elif database_format == SQLITE3:
            counts = _dump_sqlite(dump)
        else:
            counts = dict(sorted(_dump_jsonl(dump).items()))
        media_root = _media_root()
        media_files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        )
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": PORTABLE_FORMAT_VERSION
            if database_format == JSONL
            else FORMAT_VERSION,
            "ilmio_version": _version(),
            "created_at": moment.isoformat(timespec="seconds"),
            "database_vendor": connection.vendor,
            "database_format": database_format,
            "migrations": _applied_migrations(),
            "counts": counts,
            "media_files": len(media_files),
            "excluded": list(EXCLUDED),
        }
        if database_format != JSONL:
            manifest["transient_tables"] = _transient_tables()
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        compression: dict[str, Any] = (
            {"mode": "w:gz", "compresslevel": GZIP_LEVEL} if _gzipped(target) else {"mode": "w"}
        )
        try:
            with (
                os.fdopen(_private(partial), "wb") as raw,
                tarfile.open(fileobj=raw, **compression) as archive,
            ):
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode(), moment)
                archive.add(dump, arcname=dump.name)  # streamed from the scratch file
                for file in media_files:
                    archive.add(file, arcname=f"{MEDIA}/{file.relative_to(media_root).as_posix()}")
        except BaseException:
            # A full disk or Ctrl-C leaves no partial copy of the data behind.
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)  # never a half-written archive under the final name
    return manifest


def _dump_jsonl(dump: Path) -> Counter[str]:
    from django.core import serializers
    from django.core.management import call_command
    from django.db import transaction

    serializers.register_serializer(SERIALIZER_FORMAT, __name__)
    # One snapshot: on PostgreSQL a repeatable-read view would be stricter, but inside one
    # transaction dumpdata already reads each table once, consistently enough for a portable
    # copy (the native format is the exact snapshot).
    with transaction.atomic():
        call_command(
            "dumpdata",
            exclude=list(EXCLUDED),
            format=SERIALIZER_FORMAT,
            indent=None,
            output=str(dump),
            verbosity=0,
            use_natural_foreign_keys=False,
            use_natural_primary_keys=False,
        )
    return _models_in(dump)


# -- restore ----------------------------------------------------------------------------


def read_manifest(path: str | Path) -> dict[str, Any]:
    with tarfile.open(path, "r:*") as archive:
        return _manifest(archive)


def _manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
    except KeyError:
        raise BackupError("not an Ilmiö backup: no manifest.json") from None
    if member is None:
        raise BackupError("not an Ilmiö backup: manifest.json is not a file")
    manifest = json.loads(member.read())
    if manifest.get("format") != FORMAT:
        raise BackupError("not an Ilmiö backup: unknown format")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupError(
            f"backup format {manifest['format_version']} is newer than this Ilmiö understands"
        )
    return manifest


def _database_format(manifest: dict[str, Any]) -> str:
    version = int(manifest.get("format_version", 1))
    if version < 2:
        return "json"
    database_format = str(manifest.get("database_format", JSONL))
    if database_format not in SECTIONS:
        raise BackupError(f"unknown database section {database_format!r}: the archive is damaged")
    return database_format


def _model_counts(labels: Sequence[str]) -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in labels}


def _extract(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> Path:
    """A member streamed into a new 0600 scratch file."""
    source = archive.extractfile(member)
    if source is None:
        raise BackupError(f"{member.name} in the archive is not a file")
    with source, os.fdopen(_private(target), "wb") as output:
        shutil.copyfileobj(source, output, CHUNK)
    return target


def restore_backup(path: str | Path) -> dict[str, Any]:
    """Load a backup into an empty, migrated database; returns the manifest.

    Refuses when the database already holds rows of a backed-up model, or lacks a
    migration the backup was taken with, or is of another vendor than a native backup.
    Media files are written under MEDIA_ROOT once the database is restored.
    """
    from django.apps import apps
    from django.db import connection

    source = Path(path)
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with (
        tarfile.open(source, "r:*") as archive,
        tempfile.TemporaryDirectory(prefix="ilmio-restore-") as scratch,
    ):
        manifest = _manifest(archive)
        database_format = _database_format(manifest)
        if database_format in WRONG_VENDOR and NATIVE.get(connection.vendor) != database_format:
            raise BackupError(WRONG_VENDOR[database_format])
        applied = _applied_migrations()
        missing = [
            f"{app}.{name}"
            for app, names in manifest["migrations"].items()
            for name in names
            if name not in applied.get(app, [])
        ]
        if missing:
            raise BackupError(
                f"the database lacks migrations the backup needs ({', '.join(missing[:5])}): "
                "run 'ilmio migrate' first"
            )
        counts: dict[str, int] = {str(label): int(n) for label, n in manifest["counts"].items()}
        unknown = [label for label in counts if _get_model(apps, label) is None]
        if unknown:
            raise BackupError(
                f"the backup has models this Ilmiö does not know: {', '.join(unknown)}"
            )
        occupied = [label for label, n in _row_counts(_tables_of(counts)).items() if n]
        if occupied:
            raise BackupError(
                f"the database is not empty ({', '.join(occupied[:5])} have rows): "
                "restore into a new, migrated database"
            )
        members = {m.name: m for m in archive.getmembers()}
        database = DATABASE_V1 if database_format == "json" else SECTIONS[database_format]
        if database not in members:
            raise BackupError(f"the backup has no {database}")
        media = [m for m in members.values() if m.name.startswith(f"{MEDIA}/") and m.isfile()]
        if len(media) != manifest.get("media_files", len(media)):
            raise BackupError("the archive's media files do not match the manifest")
        if database_format in WRONG_VENDOR:
            _outside_transactions("restore")
        dump = _extract(archive, members[database], Path(scratch) / database)
        if database_format == POSTGRESQL:
            _restore_postgresql(dump, counts, Path(scratch))
        elif database_format == SQLITE3:
            _restore_sqlite(dump, counts)
        else:
            _load_jsonl(dump, counts)
        media_root = _media_root()
        media_root.mkdir(parents=True, exist_ok=True)
        for member in media:
            member.name = member.name[len(MEDIA) + 1 :]
            archive.extract(member, media_root, filter="data")  # refuses absolute paths and ../
    return manifest


def _load_jsonl(dump: Path, counts: dict[str, int]) -> None:
    from django.core.management import call_command
    from django.db import transaction

    if dict(_models_in(dump)) != counts:
        raise BackupError(
            f"{dump.name} does not match the manifest's counts: the archive is damaged"
        )
    with transaction.atomic():
        call_command("loaddata", str(dump), verbosity=0)
        loaded = _model_counts(list(counts))
        if loaded != counts:
            raise BackupError(_differences(loaded, counts))


def _get_model(apps: Any, label: str) -> Any:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None
