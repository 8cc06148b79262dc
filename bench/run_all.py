"""Run Ilmiö's benchmarks and write docs/performance.md.

    .venv/bin/python bench/run_all.py                          # everything (~30-60 min)
    .venv/bin/python bench/run_all.py --only redaction,text    # a subset
    .venv/bin/python bench/run_all.py --register-rows 2000000 --load-total 2000 --situation-reports 100000

Each ``bench/bench_<name>.py`` module has a ``run(...)`` returning a Markdown section.
The document starts with a description of the machine (CPU, cores, RAM, Python,
PostgreSQL, date, load); each benchmark's section sits between ``<!-- bench:<name> -->``
markers, so a run with ``--only`` replaces those sections and keeps the others as they
were measured before (each section says when).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
OUTPUT = ROOT / "docs" / "performance.md"
BENCHMARKS = ("redaction", "text", "register", "load", "situation")
TITLES = {
    "redaction": "Redaction: ilmio.privacy vs Presidio",
    "text": "Text core: classifier suggestions and similar reports",
    "register": "Register extracts: DuckDB vs pandas",
    "load": "Load without loss: report submissions under concurrency",
    "situation": "Situational picture with a million reports",
}
INTRO = """# Performance

Measured with `bench/run_all.py` (one entry point for every `bench/bench_*.py`; `--only`
runs a subset and keeps the other sections). Numbers are from one run on the machine
described below, which other jobs share: figures move with its load, so each section
states the load average it saw. Re-run to replace them.
"""


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    postgres = "not reachable"
    try:
        import psycopg

        url = os.environ.get("ILMIO_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
        with psycopg.connect(url, connect_timeout=3) as connection:
            postgres = str(connection.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
    except Exception:  # noqa: BLE001 - the description says it is missing
        pass
    load = os.getloadavg()
    return "\n".join([
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {cpu} |",
        f"| cores available | {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()} |",
        f"| RAM | {memory} |",
        f"| OS | {platform.system()} {platform.release()} |",
        f"| Python | {platform.python_version()} |",
        f"| PostgreSQL | {postgres} |",
        f"| date | {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')} |",
        f"| load average at start (1/5/15 min) | {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} |",
    ])  # fmt: skip


def runners(args: argparse.Namespace) -> dict[str, Callable[[], str]]:
    def module(name: str) -> Any:
        return importlib.import_module(f"bench_{name}")

    return {
        "redaction": lambda: module("redaction").run(),
        "text": lambda: module("text").run(args.similarity_docs),
        "register": lambda: module("register").run(args.register_rows),
        "load": lambda: module("load").run(total=args.load_total, users=args.load_users),
        "situation": lambda: module("situation").run(reports=args.situation_reports, readers=args.situation_readers),
    }


def sections(text: str) -> dict[str, str]:
    found = re.findall(r"<!-- bench:(\w+) -->\n(.*?)<!-- /bench:\1 -->", text, flags=re.S)
    return {name: body for name, body in found}


def tail(text: str) -> str:
    """Sections written by hand after the last benchmark (the test suite, log-in): kept."""
    ends = [m.end() for m in re.finditer(r"<!-- /bench:\w+ -->", text)]
    return text[ends[-1]:].strip() if ends else ""


def render(machine_text: str, bodies: dict[str, str], notes: str, kept: str = "") -> str:
    parts = [INTRO, machine_text, ""]
    if notes:
        parts += [notes, ""]
    for name in BENCHMARKS:
        if name in bodies:
            parts += [f"<!-- bench:{name} -->\n{bodies[name]}<!-- /bench:{name} -->", ""]
    if kept:
        parts += [kept, ""]
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help=f"comma-separated subset of {','.join(BENCHMARKS)}")
    parser.add_argument("--register-rows", type=int, default=20_000_000)
    parser.add_argument("--similarity-docs", type=int, default=50_000)
    parser.add_argument("--load-total", type=int, default=10_000)
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--situation-reports", type=int, default=1_000_000)
    parser.add_argument("--situation-readers", type=int, default=10)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--notes", type=Path, help="a Markdown file whose text goes under the machine description")
    args = parser.parse_args(argv)
    chosen = [n.strip() for n in args.only.split(",")] if args.only else list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; choose from {', '.join(BENCHMARKS)}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilmio.settings")

    existing = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    bodies = sections(existing)
    machine_text = machine()
    failed = []
    for name in chosen:
        print(f"==> {name}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            result = runners(args)[name]()
        except Exception:  # noqa: BLE001 - one failing benchmark must not lose the others
            failed.append(name)
            result = "**The benchmark failed:**\n\n```\n" + traceback.format_exc()[-3000:] + "```"
        took = time.perf_counter() - started
        load = os.getloadavg()
        stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        bodies[name] = (f"## {TITLES[name]}\n\n{result.strip()}\n\n_Measured {stamp}, {took:.0f} s, "
                        f"load average after {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}._\n")  # fmt: skip
        print(bodies[name], flush=True)
        # Written after each benchmark: a long run that stops keeps what it measured.
        notes = args.notes.read_text(encoding="utf-8").strip() if args.notes else _notes(existing)
        args.output.write_text(render(machine_text, bodies, notes, tail(existing)), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 1 if failed else 0


def _notes(existing: str) -> str:
    """Text between the machine table and the first section, kept across runs."""
    match = re.search(r"## Machine\n.*?\n\n(.*?)(?=<!-- bench:|\Z)", existing, flags=re.S)
    return match.group(1).strip() if match else ""


if __name__ == "__main__":
    raise SystemExit(main())
