"""Register-extract aggregation: DuckDB equals a plain Python computation, results are
suppressed, and the very same SQL runs on PostgreSQL."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import pytest
from tests.stats.register_data import AREAS, MUNIS, PERIODS

from ilmio.stats.register import (
    COUNTRY_CODE,
    aggregate_extract,
    aggregate_raw,
    indicator_sql,
    indicators,
    reference_tables,
)
from ilmio_demo.register_extract import generate_extract


def _episodes(path: Path) -> list[tuple]:
    return duckdb.connect().execute(
        "SELECT person_id, county_code, municipality_code, service, start_date, end_date, "
        f"age_group, sex FROM read_parquet('{path}')"
    ).fetchall()


def _reference(rows: list[tuple]) -> dict[tuple[str, str, str, str], int]:
    """The indicator definitions computed the obvious way, with Python sets."""
    parent = {a.municipality_code: a for a in AREAS}
    sets: dict[tuple[str, str, str, str], set[int]] = defaultdict(set)
    for ind in indicators():
        for pid, _c, muni, svc, start, end, age, _sex in rows:
            if svc not in ind.services or (ind.age_groups and age not in ind.age_groups):
                continue
            if end is not None and end < start:
                continue
            a = parent[muni]
            for per in PERIODS:
                if start <= per.end and (end is None or end >= per.start):
                    for level, code in (("municipality", muni), ("county", a.county_code),
                                        ("cooperation_area", a.cooperation_area_code),
                                        ("country", COUNTRY_CODE)):
                        sets[(ind.code, level, code, per.code)].add(pid)
    return {k: len(v) for k, v in sets.items()}


def test_generator_is_realistic(extract: Path) -> None:
    con = duckdb.connect()
    q = f"FROM read_parquet('{extract}')"
    n, persons, ongoing, munis = con.execute(
        f"SELECT count(*), count(DISTINCT person_id), count(*) - count(end_date), "
        f"count(DISTINCT municipality_code) {q}").fetchone()
    assert n == 30_000 and persons < n * 0.8 and ongoing > 0 and munis == len(AREAS)
    # population-weighted: Helsinki has far more episodes than Sottunga-sized 601
    by_m = dict(con.execute(f"SELECT municipality_code, count(*) {q} GROUP BY 1").fetchall())
    assert by_m["091"] > 50 * by_m["601"]
    # age-dependent service mix
    kids = con.execute(f"SELECT count(*) {q} WHERE age_group = '0-17' AND service = 'kotihoito'"
                       ).fetchone()[0]
    old = con.execute(f"SELECT count(*) {q} WHERE age_group = '75+' AND service = 'kotihoito'"
                      ).fetchone()[0]
    assert kids == 0 and old > 100
    # deterministic
    again = generate_extract(extract.with_name("again.parquet"), 30_000, municipalities=MUNIS,
                             seed=3, mobility=0.25)
    assert sorted(map(repr, _episodes(again))) == sorted(map(repr, _episodes(extract)))


def test_duckdb_equals_python(extract: Path) -> None:
    got = {(i, lv, a, p): v for i, lv, a, p, v in aggregate_raw(extract, AREAS, periods=PERIODS)}
    want = _reference(_episodes(extract))
    assert got == want
    # distinct at higher levels is not the sum of municipal counts
    ind = "sosiaaliohjaus_asiakkaat"
    county = got[(ind, "county", "02", "2024")]
    munis = sum(got.get((ind, "municipality", m, "2024"), 0) for m in ("049", "092", "235"))
    assert county < munis


def test_csv_input_gives_same_result(extract: Path, tmp_path: Path) -> None:
    csv = generate_extract(tmp_path / "x.csv", 30_000, municipalities=MUNIS, seed=3,
                           mobility=0.25, format="csv")
    assert aggregate_raw(csv, AREAS, periods=PERIODS) == aggregate_raw(extract, AREAS,
                                                                       periods=PERIODS)


def test_suppressed_and_progress(extract: Path) -> None:
    phases: list[str] = []
    values = aggregate_extract(extract, AREAS, periods=PERIODS,
                               progress=lambda ph, f: phases.append(ph))
    assert phases[0] == "reading" and "suppressing" in phases and phases[-1] == "finished"
    raw = {(i, lv, a, p): v for i, lv, a, p, v in aggregate_raw(extract, AREAS, periods=PERIODS)}
    assert values
    n_primary = 0
    for v in values:
        assert v.value is None or v.value == 0 or v.value >= 5
        true = raw.get((v.indicator_code, v.area_level, v.area_code, v.period), 0)
        if 0 < true < 5:
            assert v.suppressed and v.reason == "primary"
            n_primary += 1
        if not v.suppressed:
            assert v.value == true
    assert n_primary > 0  # the small municipalities do produce small cells
    # no county published with exactly one hidden municipality under it
    by = {(v.indicator_code, v.area_level, v.area_code, v.period): v for v in values}
    for ind in {v.indicator_code for v in values}:
        for per in PERIODS:
            for county in {a.county_code for a in AREAS}:
                kids = [by[(ind, "municipality", a.municipality_code, per.code)]
                        for a in AREAS if a.county_code == county]
                hidden = sum(k.suppressed for k in kids)
                hidden += by[(ind, "county", county, per.code)].suppressed
                assert hidden != 1


def test_same_sql_runs_on_postgresql(extract: Path, pg_conn: object) -> None:
    rows = _episodes(extract)
    duck = aggregate_raw(extract, AREAS, periods=PERIODS)
    with pg_conn.cursor() as cur:  # type: ignore[attr-defined]
        cur.execute("BEGIN")
        try:
            cur.execute(
                "CREATE TEMP TABLE register_extract (person_id BIGINT, county_code VARCHAR(2), "
                "municipality_code VARCHAR(3), service VARCHAR(100), start_date DATE, "
                "end_date DATE, age_group VARCHAR(10), sex VARCHAR(1)) ON COMMIT DROP"
            )
            with cur.copy("COPY register_extract FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
            for stmt in reference_tables(AREAS, PERIODS):
                cur.execute(stmt)
            cur.execute(indicator_sql())  # unchanged text
            pg = [(i, lv, a, p, int(v)) for i, lv, a, p, v in cur.fetchall()]
        finally:
            cur.execute("ROLLBACK")
    assert sorted(pg) == sorted(duck)


def test_periods_must_be_quarters() -> None:
    from ilmio.stats.register import Period

    with pytest.raises(ValueError):
        reference_tables(AREAS, [Period("x", date(2024, 1, 15), date(2024, 3, 31))])
    with pytest.raises(ValueError):
        reference_tables(AREAS, [Period("x", date(2024, 1, 1), date(2024, 3, 30))])
    assert reference_tables(AREAS, [Period("H1", date(2024, 1, 1), date(2024, 6, 30))])
