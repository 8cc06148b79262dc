"""Benchmark: register-extract aggregation, DuckDB vs pandas, in the same run.

    .venv/bin/python bench/bench_register.py              # 20 M rows
    .venv/bin/python bench/bench_register.py --rows 2000000

Generates (once, cached in bench/.cache/) a synthetic Parquet extract, then runs each
engine in its own subprocess so that peak memory (the child's own ru_maxrss) is
measured separately: all indicators, all four area levels, yearly + quarterly.  The
two result sets are compared on a random sample of keys.  Needs the ``bench`` extra
(pandas, pyarrow).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DATA = ROOT / "src" / "ilmio" / "data"
YEARS = (2023, 2024)


def _areas() -> list:
    from ilmio.stats.register import load_areas_csv

    return load_areas_csv(DATA / "municipalities_2025.csv")


def _municipalities() -> list[tuple[str, str, int]]:
    pop: dict[str, int] = {}
    with open(DATA / "population_by_municipality_2000_2022.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["year"] == "2022":
                pop[r["municipality_code"]] = int(r["population"])
    return [(a.municipality_code, a.county_code, pop.get(a.municipality_code, 1000))
            for a in _areas()]


def ensure_extract(rows: int) -> tuple[Path, float | None]:
    from ilmio_demo.register_extract import generate_extract

    path = CACHE / f"extract_{rows}_seed0.parquet"
    if path.exists():
        return path, None
    t0 = time.perf_counter()
    tmp = path.with_suffix(".tmp.parquet")
    generate_extract(tmp, rows, municipalities=_municipalities(), seed=0, years=YEARS)
    tmp.rename(path)
    return path, time.perf_counter() - t0


# --------------------------------------------------------------------------- workers


def _duckdb_worker(path: Path) -> list[tuple[str, str, str, str, int]]:
    from ilmio.stats.register import aggregate_raw, yearly_and_quarterly

    return aggregate_raw(path, _areas(), periods=yearly_and_quarterly(YEARS),
                         memory_limit="2GB", threads=2)


def _pandas_worker(path: Path) -> list[tuple[str, str, str, str, int]]:
    """The same indicators the way an analyst would write them in pandas."""
    import pandas as pd

    from ilmio.stats.register import COUNTRY_CODE, indicators, yearly_and_quarterly

    areas = pd.DataFrame([tuple(a) for a in _areas()],
                         columns=["municipality_code", "county_code", "cooperation_area_code"])
    df = pd.read_parquet(path, columns=["person_id", "municipality_code", "service",
                                        "start_date", "end_date", "age_group"])
    df["start_date"] = pd.to_datetime(df["start_date"])
    df["end_date"] = pd.to_datetime(df["end_date"])
    df = df[df["end_date"].isna() | (df["end_date"] >= df["start_date"])]
    df = df.merge(areas, on="municipality_code", how="inner")
    out: list[tuple[str, str, str, str, int]] = []
    for ind in indicators():
        sel = df["service"].isin(ind.services)
        if ind.age_groups:
            sel &= df["age_group"].isin(ind.age_groups)
        sub = df.loc[sel]
        for per in yearly_and_quarterly(YEARS):
            start, end = pd.Timestamp(per.start), pd.Timestamp(per.end)
            hit = sub[(sub["start_date"] <= end)
                      & (sub["end_date"].isna() | (sub["end_date"] >= start))]
            for level, col in (("municipality", "municipality_code"), ("county", "county_code"),
                               ("cooperation_area", "cooperation_area_code")):
                counts = hit.drop_duplicates(["person_id", col]).groupby(col).size()
                out += [(ind.code, level, str(k), per.code, int(v)) for k, v in counts.items()]
            n = hit["person_id"].nunique()
            if n:
                out.append((ind.code, "country", COUNTRY_CODE, per.code, int(n)))
    return out


def _worker(engine: str, path: Path, out: Path) -> None:
    t0 = time.perf_counter()
    rows = _duckdb_worker(path) if engine == "duckdb" else _pandas_worker(path)
    seconds = time.perf_counter() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    out.write_text(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "rows": rows}))


def _spawn(engine: str, path: Path) -> dict:
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "result.json"
        subprocess.run([sys.executable, __file__, "--worker", engine, "--path", str(path),
                        "--out", str(out)], check=True)
        return json.loads(out.read_text())


# --------------------------------------------------------------------------- driver


def run(rows: int = 20_000_000, *, sample: int = 500, repeat: int = 3) -> str:
    """Run the benchmark and return a Markdown report (DuckDB ``repeat`` times, each in a
    fresh process; pandas once — it takes ten times longer)."""
    path, gen_s = ensure_extract(rows)
    runs = [_spawn("duckdb", path) for _ in range(max(1, repeat))]
    duck = runs[0]
    times = sorted(r["seconds"] for r in runs)
    median = times[len(times) // 2]
    pand = _spawn("pandas", path)
    d = {tuple(r[:4]): r[4] for r in duck["rows"]}
    p = {tuple(r[:4]): r[4] for r in pand["rows"]}
    keys = sorted(d)
    rng = random.Random(0)
    checked = rng.sample(keys, min(sample, len(keys)))
    bad = [k for k in checked if d[k] != p.get(k)]
    assert not bad, f"DuckDB and pandas disagree on {len(bad)} sampled keys, e.g. {bad[:3]}"
    assert len(d) == len(p), (len(d), len(p))
    load = os.getloadavg()
    lines = [
        f"Register aggregation, {rows:,} episode rows, {len(d):,} indicator values "
        f"({len(checked)} sampled keys identical; {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f})",
        "",
        "| engine | time (s) | peak memory (MiB) |",
        "|---|---:|---:|",
        f"| DuckDB (2 threads, memory_limit 2GB), median of {len(runs)} (fastest {times[0]:.1f}, slowest "
        f"{times[-1]:.1f}) | {median:.1f} | {max(r['peak_mib'] for r in runs):.0f} |",
        f"| pandas | {pand['seconds']:.1f} | {pand['peak_mib']:.0f} |",
    ]
    if gen_s is not None:
        lines += ["", f"Extract generated in {gen_s:.1f} s ({path.stat().st_size / 2**20:.0f} MiB)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--worker", choices=["duckdb", "pandas"], help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.path, args.out)
        return 0
    print(run(args.rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
