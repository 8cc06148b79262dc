"""``ilmio backup PATH``: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.backup import BackupError, create_backup
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    help = "Write the database and uploaded files into one archive (.tar.gz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="archive to write, e.g. ilmio-2026-11-23.tar.gz")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            manifest = create_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from error
        counts = manifest.get("counts", {})
        self.stdout.write(f"wrote {path}: {sum(counts.values())} rows of {len(counts)} models, "
                          f"{manifest.get('media_files', 0)} files")  # fmt: skip
