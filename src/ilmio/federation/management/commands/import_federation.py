"""``ilmio import federation FOLDER``: a national instance keeps a county's checked package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.areas.models import County
from ilmio.core.management.base import DatabaseCommand
from ilmio.federation.national import MAX_PACKAGE_BYTES, import_package, register_county_key
from ilmio.federation.package import MANIFEST, PackageError


class Command(DatabaseCommand):
    help = ("Import a county's federation package as its next version, after every check (the key registered "
            "here, checksums, JSON-stat shape, the county's own areas, no small count, the suppression re-audited). "
            "With --register-key, register the county's public key first.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, nargs="?")
        parser.add_argument("--register-key", metavar="KEY", help="the county's public key (base64), given out of band")
        parser.add_argument("--county", help="the county code the key is registered for")

    def handle(self, *args: Any, folder: Path | None, register_key: str | None, county: str | None, **options: Any) -> None:
        try:
            if register_key:
                target = County.objects.filter(code=county or "").first()
                if target is None:
                    raise CommandError("--register-key needs --county with a county code")
                register_county_key(target, register_key)
                self.stdout.write(f"Key of county {target.code} registered.")
            if folder is None:
                return
            if not (folder / MANIFEST).is_file():
                raise CommandError(f"{folder}: no {MANIFEST}")
            files = {p.name: p.read_bytes() for p in folder.iterdir()
                     if p.is_file() and p.suffix == ".json" and p.stat().st_size <= MAX_PACKAGE_BYTES}  # fmt: skip
            package = import_package(files)
        except PackageError as error:
            raise CommandError(f"rejected: {error}") from error
        self.stdout.write(f"Package of county {package.county.code} accepted as version {package.version} "
                          f"({package.cells.count()} cells).")  # fmt: skip
