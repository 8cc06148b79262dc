"""What every ``ilmio`` management command shares (decision 0010).

:class:`IlmioCommand` hides Django's plumbing options from ``--help``;
:class:`DatabaseCommand` adds the one rule of database commands: they never migrate on
their own. A database with unapplied migrations (or without the cache table) is refused
with :data:`NEEDS_MIGRATING` and exit code 1 before the command touches anything;
``ilmio migrate`` is the only way the schema changes. A command that works on a county's
own reports (``county_only``) is refused in a national instance (decision 0041), which has
none.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

NEEDS_MIGRATING = "the database needs migrating: run 'ilmio migrate'"
COUNTY_ONLY = ("this is a national instance (ILMIO_INSTANCE=national): it holds no county's reports, "
               "so this command runs in a county instance")  # fmt: skip


def unapplied_migrations(database: str = DEFAULT_DB_ALIAS) -> list[str]:
    """``app_label.migration`` of every migration not yet applied; reads, never writes."""
    executor = MigrationExecutor(connections[database])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def missing_cache_tables(database: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Database cache tables that ``createcachetable`` (part of ``ilmio migrate``) would create."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache

    wanted = [cache._table for alias in settings.CACHES if isinstance(cache := caches[alias], BaseDatabaseCache)]  # type: ignore[attr-defined]
    if not wanted:
        return []
    existing = set(connections[database].introspection.table_names())
    return [table for table in wanted if table not in existing]


def require_migrated(database: str = DEFAULT_DB_ALIAS) -> None:
    """Raise :class:`CommandError` (exit code 1) unless the database is fully migrated."""
    if unapplied_migrations(database) or missing_cache_tables(database):
        raise CommandError(NEEDS_MIGRATING)


class IlmioCommand(BaseCommand):
    """A management command behind ``ilmio``: its ``--help`` shows its own options."""

    suppressed_base_arguments = {"--version", "--settings", "--pythonpath", "--no-color", "--force-color"}


class DatabaseCommand(IlmioCommand):
    """A command that reads or writes the database: refuses an unmigrated one."""

    database = DEFAULT_DB_ALIAS
    county_only = False  # works on a county's reports, summaries or e-mails: not in a national instance

    def execute(self, *args: Any, **options: Any) -> str | None:
        from django.conf import settings

        if self.county_only and settings.NATIONAL_INSTANCE:
            raise CommandError(COUNTY_ONLY)
        require_migrated(self.database)
        return super().execute(*args, **options)
