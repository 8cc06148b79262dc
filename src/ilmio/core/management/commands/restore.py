"""``ilmio restore PATH``: an archive of ``ilmio backup`` back into an empty database."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.backup import BackupError, restore_backup
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    help = (
        "Restore an archive made by 'ilmio backup' into an empty, migrated database that has every "
        "migration of the backup, in one transaction (all or nothing). A native archive restores on "
        "its own vendor: PostgreSQL needs pg_restore and psql; a --portable one on either."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="archive written by 'ilmio backup'")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except (tarfile.TarError, EOFError, ValueError) as error:
            raise CommandError(f"{path}: not a readable backup archive ({error})") from error
        except OSError as error:
            raise CommandError(f"cannot restore {path}: {error.strerror or error}") from error
        counts = manifest.get("counts", {})
        self.stdout.write(f"restored {sum(counts.values())} rows of {len(counts)} models and "
                          f"{manifest.get('media_files', 0)} files from a backup of {manifest.get('created_at', '?')}")  # fmt: skip
