"""Benchmark: the register indicators on DuckDB and on Apache Spark (local mode), same SQL.

    .venv/bin/python bench/bench_spark.py                       # 20 M and 100 M rows
    .venv/bin/python bench/bench_spark.py --rows 20000000

Each engine runs in its own process on the same synthetic Parquet extract (generated once,
cached in bench/.cache/ by bench_register.ensure_extract), all indicators, all four area
levels, yearly + quarterly. Peak memory is the process's and its children's (Spark's JVM).
Every value is compared between the engines.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import YEARS, _areas, ensure_extract  # noqa: E402


def _worker(engine: str, path: Path, out: Path) -> None:
    from ilmio.stats.register import aggregate_raw, yearly_and_quarterly

    t0 = time.perf_counter()
    rows = aggregate_raw(path, _areas(), periods=yearly_and_quarterly(YEARS), memory_limit="4GB", threads=2,
                         engine=engine, master="local[2]")  # type: ignore[arg-type]
    seconds = time.perf_counter() - t0
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    out.write_text(json.dumps({"seconds": seconds, "peak_mib": peak / 1024, "rows": rows}))


def _spawn(engine: str, path: Path) -> dict:
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "result.json"
        subprocess.run([sys.executable, __file__, "--worker", engine, "--path", str(path), "--out", str(out)],
                       check=True)  # fmt: skip
        return json.loads(out.read_text())


def run(sizes: tuple[int, ...] = (20_000_000, 100_000_000)) -> str:
    lines = ["| extract rows | engine | time (s) | peak memory (MiB) | values | equal |", "|---:|---|---:|---:|---:|---|"]
    notes = []
    for rows in sizes:
        path, gen_s = ensure_extract(rows)
        if gen_s is not None:
            notes.append(f"{rows:,}-row extract generated in {gen_s:.0f} s ({path.stat().st_size / 2**20:.0f} MiB).")
        duck, spark = _spawn("duckdb", path), _spawn("spark", path)
        equal = sorted(map(tuple, duck["rows"])) == sorted(map(tuple, spark["rows"]))
        for name, result in (("DuckDB (2 threads, 4 GB)", duck), ("Spark local[2] (driver 2 GB)", spark)):
            lines.append(f"| {rows:,} | {name} | {result['seconds']:.1f} | {result['peak_mib']:.0f} | "
                         f"{len(result['rows']):,} | {'yes' if equal else 'NO'} |")  # fmt: skip
    load = os.getloadavg()
    return "\n".join([f"Register indicators, DuckDB vs Spark on this machine ({os.cpu_count()} CPUs, load average "
                      f"after {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}):", "", *lines, "", *notes])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, action="append", help="extract size (repeatable; default 20 M and 100 M)")
    ap.add_argument("--worker", choices=["duckdb", "spark"], help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.path, args.out)
        return 0
    print(run(tuple(args.rows) if args.rows else (20_000_000, 100_000_000)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
