"""Synthetic monitoring-register extracts: realistic episodes of social-welfare services.

Demo and benchmark data only; the product aggregates extracts (``ilmio.stats.register``)
but never invents them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from ilmio.stats.register import AGE_GROUPS, insert_rows

# Relative weight of each service by age group (rows: AGE_GROUPS order).  Young people
# use child welfare and housing counselling, working ages social assistance and
# substance/mental-health services, the old home care.
_SERVICE_MIX: dict[str, tuple[float, ...]] = {
    #                           0-17 18-24 25-34 35-44 45-54 55-64 65-74 75+
    "asumispalvelu":              (0,   3,    4,    4,    5,    5,    4,    6),
    "asumisneuvonta":             (0,   8,    6,    4,    4,    3,    2,    1),
    "tilapainen_majoitus":        (0,   3,    3,    3,    3,    2,    1,    0),
    "toimeentulotuki_taydentava": (0,  14,   14,   12,   10,    8,    3,    1),
    "toimeentulotuki_ehkaiseva":  (0,   5,    6,    5,    4,    3,    2,    1),
    "talous_ja_velkaneuvonta":    (0,   3,    5,    5,    5,    4,    3,    1),
    "paihdekuntoutus":            (0,   3,    5,    5,    5,    4,    2,    0),
    "paihdehuollon_avopalvelu":   (1,   5,    7,    6,    6,    5,    2,    1),
    "mielenterveyskuntoutus":     (0,   5,    6,    5,    4,    3,    1,    1),
    "mielenterveyden_avopalvelu": (2,  10,    9,    7,    6,    4,    2,    1),
    "lastensuojelu_avohuolto":    (40,  4,    0,    0,    0,    0,    0,    0),
    "kotihoito":                  (0,   0,    0,    1,    1,    3,   12,   45),
    "tyollistymista_tukeva":      (0,   8,    9,    8,    7,    5,    0,    0),
    "kuntouttava_tyotoiminta":    (0,   4,    5,    5,    4,    3,    0,    0),
    "turvakoti":                  (3,   2,    3,    2,    1,    1,    0,    0),
    "lahisuhdevakivaltatyo":      (3,   3,    4,    3,    2,    1,    1,    1),
    "sosiaaliohjaus":             (10, 12,    8,    6,    6,    5,    4,    5),
    "tulkkaus_ja_asiointiapu":    (1,   2,    3,    3,    2,    1,    1,    1),
    "digituki":                   (0,   1,    1,    1,    1,    2,    4,    5),
}
_AGE_WEIGHTS = (14, 9, 14, 15, 13, 13, 12, 10)  # clients by age group
# mean episode length in days
_DURATION = {s: d for s, d in {
    "asumispalvelu": 300, "kotihoito": 240, "mielenterveyskuntoutus": 200,
    "paihdekuntoutus": 90, "lastensuojelu_avohuolto": 180, "tyollistymista_tukeva": 150,
    "kuntouttava_tyotoiminta": 120, "turvakoti": 20, "tilapainen_majoitus": 30,
}.items()}
_MONTH_WEIGHTS = (11, 10, 9, 8, 8, 6, 5, 7, 10, 10, 9, 8)  # seasonality: more in winter
_BUCKETS = 1 << 20


def generate_extract(
    path: Path | str,
    rows: int,
    *,
    municipalities: Sequence[tuple[str, str, int]],
    seed: int = 0,
    format: Literal["parquet", "csv"] = "parquet",  # noqa: A002 - mirrors DuckDB's COPY option
    years: Sequence[int] = (2023, 2024),
    episodes_per_person: float = 2.5,
    mobility: float = 0.04,
    memory_limit: str = "2GB",
    threads: int = 2,
) -> Path:
    """Write a realistic synthetic extract of ``rows`` episodes, built inside DuckDB.

    ``municipalities`` is ``(code, county_code, population)``.  People are drawn in
    proportion to population; a person has on average ``episodes_per_person``
    episodes (Poisson-like repeats), a fixed home municipality, age group and sex; a
    ``mobility`` share of episodes happens in another municipality; the service mix
    depends on the age group; start months follow a winter-heavy seasonality; episode
    lengths are exponential with a per-service mean and later ones may be ongoing
    (``end_date`` NULL).
    """
    import duckdb

    if rows < 0:
        raise ValueError("rows must be >= 0")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    munis = sorted((str(c), str(cc), int(p)) for c, cc, p in municipalities)
    if not munis:
        raise ValueError("no municipalities")
    total_pop = sum(max(p, 1) for _, _, p in munis)
    persons = max(1, int(rows / episodes_per_person))
    last = date(max(years), 12, 31)
    n_years = max(years) - min(years) + 1

    con = duckdb.connect(config={"memory_limit": memory_limit, "threads": threads})
    try:
        con.execute("CREATE TEMP TABLE g_muni (code VARCHAR, county VARCHAR, pop BIGINT)")
        insert_rows(con, "g_muni", [(c, cc, max(p, 1)) for c, cc, p in munis])
        # bucket → municipality / age group / service / month lookup tables, so the
        # per-row draws are cheap equi-joins (ranges are expanded with unnest(range())).
        con.execute(f"""
            CREATE TEMP TABLE g_mbucket AS
            WITH c AS (
                SELECT code, county,
                       floor((sum(pop) OVER (ORDER BY code) - pop) * {_BUCKETS} / {total_pop})::BIGINT AS lo,
                       floor(sum(pop) OVER (ORDER BY code) * {_BUCKETS} / {total_pop})::BIGINT AS hi
                FROM g_muni)
            SELECT unnest(range(lo, hi)) AS bucket, code, county FROM c
        """)
        age_rows: list[tuple[object, ...]] = []
        svc_rows: list[tuple[object, ...]] = []
        lo = 0
        for i, w in enumerate(_AGE_WEIGHTS):
            hi = lo + round(1000 * w / sum(_AGE_WEIGHTS)) if i < len(_AGE_WEIGHTS) - 1 else 1000
            age_rows.append((AGE_GROUPS[i], lo, hi))
            lo = hi
            col = {s: mix[i] for s, mix in _SERVICE_MIX.items() if mix[i] > 0}
            tot, acc = sum(col.values()), 0.0
            items = list(col.items())
            for j, (s, w2) in enumerate(items):
                b0 = round(1000 * acc / tot)
                acc += w2
                b1 = round(1000 * acc / tot) if j < len(items) - 1 else 1000
                svc_rows.append((AGE_GROUPS[i], s, _DURATION.get(s, 60), b0, b1))
        month_rows: list[tuple[object, ...]] = []
        acc2 = 0
        for m, w in enumerate(_MONTH_WEIGHTS, 1):
            b0 = round(1000 * acc2 / sum(_MONTH_WEIGHTS))
            acc2 += w
            month_rows.append((m, b0, round(1000 * acc2 / sum(_MONTH_WEIGHTS))))
        con.execute("CREATE TEMP TABLE g_age_r (age_group VARCHAR, lo INTEGER, hi INTEGER)")
        insert_rows(con, "g_age_r", age_rows)
        con.execute("CREATE TEMP TABLE g_svc_r (age_group VARCHAR, service VARCHAR, "
                    "mean_days INTEGER, lo INTEGER, hi INTEGER)")
        insert_rows(con, "g_svc_r", svc_rows)
        con.execute("CREATE TEMP TABLE g_month_r (month INTEGER, lo INTEGER, hi INTEGER)")
        insert_rows(con, "g_month_r", month_rows)
        con.execute("CREATE TEMP TABLE g_age AS "
                    "SELECT unnest(range(lo, hi))::INTEGER AS bucket, age_group FROM g_age_r")
        con.execute("CREATE TEMP TABLE g_svc AS SELECT age_group, "
                    "unnest(range(lo, hi))::INTEGER AS bucket, service, mean_days FROM g_svc_r")
        con.execute("CREATE TEMP TABLE g_month AS "
                    "SELECT unnest(range(lo, hi))::INTEGER AS bucket, month FROM g_month_r")

        # Four 64-bit hashes per row, sliced into independent uniforms: deterministic
        # regardless of DuckDB's thread schedule (unlike random()) and cheap.
        sql = f"""
        WITH ep AS (
            SELECT range AS i, hash(range, {seed}, 2) AS he, hash(range, {seed}, 3) AS hd,
                   (hash(range, {seed}, 1) & 1099511627775) / 1099511627776.0 AS u_p
            FROM range({rows})
        ),
        ep1 AS (
            -- mildly skewed person draw: some people have many episodes
            SELECT *, floor((u_p + u_p * u_p) / 2 * {persons})::BIGINT AS person_id FROM ep
        ),
        ep2 AS (
            SELECT person_id,
                   CASE WHEN (he & 65535) / 65536.0 < {mobility}
                        THEN (he >> 16) & 1048575
                        ELSE hash(person_id, {seed}, 4) & 1048575 END AS mbucket,
                   (((hash(person_id, {seed}, 4) >> 20) & 1023) % 1000)::INTEGER AS abucket,
                   (((he >> 36) & 1023) % 1000)::INTEGER AS sbucket,
                   (((he >> 46) & 1023) % 1000)::INTEGER AS monbucket,
                   ((he >> 56) % {n_years})::INTEGER AS year_off,
                   ((hd & 1048575) + 0.5) / 1048576.0 AS u_day,
                   (((hd >> 20) & 1048575) + 0.5) / 1048576.0 AS u_len,
                   ((hash(person_id, {seed}, 4) >> 30) & 65535) / 65536.0 AS u_sex
            FROM ep1
        )
        SELECT e.person_id,
               m.county AS county_code,
               m.code AS municipality_code,
               s.service,
               (make_date({min(years)} + e.year_off, mo.month, 1)
                 + floor(e.u_day * 28)::INTEGER) AS start_date,
               CASE WHEN (make_date({min(years)} + e.year_off, mo.month, 1)
                           + floor(e.u_day * 28)::INTEGER
                           + floor(-ln(1 - e.u_len) * s.mean_days)::INTEGER) > DATE '{last}'
                    THEN NULL
                    ELSE (make_date({min(years)} + e.year_off, mo.month, 1)
                           + floor(e.u_day * 28)::INTEGER
                           + floor(-ln(1 - e.u_len) * s.mean_days)::INTEGER) END AS end_date,
               a.age_group,
               CASE WHEN e.u_sex < 0.005 THEN NULL WHEN e.u_sex < 0.5 THEN '1' ELSE '2' END AS sex
        FROM ep2 e
        JOIN g_mbucket m ON m.bucket = e.mbucket
        JOIN g_age a ON a.bucket = e.abucket
        JOIN g_svc s ON s.age_group = a.age_group AND s.bucket = e.sbucket
        JOIN g_month mo ON mo.bucket = e.monbucket
        """
        target = str(path).replace("'", "''")
        con.execute("SET preserve_insertion_order = false")  # lets the writer run in parallel
        opts = "FORMAT parquet" if format == "parquet" \
            else "FORMAT csv, HEADER true"
        con.execute(f"COPY ({sql}) TO '{target}' ({opts})")
    finally:
        con.close()
    return path
