"""``ilmio export federation``: the county's published aggregates as a signed package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.areas.models import County
from ilmio.core.management.base import DatabaseCommand
from ilmio.federation.export import export_county, export_when_changed, signing_key_path
from ilmio.federation.package import PackageError, load_or_create_key, public_key_text


class Command(DatabaseCommand):
    county_only = True
    help = ("Write the county's published report counts (complete periods, suppressed) as JSON-stat 2.0 with a "
            "manifest signed by this instance (Ed25519), for a national instance.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--county", required=True, help="county code, e.g. 15")
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--output", type=Path, help="folder to write the package into")
        where.add_argument("--into", type=Path, help="scheduled (cron): a new dated package folder under this folder, "
                           "only when the published counts changed since the newest one there")  # fmt: skip
        parser.add_argument("--show-key", action="store_true", help="print this instance's public key and stop")

    def handle(self, *args: Any, county: str, output: Path | None, into: Path | None, show_key: bool,
               **options: Any) -> None:  # fmt: skip
        try:
            if show_key:
                self.stdout.write(public_key_text(load_or_create_key(signing_key_path())))
                return
            chosen = County.objects.filter(code=county).first()
            if chosen is None:
                raise CommandError(f"no county with code {county!r}")
            if into is not None:
                written = export_when_changed(chosen, into)
                if written is None:
                    self.stdout.write(f"Unchanged since the newest package in {into}: nothing written")
                    return
                manifest = written
            elif output is not None:
                manifest = export_county(chosen, output)
            else:
                raise CommandError("give --output FOLDER, or --into FOLDER for the scheduled export")
        except PackageError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"cannot write {output or into}: {error.strerror or error}") from error
        self.stdout.write(f"Federation package written: {manifest}")
