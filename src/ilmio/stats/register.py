"""Register-extract aggregation (the monitoring register's role), with DuckDB.

Extract schema
==============
One row per service episode, CSV (header row) or Parquet:

=====================  ===========  ==================================================
column                 type         meaning
=====================  ===========  ==================================================
``person_id``          BIGINT/TEXT  pseudonymous person id (never a henkilötunnus)
``county_code``        TEXT(2)      wellbeing services county, 01–21, 90, 91
``municipality_code``  TEXT(3)      municipality where the service was given
``service``            TEXT         service code, see :data:`SERVICES`
``start_date``         DATE         first day of the episode
``end_date``           DATE/NULL    last day; NULL = ongoing
``age_group``          TEXT         one of :data:`AGE_GROUPS`
``sex``                TEXT/NULL    ``'1'`` male, ``'2'`` female, NULL unknown
=====================  ===========  ==================================================

Indicators
==========
Each indicator is one ``.sql`` file in ``ilmio/stats/indicators/`` (metadata in the
header comments, a portable ``SELECT person_id, municipality_code, start_date,
end_date FROM register_extract WHERE …``).  ``_levels.sql`` rolls all of them up to
distinct clients per indicator × period × area level with ``GROUPING SETS``.
:func:`indicator_sql` gives the complete statement; it runs unchanged on DuckDB and
PostgreSQL (tested) and needs only the relations ``register_extract``,
``register_areas`` and ``register_periods`` (see ``docs/scaling.md``).

Results pass through :mod:`ilmio.stats.suppression` before anyone sees them.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ilmio.stats.suppression import DEFAULT_THRESHOLD, Constraint, suppress_hierarchy

__all__ = [
    "AGE_GROUPS",
    "SERVICES",
    "AreaRow",
    "Indicator",
    "IndicatorValue",
    "Period",
    "COUNTRY_CODE",
    "aggregate_extract",
    "aggregate_raw",
    "apply_suppression",
    "insert_rows",
    "indicator_sql",
    "indicators",
    "load_areas_csv",
    "reference_tables",
    "selected_indicators",
    "yearly_and_quarterly",
]

# service code → phenomenon code
SERVICES: dict[str, str] = {
    "asumispalvelu": "asuminen",
    "asumisneuvonta": "asuminen",
    "tilapainen_majoitus": "asuminen",
    "toimeentulotuki_taydentava": "toimeentulo",
    "toimeentulotuki_ehkaiseva": "toimeentulo",
    "talous_ja_velkaneuvonta": "toimeentulo",
    "paihdekuntoutus": "paihteet",
    "paihdehuollon_avopalvelu": "paihteet",
    "mielenterveyskuntoutus": "mielenterveys",
    "mielenterveyden_avopalvelu": "mielenterveys",
    "lastensuojelu_avohuolto": "palvelujarjestelma",
    "kotihoito": "palvelujarjestelma",
    "tyollistymista_tukeva": "tyo_koulutus",
    "kuntouttava_tyotoiminta": "tyo_koulutus",
    "turvakoti": "vakivalta",
    "lahisuhdevakivaltatyo": "vakivalta",
    "sosiaaliohjaus": "osallisuus",
    "tulkkaus_ja_asiointiapu": "yhdenvertaisuus",
    "digituki": "digitalisaatio",
}
AGE_GROUPS: tuple[str, ...] = (
    "0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+",
)

AreaLevel = Literal["municipality", "county", "cooperation_area", "country"]
LEVELS: tuple[AreaLevel, ...] = ("municipality", "county", "cooperation_area", "country")
RegisterNode = tuple[AreaLevel, str, str]  # (area level, area code, period)
COUNTRY_CODE = "FI"


class AreaRow(NamedTuple):
    municipality_code: str
    county_code: str
    cooperation_area_code: str


class Period(NamedTuple):
    code: str  # "2024" or "2024-Q1"
    start: date
    end: date  # inclusive


@dataclass(frozen=True, slots=True)
class Indicator:
    """A declarative indicator: a person is a client in an area and period when they have
    an episode there, then, in one of ``services`` (and, if given, ``age_groups``)."""

    code: str
    phenomenon: str
    title_fi: str
    title_en: str
    services: tuple[str, ...]
    age_groups: tuple[str, ...] | None = None
    title_sv: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    indicator_code: str
    area_level: AreaLevel
    area_code: str
    period: str
    value: int | None  # None when suppressed
    suppressed: bool = False
    reason: str | None = None


def yearly_and_quarterly(years: Iterable[int]) -> list[Period]:
    out: list[Period] = []
    for y in sorted(set(years)):
        out.append(Period(str(y), date(y, 1, 1), date(y, 12, 31)))
        for q, (m1, m2, d2) in enumerate(((1, 3, 31), (4, 6, 30), (7, 9, 30), (10, 12, 31)), 1):
            out.append(Period(f"{y}-Q{q}", date(y, m1, 1), date(y, m2, d2)))
    return out


def load_areas_csv(path: Path | str) -> list[AreaRow]:
    """Areas from a municipalities CSV with municipality_code, county_code and
    cooperation_area_code columns (``src/ilmio/data/municipalities_2025.csv``)."""
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        return [
            AreaRow(r["municipality_code"], r["county_code"], r["cooperation_area_code"])
            for r in csv.DictReader(f)
        ]


@cache
def indicators() -> tuple[Indicator, ...]:
    """All indicator definitions (``ilmio/stats/indicators/*.json``), sorted by code."""
    import json

    out = []
    folder = resources.files("ilmio.stats") / "indicators"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        d = json.loads(entry.read_text(encoding="utf-8"))
        ind = Indicator(
            d["code"], d["phenomenon"], d["title"]["fi"], d["title"]["en"],
            tuple(d["services"]), tuple(d["age_groups"]) if d.get("age_groups") else None,
            title_sv=d["title"].get("sv", ""),
        )
        if not re.fullmatch(r"[a-z0-9_]+", ind.code) or entry.name != f"{ind.code}.json":
            raise ValueError(f"bad indicator code {ind.code!r} in {entry.name}")
        unknown = set(ind.services) - set(SERVICES)
        if unknown or (ind.age_groups and set(ind.age_groups) - set(AGE_GROUPS)):
            raise ValueError(f"{ind.code}: unknown service or age group {unknown}")
        out.append(ind)
    return tuple(out)


def selected_indicators(codes: Sequence[str] | None = None) -> list[Indicator]:
    chosen = [i for i in indicators() if codes is None or i.code in codes]
    if not chosen:
        raise ValueError("no indicators selected")
    return chosen


@cache
def indicator_sql() -> str:
    """The complete, portable aggregation statement (``indicators/_levels.sql``).

    It is static text: the indicator definitions, areas and periods enter as relations
    (:func:`reference_tables`), so the same statement runs on any SQL engine.
    Output columns: indicator_code, area_level, area_code, period, value."""
    return (resources.files("ilmio.stats") / "indicators" / "_levels.sql").read_text("utf-8")


def _quarter_index(d: date, first_year: int) -> int:
    return (d.year - first_year) * 4 + (d.month - 1) // 3


def _period_masks(periods: Sequence[Period]) -> tuple[int, int, list[int]]:
    """(first_year, n_quarters, quarter mask per period); periods must be whole quarters."""
    if not periods:
        raise ValueError("no periods")
    first_year = min(p.start for p in periods).year
    masks = []
    for p in periods:
        qs, qe = _quarter_index(p.start, first_year), _quarter_index(p.end, first_year)
        q_first = date(p.start.year, 3 * ((p.start.month - 1) // 3) + 1, 1)
        nxt = date(p.end.year + (p.end.month > 9), (3 * ((p.end.month - 1) // 3) + 3) % 12 + 1, 1)
        if p.start != q_first or (nxt - p.end).days != 1 or qe < qs:
            raise ValueError(f"period {p.code} is not a whole number of calendar quarters")
        masks.append((1 << (qe + 1)) - (1 << qs))
    n_quarters = max(_quarter_index(p.end, first_year) for p in periods) + 1
    if n_quarters > 52:
        raise ValueError("at most 13 years of quarters fit in one run")
    return first_year, n_quarters, masks


# ---------------------------------------------------------------------------
# DuckDB plumbing
# ---------------------------------------------------------------------------

Progress = Callable[[str, float], None]
Engine = Literal["duckdb", "spark"]


def _reader(path: Path) -> str:
    p = str(path).replace("'", "''")
    name = path.name.lower()
    if name.endswith(".parquet") or path.is_dir():
        return f"read_parquet('{p}')"
    if name.endswith((".csv", ".csv.gz", ".tsv")):
        return (
            f"read_csv('{p}', header = true, columns = {{'person_id': 'BIGINT', "
            "'county_code': 'VARCHAR', 'municipality_code': 'VARCHAR', 'service': 'VARCHAR', "
            "'start_date': 'DATE', 'end_date': 'DATE', 'age_group': 'VARCHAR', "
            "'sex': 'VARCHAR'})"
        )
    raise ValueError(f"unsupported extract format: {path.name}")


def _connect(memory_limit: str, threads: int) -> Any:
    import duckdb

    con = duckdb.connect(config={"memory_limit": memory_limit, "threads": threads})
    # Needed for query_progress(); the bar itself is printed only by the CLI.
    con.execute("SET enable_progress_bar = true")
    con.execute("SET enable_progress_bar_print = false")
    con.execute("SET preserve_insertion_order = false")
    # Spill instead of failing when the DISTINCT outgrows memory_limit.
    con.execute(f"SET temp_directory = '{tempfile.gettempdir()}/ilmio_duckdb'")
    return con


def _sql_literal(v: object) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        raise TypeError("no booleans here")
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, date):
        return f"DATE '{v.isoformat()}'"
    return "'" + str(v).replace("'", "''") + "'"


def insert_rows(con: Any, table: str, rows: Sequence[Sequence[object]]) -> None:
    """Bulk insert as one VALUES statement (executemany runs one statement per row)."""
    for i in range(0, len(rows), 5000):
        chunk = rows[i : i + 5000]
        values = ", ".join("(" + ", ".join(_sql_literal(x) for x in r) + ")" for r in chunk)
        con.execute(f"INSERT INTO {table} VALUES {values}")


# The relations the indicator SQL joins to: portable DDL (DuckDB, PostgreSQL) and the same
# columns as a Spark schema.
REFERENCE_DDL = {
    "register_indicators": "CREATE TEMP TABLE register_indicators (indicator_id INTEGER PRIMARY KEY, "
    "indicator_code VARCHAR(100) NOT NULL UNIQUE)",
    "register_indicator_rules": "CREATE TEMP TABLE register_indicator_rules (indicator_id INTEGER NOT NULL, "
    "service VARCHAR(100) NOT NULL, age_group VARCHAR(10))",
    "register_areas": "CREATE TEMP TABLE register_areas (municipality_code VARCHAR(3) PRIMARY KEY, "
    "county_code VARCHAR(2) NOT NULL, cooperation_area_code VARCHAR(2) NOT NULL, "
    "area_id INTEGER NOT NULL UNIQUE)",
    "register_periods": "CREATE TEMP TABLE register_periods (period_id INTEGER PRIMARY KEY, "
    "period_code VARCHAR(10) NOT NULL UNIQUE, quarter_mask BIGINT NOT NULL)",
    "register_window": "CREATE TEMP TABLE register_window (first_date DATE NOT NULL, last_date DATE NOT NULL, "
    "bits_all BIGINT NOT NULL)",
    "register_calendar": "CREATE TEMP TABLE register_calendar (day DATE PRIMARY KEY, "
    "bits_before BIGINT NOT NULL, bits_through BIGINT NOT NULL)",
}
REFERENCE_SCHEMAS = {
    "register_indicators": "indicator_id INT, indicator_code STRING",
    "register_indicator_rules": "indicator_id INT, service STRING, age_group STRING",
    "register_areas": "municipality_code STRING, county_code STRING, cooperation_area_code STRING, area_id INT",
    "register_periods": "period_id INT, period_code STRING, quarter_mask BIGINT",
    "register_window": "first_date DATE, last_date DATE, bits_all BIGINT",
    "register_calendar": "day DATE, bits_before BIGINT, bits_through BIGINT",
}


def reference_rows(
    areas: Sequence[AreaRow], periods: Sequence[Period], codes: Sequence[str] | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every relation the indicator SQL joins to, by table name."""
    first_year, n_quarters, masks = _period_masks(periods)
    chosen = selected_indicators(codes)
    first_day = date(first_year, 1, 1)
    last_day = max(p.end for p in periods)
    days = [first_day + timedelta(days=k) for k in range((last_day - first_day).days + 1)]
    # Quarter q is bit q: bits_through(end day) - bits_before(start day) is the mask of
    # the quarters from the start's to the end's.
    quarters = [_quarter_index(d, first_year) for d in days]
    return {
        "register_indicators": [(i, x.code) for i, x in enumerate(chosen)],
        "register_indicator_rules": [(i, svc, age) for i, ind in enumerate(chosen) for svc in ind.services
                                     for age in (ind.age_groups or (None,))],  # fmt: skip
        # area_id: a small integer key, far cheaper than the code string in per-person work
        "register_areas": [(*a, i) for i, a in enumerate(areas)],
        "register_periods": [(i, p.code, m) for i, (p, m) in enumerate(zip(periods, masks, strict=True))],
        "register_window": [(first_day, last_day, (1 << n_quarters) - 1)],
        "register_calendar": [(d, (1 << q) - 1, (1 << (q + 1)) - 1) for d, q in zip(days, quarters, strict=True)],
    }


def reference_tables(
    areas: Sequence[AreaRow], periods: Sequence[Period], codes: Sequence[str] | None = None
) -> list[str]:
    """Portable DDL + INSERT statements creating the relations the indicator SQL joins
    to; they run as-is on DuckDB and PostgreSQL (temporary tables)."""
    rows = reference_rows(areas, periods, codes)
    stmts = [REFERENCE_DDL[name] for name in REFERENCE_DDL]
    for name in REFERENCE_DDL:
        stmts += _values(name, rows[name])
    return stmts


def _values(table: str, rows: Sequence[Sequence[object]]) -> list[str]:
    out = []
    for i in range(0, len(rows), 1000):
        chunk = rows[i : i + 1000]
        vals = ", ".join("(" + ", ".join(_sql_literal(x) for x in r) + ")" for r in chunk)
        out.append(f"INSERT INTO {table} VALUES {vals}")
    return out


def _load_refs(
    con: Any, areas: Sequence[AreaRow], periods: Sequence[Period], codes: Sequence[str] | None
) -> None:
    for stmt in reference_tables(areas, periods, codes):
        con.execute(stmt)


def _run_with_progress(con: Any, sql: str, progress: Progress | None, phase: str) -> list[Any]:
    if progress is None:
        return con.execute(sql).fetchall()
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.25):
            try:
                pct = con.query_progress()
            except Exception:  # the connection is busy or closed; progress is best effort
                return
            if pct is not None and pct >= 0:
                progress(phase, min(float(pct) / 100.0, 0.99))

    t = threading.Thread(target=poll, daemon=True)
    t.start()
    try:
        return con.execute(sql).fetchall()
    finally:
        done.set()
        t.join()


def aggregate_raw(
    path: Path | str,
    areas: Sequence[AreaRow],
    *,
    periods: Sequence[Period] | None = None,
    codes: Sequence[str] | None = None,
    progress: Progress | None = None,
    memory_limit: str = "2GB",
    threads: int = 2,
    engine: Engine = "duckdb",
    master: str = "local[2]",
) -> list[tuple[str, AreaLevel, str, str, int]]:
    """Unsuppressed (indicator_code, area_level, area_code, period, value) rows, by the
    same statement on DuckDB (one machine) or Apache Spark (``master``: a cluster).

    Internal: never publish these without :func:`apply_suppression`."""
    path = Path(path)
    if engine == "spark":
        from ilmio.stats.spark import aggregate_raw_spark  # pyspark is large and optional

        if progress:
            progress("aggregating", 0.0)
        rows = aggregate_raw_spark(path, areas, periods=periods, codes=codes, master=master)
        if progress:
            progress("aggregating", 1.0)
        return rows
    if engine != "duckdb":
        raise ValueError(f"unknown engine {engine!r}; choose duckdb or spark")
    con = _connect(memory_limit, threads)
    try:
        if progress:
            progress("reading", 0.0)
        con.execute(f"CREATE OR REPLACE TEMP VIEW register_extract AS SELECT * FROM {_reader(path)}")
        if periods is None:
            lo, hi = con.execute(
                "SELECT min(year(start_date)), max(year(start_date)) FROM register_extract"
            ).fetchone()
            periods = yearly_and_quarterly(range(lo, hi + 1)) if lo is not None else []
        _load_refs(con, areas, periods, codes)
        if progress:
            progress("aggregating", 0.0)
        rows = _run_with_progress(con, indicator_sql(), progress, "aggregating")
    finally:
        con.close()
    if progress:
        progress("aggregating", 1.0)
    return [(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]


def apply_suppression(
    rows: Iterable[tuple[str, AreaLevel, str, str, int]],
    areas: Sequence[AreaRow],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    check_bounds: bool = True,
) -> list[IndicatorValue]:
    """Primary + complementary suppression of indicator values.

    Per indicator, every published node (area level × area × period) goes into one
    structure: each parent area is tied to its children for the same period, and each
    year to its quarters for the same area.  Distinct-client counts are not additive
    (a person may be counted in two municipalities or quarters), so these constraints
    are ``exact=False``: the complementary step treats them as sums, which is
    conservative, and the audit reads them as ``max(parts) <= total <= sum(parts)``.
    """
    rows = list(rows)
    # Areas without clients have no row; they are published as 0 (a zero reveals no one).
    all_nodes: list[tuple[AreaLevel, str]] = [("municipality", a.municipality_code) for a in areas]
    all_nodes += sorted({("county", a.county_code) for a in areas})
    all_nodes += sorted({("cooperation_area", a.cooperation_area_code) for a in areas})
    all_nodes.append(("country", COUNTRY_CODE))
    period_codes = list(dict.fromkeys(r[3] for r in rows))
    by_ind: dict[str, dict[RegisterNode, int]] = {}
    for ind in dict.fromkeys(r[0] for r in rows):
        by_ind[ind] = {(lv, code, per): 0 for per in period_codes for lv, code in all_nodes}
    for ind, level, code, period, value in rows:
        by_ind[ind][(level, code, period)] = int(value)

    parent_area: dict[tuple[AreaLevel, str], tuple[AreaLevel, str]] = {}
    for a in areas:
        parent_area[("municipality", a.municipality_code)] = ("county", a.county_code)
        parent_area[("county", a.county_code)] = ("cooperation_area", a.cooperation_area_code)
        parent_area[("cooperation_area", a.cooperation_area_code)] = ("country", COUNTRY_CODE)

    out: list[IndicatorValue] = []
    for ind in sorted(by_ind):
        values = by_ind[ind]
        parent: dict[RegisterNode, RegisterNode | None] = {
            (lv, code, per): (*parent_area[(lv, code)], per)
            for (lv, code, per) in values
            if (lv, code) in parent_area
        }
        # year ↔ quarters for the same area
        extra: list[Constraint[RegisterNode]] = []
        quarters: dict[RegisterNode, list[RegisterNode]] = {}
        for lv, code, per in values:
            if "-Q" in per:
                year_node = (lv, code, per.split("-Q")[0])
                if year_node in values:
                    quarters.setdefault(year_node, []).append((lv, code, per))
        for year_node, qs in sorted(quarters.items()):
            extra.append(Constraint(year_node, tuple(sorted(qs)), exact=False))
        res = suppress_hierarchy(
            values, parent, threshold=threshold, exact=False, extra_constraints=extra,
            check_bounds=check_bounds,
        )
        for (lv, code, per), cell in res.cells.items():
            out.append(IndicatorValue(ind, lv, code, per, cell.value, cell.suppressed, cell.reason))
    return out


def aggregate_extract(
    path: Path | str,
    areas: Sequence[AreaRow],
    *,
    periods: Sequence[Period] | None = None,
    codes: Sequence[str] | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    memory_limit: str = "2GB",
    threads: int = 2,
    check_bounds: bool = True,
    engine: Engine = "duckdb",
    master: str = "local[2]",
) -> list[IndicatorValue]:
    """Distinct-client indicator values from a register extract (CSV or Parquet),
    suppressed.  ``periods`` defaults to every year (and its quarters) in the extract.
    ``progress(phase, fraction)`` is called with phases reading → aggregating →
    suppressing → done."""
    raw = aggregate_raw(path, areas, periods=periods, codes=codes, progress=progress,
                        memory_limit=memory_limit, threads=threads, engine=engine, master=master)
    if progress:
        progress("suppressing", 0.0)
    values = apply_suppression(raw, areas, threshold=threshold, check_bounds=check_bounds)
    if progress:
        progress("finished", 1.0)
    return values
