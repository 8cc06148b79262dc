"""``ilmio demo``: a fresh demo database (migrated here, explicitly), then the app on it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import IlmioCommand
from ilmio_demo import DemoModeRequired, require_demo_mode


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """Only warnings and errors from these loggers while the demo is built."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(IlmioCommand):
    help = ("Create the embedded database with reference data, demo users, a synthetic history of "
            "social reports and sample statistics, then serve the app. Demo mode only.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reports", type=int, default=2400, help="number of demo reports (default 2400)")
        parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
        parser.add_argument("--reset", action="store_true", help="delete earlier demo reports first")
        parser.add_argument("--no-serve", action="store_true", help="build the demo data and exit")
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")

    def handle(self, *args: Any, reports: int, seed: int, reset: bool, no_serve: bool, host: str, port: int,
               workers: int, **options: Any) -> None:  # fmt: skip
        try:
            require_demo_mode()
        except DemoModeRequired as error:
            raise CommandError(str(error)) from error
        if reports < 0:
            raise CommandError("--reports must not be negative")
        from ilmio_demo.world import build_demo, foreign_data

        # The demo builds its own database, so it migrates it itself; nothing else does.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        found = foreign_data()
        if found:
            raise CommandError("this database holds data that is not the demo's (" + "; ".join(found) + "): "
                               "the demo is built only into its own database; nothing was changed")  # fmt: skip
        with quiet_loggers("django_tasks", "weasyprint", "fontTools"):  # a line per task and PDF step
            summary = build_demo(reports=reports, seed=seed, reset=reset)
        self.stdout.write(summary.format())
        self.stdout.flush()
        if not no_serve:
            call_command("serve", host=host, port=port, workers=workers)
