"""``ilmio backup [--portable] PATH``: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.backup import BackupError, create_backup
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    help = (
        "Write the database and uploaded files into one archive, readable by its owner only. "
        "PostgreSQL: a pg_dump custom-format dump (name the archive .tar: the dump is compressed "
        "already); SQLite: a copy made with SQLite's online backup API (name it .tar.gz). The "
        "archive is gzip-compressed when its name ends in .gz or .tgz. A native archive restores "
        "on the same database vendor; --portable writes vendor-neutral JSON Lines instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            type=Path,
            help="archive to write, e.g. ilmio-2026-12-04.tar (PostgreSQL) or .tar.gz",
        )
        parser.add_argument(
            "--portable",
            action="store_true",
            help="JSON Lines that restore on SQLite or PostgreSQL (e.g. to move a SQLite site to "
            "PostgreSQL); much slower than the native format on a large database",
        )

    def handle(self, *args: Any, path: Path, portable: bool = False, **options: Any) -> None:
        try:
            manifest = create_backup(path, portable=portable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from error
        counts = manifest.get("counts", {})
        self.stdout.write(f"wrote {path} ({manifest.get('database_format')}): {sum(counts.values())} rows of "
                          f"{len(counts)} models, {manifest.get('media_files', 0)} files")  # fmt: skip
