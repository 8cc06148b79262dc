"""``ilmio gdpr export|erase (--user USERNAME | --email ADDRESS) --county CODE [--dry-run]``."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.gdpr.subjects import erase, export, subject_for


class _CountyAdmin:
    """The command acts for the administration of one county (as its admin would)."""

    def __init__(self, county_id: int) -> None:
        self.county_id = county_id
        self.pk = None
        self.is_authenticated = False


class Command(DatabaseCommand):
    help = "Export or erase one person's data: a staff account or a resident's feedback address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "erase"])
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--user", default="", help="the account's username")
        who.add_argument("--email", default="", help="a feedback e-mail address")
        parser.add_argument("--county", required=True, help="the county whose data it is (code)")
        parser.add_argument("--dry-run", action="store_true", help="erase: show what would go; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        from ilmio.areas.models import County

        county = County.objects.filter(code=options["county"]).first()
        if county is None:
            raise CommandError(f"unknown county {options['county']!r}")
        subject = subject_for(_CountyAdmin(county.pk), username=options["user"], email=options["email"])
        if subject is None:
            raise CommandError("no such person in this county")
        if options["action"] == "export":
            self.stdout.write(json.dumps(export(subject), ensure_ascii=False, indent=1))
            return
        done = erase(subject, by=None, dry_run=options["dry_run"])
        verb = "would erase" if options["dry_run"] else "erased"
        self.stdout.write("; ".join(f"{verb} {n} {what}" for what, n in done.items()))

