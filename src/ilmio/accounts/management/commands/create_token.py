"""``ilmio token``: an API token for a user, its key printed once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.accounts.models import User
from ilmio.accounts.services import create_api_token
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    help = "Create an API token for a user. The key is printed once and never stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--name", default="api", help="a name for the token (default api)")

    def handle(self, *args: Any, user: str, name: str, **options: Any) -> None:
        owner = User.objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"no user named {user!r}")
        _token, key = create_api_token(owner, name)
        self.stdout.write(key)
