"""Client feedback, reminders and complaints counted by kind, phenomenon, unit and period.

Every number goes through the disclosure door (:func:`ilmio.indicators.disclosure.tally`):
each table is suppressed as one structure with its total, so a hidden cell cannot be
worked out from the others. Only complete months are counted (as every published number),
so a cell does not change while someone watches it fill. Nothing here reads a text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.indicators.disclosure import Shown, tally
from ilmio.sources.models import FeedbackItem
from ilmio.taxonomy.models import Phenomenon, ServiceArea

UNITS_SHOWN = 15


def first_of_month(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def complete_year_window(today: date | None = None) -> tuple[date, date]:
    """The last twelve complete months: [start, end) — end is the first day of this month."""
    end = first_of_month(today or timezone.localdate())
    return first_of_month(end, 12), end


@dataclass
class Table:
    title: str
    rows: list[tuple[str, Shown]]
    total: Shown


def _table(title: str, counted: Counter[str], labels: dict[str, str], order: Iterable[str] | None = None) -> Table:
    keys = list(order) if order is not None else sorted(counted, key=lambda k: (-counted[k], labels.get(k, k)))
    shown, total = tally({key: counted.get(key, 0) for key in keys})
    return Table(title, [(labels.get(key, key), shown[key]) for key in keys], total)


def kind_table(items: QuerySet[FeedbackItem]) -> Table:
    counted = Counter(items.values_list("kind", flat=True))
    return _table(_("By kind"), counted, {k: str(v) for k, v in FeedbackItem.Kind.choices}, FeedbackItem.Kind.values)


def tables(items: QuerySet[FeedbackItem], start: date, end: date) -> list[Table]:
    """The county's items received in [start, end) by kind, month, phenomenon, service area and unit."""
    within = items.filter(received_on__gte=start, received_on__lt=end)
    none = _("not given")
    months = [first_of_month(end, back).strftime("%Y-%m") for back in range(12, 0, -1)
              if first_of_month(end, back) >= start]  # fmt: skip
    by_month = Counter(day.strftime("%Y-%m") for day in within.values_list("received_on", flat=True))
    phenomena = {p.code: p.label for p in Phenomenon.objects.all()}
    by_phenomenon = Counter(code or "" for code in within.values_list("phenomenon__code", flat=True))
    areas = {a.code: a.label for a in ServiceArea.objects.all()}
    by_area = Counter(code or "" for code in within.values_list("service_area__code", flat=True))
    by_unit = Counter(unit or "" for unit in within.values_list("unit", flat=True))
    # The smallest units are told together, so the table stays readable and a rare unit unnamed.
    common = dict(by_unit.most_common(UNITS_SHOWN))
    other = sum(count for unit, count in by_unit.items() if unit not in common)
    units = Counter({**common, **({"__other__": other} if other else {})})
    return [kind_table(within),
            _table(_("By month received"), by_month, {}, months),
            _table(_("By phenomenon"), by_phenomenon, {**phenomena, "": none}),
            _table(_("By service area"), by_area, {**areas, "": none}),
            _table(_("By unit"), units, {"": none, "__other__": _("other units")})]  # fmt: skip


def phenomenon_kind_table(items: QuerySet[FeedbackItem], today: date | None = None) -> Table | None:
    """Items on one phenomenon (already filtered by the caller's access function) received in
    the last twelve complete months, by kind: for the phenomenon brief and a case's "what else
    we know". None when there is nothing to count."""
    start, end = complete_year_window(today)
    within = items.filter(received_on__gte=start, received_on__lt=end)
    if not within.exists():
        return None
    return kind_table(within)
