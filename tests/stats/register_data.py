"""The areas and periods of the synthetic register extract the register tests share (DuckDB, PostgreSQL, Spark)."""

from __future__ import annotations

from ilmio.stats.register import AreaRow, yearly_and_quarterly

# three counties in two cooperation areas; populations skewed so some cells are small
AREAS = [
    AreaRow("091", "90", "1"), AreaRow("049", "02", "1"), AreaRow("092", "02", "1"),
    AreaRow("235", "02", "1"), AreaRow("179", "13", "3"), AreaRow("410", "13", "3"),
    AreaRow("892", "13", "3"), AreaRow("601", "13", "3"),
]
POP = {"091": 600_000, "049": 300_000, "092": 230_000, "235": 10_000, "179": 140_000,
       "410": 18_000, "892": 3_500, "601": 1_200}
MUNIS = [(a.municipality_code, a.county_code, POP[a.municipality_code]) for a in AREAS]
PERIODS = yearly_and_quarterly([2023, 2024])
