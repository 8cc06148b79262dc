"""Numbers, periods and names as a reader of each language expects them.

``1 136`` and ``39,6`` in Finnish and Swedish, ``1,136`` and ``39.6`` in English; periods
``1. nelj. 2025`` / ``kv. 1 2025`` / ``Q1 2025``, months by their names; lists of names
sorted by the reader's alphabet (Å, Ä and Ö after Z, Ü with Y). One place, so pages,
PDFs, e-mails and feeds say it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime

from ilmio.core.i18n import current_language

__all__ = ["collation_key", "date_range", "format_count", "format_decimal", "period_name", "short_date", "short_datetime",
           "sorted_by_name"]

HIDDEN = "–"
T = TypeVar("T")

_QUARTER = {"fi": "{q}. nelj. {year}", "sv": "kv. {q} {year}", "en": "Q{q} {year}"}
# Finnish and Swedish alphabets end …XYZÅÄÖ (Ü sorts as Y, W as V in older Finnish
# practice but as W today): characters after "z" keep that order.
_ALPHABET_TAIL = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y", "õ": "}"})


def format_count(value: int | None) -> str:
    """A count with the language's digit grouping; a hidden one as the dash."""
    if value is None:
        return HIDDEN
    return number_format(value, decimal_pos=0, force_grouping=True)


def short_date(value: date) -> str:
    """1.12.2026 in Finnish and Swedish, 2026-12-01 in English (unambiguous)."""
    return date_format(value, "SHORT_DATE_FORMAT")


def short_datetime(value: datetime) -> str:
    """1.12.2026 14.00 in Finnish, 1.12.2026 14:00 in Swedish, 2026-12-01 14:00 in English,
    in the server's time zone (Finland's)."""
    return date_format(localtime(value), "SHORT_DATETIME_FORMAT")


def date_range(start: date, end: date) -> str:
    return f"{short_date(start)}–{short_date(end)}"


def format_decimal(value: float | None, digits: int = 1) -> str:
    if value is None:
        return HIDDEN
    return number_format(round(value, digits), decimal_pos=digits, force_grouping=True)


def period_name(label: str) -> str:
    """``2025`` → 2025; ``2025-Q1`` → 1. nelj. 2025 / kv. 1 2025 / Q1 2025; ``2025-03`` →
    maaliskuu 2025 / mars 2025 / March 2025. Anything else is returned unchanged."""
    if len(label) == 7 and label[4:6] == "-Q" and label[:4].isdigit() and label[6] in "1234":
        return _QUARTER[current_language()].format(q=label[6], year=label[:4])
    if len(label) == 7 and label[4] == "-" and label[:4].isdigit() and label[5:].isdigit() and 1 <= int(label[5:]) <= 12:
        return date_format(date(int(label[:4]), int(label[5:]), 1), "YEAR_MONTH_FORMAT")
    return label


def collation_key(text: str) -> str:
    return text.casefold().translate(_ALPHABET_TAIL)


def sorted_by_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    return sorted(items, key=lambda item: collation_key(name(item)))
