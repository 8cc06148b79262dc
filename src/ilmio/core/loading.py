"""Shared plumbing of the idempotent reference-data loaders (areas, taxonomy).

Lives in ``core`` so that neither loader has to import the other.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


class ReferenceDataError(ValueError):
    """A reference file is missing, malformed or inconsistent; nothing was changed."""


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deactivated: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

    def summary(self) -> str:
        parts = [f"created {self.created or {}}", f"updated {self.updated or {}}"]
        if self.deactivated:
            parts.append(f"deactivated {self.deactivated} municipalities")
        if self.skipped:
            parts.append(f"skipped {self.skipped}")
        return "; ".join(parts)


def read_csv(path: Path, required: set[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise ReferenceDataError(f"{path}: file not found")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise ReferenceDataError(f"{path}: missing columns {', '.join(sorted(missing))}")
            return list(reader)
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{path}: not UTF-8 text ({error.reason})") from error


def save_changed(
    result: LoadResult, model: type[M], lookup: dict[str, Any], values: dict[str, Any]
) -> M:
    """update_or_create that only writes (and counts) rows whose values really changed.

    ``_default_manager`` is Django's documented handle on an unknown model's manager (the
    reference models have only ``objects``, so it is the same manager)."""
    kind = model.__name__
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model._default_manager.create(**lookup, **values)
        result.count(result.created, kind)
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
        result.count(result.updated, kind)
    return instance
