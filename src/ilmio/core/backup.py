"""Backup and restore: one ``.tar.gz`` with the database, the uploaded files and a manifest.

Layout of the archive::

    manifest.json     format, Ilmiö version, created_at, database vendor, the migrations
                      the data belongs to, the number of rows per model, media file count
    database.jsonl    Django ``dumpdata`` of every app (auth included) as JSON Lines, one object
                      a line, so it is written and read as a stream (format 1 had one JSON
                      array, ``database.json``, still restorable); plain primary keys (no
                      natural keys); contenttypes, permissions, sessions, django-axes
                      records and the cache table are left out: they are rebuilt or transient
    media/...         ``settings.MEDIA_ROOT`` as it was

The archive is created readable by its owner only (0600): it holds every report.

``restore_backup`` loads into an empty, migrated database (``ilmio migrate`` on a
new database, or after ``flush``) with ``loaddata`` in one transaction, then checks the
row count of every model against the manifest: on any mismatch nothing is kept.

The commands ``ilmio backup PATH`` / ``ilmio restore PATH`` (``core/management/commands``)
call these two functions.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from django.core.serializers import json as json_serializer
from django.core.serializers import jsonl as jsonl_serializer
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "ilmio-backup"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
DATABASE_V1 = "database.json"
MEDIA = "media"
# Rebuilt by migrate (contenttypes, permissions) or transient (sessions, log-in attempts).
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "axes")


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


def create_backup(path: str | Path) -> dict[str, Any]:
    """Write the backup archive to ``path`` (``.tar.gz``); returns its manifest."""
    from django.core import serializers
    from django.core.management import call_command
    from django.db import connection, transaction

    serializers.register_serializer(SERIALIZER_FORMAT, __name__)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    moment = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="ilmio-backup-") as scratch:
        dump = Path(scratch) / DATABASE
        # One snapshot: on PostgreSQL a repeatable-read view would be stricter, but inside
        # one transaction dumpdata already reads each table once, consistently enough for
        # an application-level backup (use pg_dump for point-in-time copies of big sites).
        with transaction.atomic():
            call_command("dumpdata", exclude=list(EXCLUDED), format=SERIALIZER_FORMAT, indent=None,
                         output=str(dump), verbosity=0, use_natural_foreign_keys=False,
                         use_natural_primary_keys=False)  # fmt: skip
        counts = _models_in(dump)
        media_root = _media_root()
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "ilmio_version": _version(),
            "created_at": moment.isoformat(timespec="seconds"),
            "database_vendor": connection.vendor,
            "migrations": _applied_migrations(),
            "counts": dict(sorted(counts.items())),
            "media_files": len(media_files),
            "excluded": list(EXCLUDED),
        }
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        # Created 0600 from the first byte (never briefly readable under the umask).
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode(), moment)
            archive.add(dump, arcname=DATABASE)
            for file in media_files:
                archive.add(file, arcname=f"{MEDIA}/{file.relative_to(media_root).as_posix()}")
        partial.replace(target)  # never a half-written archive under the final name
    return manifest


def read_manifest(path: str | Path) -> dict[str, Any]:
    with tarfile.open(path, "r:gz") as archive:
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
        raise BackupError(f"backup format {manifest['format_version']} is newer than this Ilmiö understands")
    return manifest


def _model_counts(labels: Sequence[str]) -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in labels}


def restore_backup(path: str | Path) -> dict[str, Any]:
    """Load a backup into an empty, migrated database; returns the manifest.

    Refuses when the database already holds rows of a backed-up model, or lacks a
    migration the backup was taken with. Media files are written under MEDIA_ROOT.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.db import transaction

    source = Path(path)
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with tarfile.open(source, "r:gz") as archive, tempfile.TemporaryDirectory(prefix="ilmio-restore-") as scratch:
        manifest = _manifest(archive)
        applied = _applied_migrations()
        missing = [f"{app}.{name}" for app, names in manifest["migrations"].items()
                   for name in names if name not in applied.get(app, [])]  # fmt: skip
        if missing:
            raise BackupError(f"the database lacks migrations the backup needs ({', '.join(missing[:5])}): "
                              "run 'ilmio migrate' first")  # fmt: skip
        counts: dict[str, int] = manifest["counts"]
        unknown = [label for label in counts if _get_model(apps, label) is None]
        if unknown:
            raise BackupError(f"the backup has models this Ilmiö does not know: {', '.join(unknown)}")
        occupied = [label for label, n in _model_counts(list(counts)).items() if n]
        if occupied:
            raise BackupError(f"the database is not empty ({', '.join(occupied[:5])} have rows): "
                              "restore into a new, migrated database")  # fmt: skip
        members = archive.getmembers()
        names = {m.name for m in members}
        database = DATABASE if int(manifest.get("format_version", 1)) >= 2 else DATABASE_V1
        if database not in names:
            raise BackupError(f"the backup has no {database}")
        archive.extract(database, scratch, filter="data")
        dump = Path(scratch) / database
        in_dump = _models_in(dump)
        if dict(in_dump) != counts:
            raise BackupError("database.json does not match the manifest's counts: the archive is damaged")
        with transaction.atomic():
            call_command("loaddata", str(dump), verbosity=0)
            loaded = _model_counts(list(counts))
            if loaded != counts:
                wrong = {k: (loaded[k], counts[k]) for k in counts if loaded[k] != counts[k]}
                raise BackupError(f"restored row counts differ from the manifest: {wrong}")
        media = [m for m in members if m.name.startswith(f"{MEDIA}/") and m.isfile()]
        if len(media) != manifest.get("media_files", len(media)):
            raise BackupError("the archive's media files do not match the manifest")
        media_root = _media_root()
        media_root.mkdir(parents=True, exist_ok=True)
        for member in media:
            member.name = member.name[len(MEDIA) + 1 :]
            archive.extract(member, media_root, filter="data")  # refuses absolute paths and ../
    return manifest


def _get_model(apps: Any, label: str) -> Any:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None
