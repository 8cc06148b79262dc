"""``ilmio serve``: the web application under gunicorn (runserver without gunicorn)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.core.server import serve


class Command(DatabaseCommand):
    help = ("Run the web application (gunicorn; Django's development server when gunicorn is not "
            "installed). The database must be migrated first: 'ilmio migrate'.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}")
        if workers < 1:
            raise CommandError("--workers must be at least 1")

        def say(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        serve(host, port, workers, say=say)
