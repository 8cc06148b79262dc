"""Information loss of the published report counts: per level and granularity, the share
of cells whose true count is at least the threshold that readers see hidden.

    ILMIO_DATA_DIR=var .venv/bin/python bench/bench_information_loss.py   # the demo database

Works on any version of Ilmiö that has ``Aggregates`` (so the same script measures the
design before and after a change, on the same database). Complete periods only. A cell a
level does not publish at all (e.g. a municipality's months) is counted apart, as "not
published", not as hidden.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilmio.settings")
if not os.environ.get("ILMIO_SECRET_KEY"):
    key_file = Path(os.environ.get("ILMIO_DATA_DIR", "var")) / "secret_key"
    os.environ["ILMIO_SECRET_KEY"] = key_file.read_text().strip()

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from ilmio.indicators import aggregates  # noqa: E402

LEVELS = ("country", "cooperation_area", "county", "municipality")


def true_counts(threshold: int) -> dict[tuple[str, str, str, str], int]:
    geography = aggregates.Geography.load()
    current = aggregates.period_label(timezone.now(), "month")
    quarter_now, year_now = aggregates.period_label(timezone.now(), "quarter"), str(timezone.now().year)
    values: Counter[tuple[str, str, str, str]] = Counter()
    for month, cells in aggregates.report_cells("month").items():
        if month >= current:
            continue
        quarter = f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
        labels = [("month", month)] + ([("quarter", quarter)] if quarter < quarter_now else []) + (
            [("year", month[:4])] if month[:4] < year_now else [])
        for (level, code, phenomenon), count in cells.items():
            node = geography.parent(level, code) if level == aggregates.COUNTYWIDE else (level, code)
            while node is not None:
                for granularity, label in labels:
                    for column in (phenomenon, aggregates.ALL):
                        if column != aggregates.UNCLASSIFIED:
                            values[(granularity, node[0], node[1], column, label)] += count
                node = geography.parent(*node)
    return {k: v for k, v in values.items() if v >= threshold}


def main() -> int:
    threshold = 5
    big = true_counts(threshold)
    tables = {g: aggregates.Aggregates(g) for g in ("month", "quarter", "year")}
    publishes = getattr(aggregates, "publishes", lambda level, phenomenon, period: True)
    stats: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (granularity, level, code, phenomenon, label), _ in big.items():
        row = stats[(level, granularity)]
        row["cells"] += 1
        if not publishes(level, phenomenon, granularity):
            row["not published"] += 1
            continue
        cell = tables[granularity].cell(label, level, code, phenomenon)
        if cell.suppressed:
            row["hidden"] += 1
            if phenomenon == aggregates.ALL:
                row["totals hidden"] += 1
    print(f"{'level':<17}{'period':<9}{'cells >= 5':>11}{'hidden':>8}{'share':>8}{'totals hidden':>15}{'not published':>15}")
    for level in LEVELS:
        for granularity in ("month", "quarter", "year"):
            row = stats.get((level, granularity))
            if not row:
                continue
            offered = row["cells"] - row["not published"]
            share = f"{100 * row['hidden'] / offered:.1f} %" if offered else "–"
            print(f"{level:<17}{granularity:<9}{row['cells']:>11}{row['hidden']:>8}{share:>8}"
                  f"{row['totals hidden']:>15}{row['not published']:>15}")
        total = sum((stats.get((level, g), Counter()) for g in ("month", "quarter", "year")), Counter())
        offered = total["cells"] - total["not published"]
        if offered:
            share = f"{100 * total['hidden'] / offered:.1f} %"
            print(f"{level:<17}{'all':<9}{total['cells']:>11}{total['hidden']:>8}{share:>8}"
                  f"{total['totals hidden']:>15}{total['not published']:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
