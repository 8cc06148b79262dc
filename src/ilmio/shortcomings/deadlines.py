"""The deadlines of a notification, from the county's settings (``SHORTCOMING_DEADLINES``).

The law sets no day limits; each county sets them in its self-monitoring plan. The
acknowledgement counts working days (Monday to Friday; public holidays are not known
here), the correction calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings


@dataclass(frozen=True)
class Deadlines:
    acknowledge_by: date
    correct_by: date


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days after ``start`` (a weekend start counts from Monday)."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def county_rules(county_code: str | None) -> dict[str, int]:
    rules: dict[str, dict[str, int]] = settings.SHORTCOMING_DEADLINES
    base = dict(rules.get("default", {}))
    base.update(rules.get(county_code or "", {}))
    return {"acknowledge_working_days": int(base.get("acknowledge_working_days", 2)),
            "correct_days": int(base.get("correct_days", 30))}  # fmt: skip


def deadlines_for(county_code: str | None, filed_on: date) -> Deadlines:
    rules = county_rules(county_code)
    return Deadlines(acknowledge_by=add_working_days(filed_on, rules["acknowledge_working_days"]),
                     correct_by=filed_on + timedelta(days=rules["correct_days"]))  # fmt: skip


def authority_name(language: str) -> str:
    names: dict[str, str] = settings.SUPERVISORY_AUTHORITY
    return names.get(language) or names.get("fi") or next(iter(names.values()), "")
