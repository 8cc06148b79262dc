"""``ilmio import statistics``: national statistics in Sotkanet's REST format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.indicators import statistics


class Command(DatabaseCommand):
    help = "Import statistics in Sotkanet's REST format: recorded files, CSV, or fetched. Without options: the shipped sample."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, help="folder with regions.json, indicators.json and data.json")
        parser.add_argument("--csv", type=Path, help="Sotkanet's CSV (/rest/1.1/csv: indicator;region;year;gender;"
                                                     "primary value;absolute value); needs --regions")
        parser.add_argument("--regions", type=Path, help="Sotkanet's region list (/rest/1.1/regions, saved as JSON) for --csv")
        parser.add_argument("--fetch", type=int, nargs="+", metavar="ID", help="fetch these indicator ids (needs a network)")
        parser.add_argument("--years", type=int, nargs="+", help="years to fetch (default 2022 2023)")
        parser.add_argument("--base-url", default=statistics.SOTKANET_URL, help=argparse.SUPPRESS)
        parser.add_argument("--sample", action="store_true", help="mark the imported values as sample data")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["fetch"]:
                result = statistics.fetch_sotkanet(options["fetch"], options["years"] or [2022, 2023],
                                                   base_url=options["base_url"])  # fmt: skip
            elif options["csv"]:
                if not options["regions"]:
                    # The shipped sample's municipality ids are invented: never map a real file with them.
                    raise CommandError("--csv needs --regions: Sotkanet's region list saved from /rest/1.1/regions "
                                       "(the shipped sample's municipality ids are invented)")  # fmt: skip
                result = statistics.import_sotkanet_csv(options["csv"], options["regions"])
            else:
                directory = options["dir"] or statistics.SAMPLE_DIR
                result = statistics.import_sotkanet_dir(directory,
                                                        sample=options["sample"] or directory == statistics.SAMPLE_DIR)  # fmt: skip
        except statistics.StatisticsError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"cannot fetch: {error}") from error
        self.stdout.write(result.summary())
