"""``ilmio check federation FOLDER --key KEY``: verify a county's package before trusting it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.federation.package import MANIFEST, PackageError, check_package

MAX_FILE_BYTES = 50 * 2**20


class Command(DatabaseCommand):
    help = ("Check a county's federation package: the signature with the county's registered public key, the "
            "checksums, the JSON-stat shape, no small count, and a re-audit of the suppression.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--key", required=True, help="the county's public key (base64), as registered")

    def handle(self, *args: Any, folder: Path, key: str, **options: Any) -> None:
        if not (folder / MANIFEST).is_file():
            raise CommandError(f"{folder}: no {MANIFEST}")
        files = {}
        for path in folder.iterdir():
            if path.is_file() and path.suffix == ".json":
                if path.stat().st_size > MAX_FILE_BYTES:
                    raise CommandError(f"{path.name}: larger than {MAX_FILE_BYTES // 2**20} MB")
                files[path.name] = path.read_bytes()
        try:
            manifest = check_package(files, trusted_key=key, threshold=int(settings.SUPPRESSION_THRESHOLD))
        except PackageError as error:
            raise CommandError(f"rejected: {error}") from error
        self.stdout.write(f"Package of county {manifest['county']} accepted ({len(manifest['files'])} datasets).")
