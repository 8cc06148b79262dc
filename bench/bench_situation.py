"""Benchmark: the situational picture with a million reports in PostgreSQL.

    .venv/bin/python bench/bench_situation.py                    # 1,000,000 reports
    .venv/bin/python bench/bench_situation.py --reports 200000 --readers 10

A fresh database (``bench_load.LoadServer``: migrated, reference data, gunicorn on
loopback) gets ``--reports`` synthetic reports by COPY: every county and active
municipality (weighted by population; one in ten county-wide), 24 months, a primary
phenomenon on each, with the M2M rows of municipalities and phenomena. Then ``--readers``
concurrent readers request ``/situation/?level=country`` and
``/situation/?level=county&area=15``:

* ``ilmio recount`` after the COPY (a bulk import bypasses the ORM signals): the monthly
  counts and every suppressed period table, as an import job would do;
* first round: all readers at once;
* warm: ``--warm-requests`` requests once the aggregates are cached;
* churn: every reader reads for ``--churn-seconds`` while a process submits two reports
  a second through ``submit_report`` (the current month, quarter and year keep changing).

Finally the cold computation is profiled in-process (cProfile, one period granularity)
to show where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_load import DEFAULT_POSTGRES, LoadServer  # noqa: E402

PATHS = {"country": "/situation/?level=country", "county 15": "/situation/?level=county&area=15"}
REQUEST_TIMEOUT = 1800


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def insert_reports(server: LoadServer, count: int, *, seed: int = 1, months: int = 24) -> float:
    """COPY ``count`` synthetic reports (and their M2M rows) into the server's database."""
    import psycopg

    rng = random.Random(seed)
    started = time.perf_counter()
    with psycopg.connect(server.database_url) as connection:
        municipalities = connection.execute(
            "SELECT m.id, m.county_id, m.code FROM areas_municipality m WHERE m.active").fetchall()
        population = dict(connection.execute(
            "SELECT municipality_code, population FROM areas_population p WHERE year = "
            "(SELECT MAX(year) FROM areas_population)").fetchall())
        counties = [row[0] for row in connection.execute("SELECT id FROM areas_county ORDER BY id")]
        phenomena = [row[0] for row in connection.execute(
            "SELECT id FROM taxonomy_phenomenon WHERE active ORDER BY position")]
        weights = [max(int(population.get(code, 1000)), 100) for _id, _county, code in municipalities]
        now = datetime.now(UTC).replace(microsecond=0)
        span = timedelta(days=30.44 * months).total_seconds()
        by_county: dict[int, list[int]] = {}
        for municipality_id, county_id, _code in municipalities:
            by_county.setdefault(county_id, []).append(municipality_id)
        chosen_municipalities = rng.choices(municipalities, weights=weights, k=count)
        county_wide = set(rng.sample(range(count), count // 10))
        links: list[tuple[int, int]] = []
        phenomenon_links: list[tuple[int, int]] = []
        with connection.cursor() as cursor:
            columns = ("id, public_id, county_id, title, description, kind, whole_county, prevalence, observed_since, "
                       "trend, effects, proposed_action, reporter_type, partner_organisation_type, language, channel, "
                       "status, redaction_counts, created_at, updated_at, primary_phenomenon_id, statistics_municipality_id, "
                       "idempotency_scope, idempotency_fingerprint, in_statistics")  # fmt: skip
            with cursor.copy(f"COPY reports_report ({columns}) FROM STDIN") as copy:
                for index in range(count):
                    report_id = index + 1
                    municipality_id, county_id, _code = chosen_municipalities[index]
                    statistics_municipality: int | None = municipality_id
                    if index in county_wide:
                        county_id = rng.choice(counties) if rng.random() < 0.2 else county_id
                        statistics_municipality = None
                    else:
                        links.append((report_id, municipality_id))
                    phenomenon = rng.choice(phenomena)
                    phenomenon_links.append((report_id, phenomenon))
                    created = now - timedelta(seconds=rng.random() * span)
                    copy.write_row((report_id, uuid.UUID(int=rng.getrandbits(128), version=4), county_id,
                                    f"Synteettinen havainto {report_id}", "Vuokrarästit ja häätöuhat ovat lisääntyneet.",
                                    "concern", index in county_wide, "several", "unknown", "unknown", "", "",
                                    "professional", "", "fi", "import", "received", "{}", created, created,
                                    phenomenon, statistics_municipality, "", "", True))  # fmt: skip
            with cursor.copy("COPY reports_report_municipalities (report_id, municipality_id) FROM STDIN") as copy:
                for row in links:
                    copy.write_row(row)
            with cursor.copy("COPY reports_report_phenomena (report_id, phenomenon_id) FROM STDIN") as copy:
                for row in phenomenon_links:
                    copy.write_row(row)
            cursor.execute("SELECT setval(pg_get_serial_sequence('reports_report', 'id'), %s)", (count,))
        connection.commit()
        with connection.cursor() as cursor:
            connection.autocommit = True
            cursor.execute("ANALYZE reports_report; ANALYZE reports_report_municipalities; ANALYZE reports_report_phenomena")
    return time.perf_counter() - started


def recount(server: LoadServer) -> tuple[float, str]:
    """``ilmio recount``, as after any bulk import: monthly counts + suppressed tables."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "ilmio.cli", "recount"], env=server.env(), cwd=server.directory,
                            capture_output=True, text=True, timeout=3600, check=True)  # fmt: skip
    return time.perf_counter() - started, result.stdout.strip().splitlines()[-1]


SUBMITTER = """
import random, sys, time
import django
django.setup()
from django.utils import timezone
from ilmio.areas.models import Municipality
from ilmio.reports.services import submit_report
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon
rng = random.Random(7)
municipalities = list(Municipality.objects.filter(active=True).select_related("county"))
phenomena = list(Phenomenon.objects.filter(active=True))
stop = time.monotonic() + float(sys.argv[1])
made = 0
while time.monotonic() < stop:
    municipality = rng.choice(municipalities)
    submit_report({"title": "Uusi havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                   "phenomena": [rng.choice(phenomena)]}, county=municipality.county, channel=Report.Channel.API,
                  created_at=timezone.now())
    made += 1
    time.sleep(0.5)
print(made)
"""


def _get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def measure(server: LoadServer, readers: int, requests: int,
            churn_seconds: float = 150) -> list[tuple[str, str, int, float, float, int]]:  # fmt: skip
    """(phase, page, requests, p50 s, p95 s, errors) for the cold round, the warm run, and
    reading while new reports arrive (two a second through ``submit_report``)."""
    urls = [(name, server.base_url + path) for name, path in PATHS.items()]
    rows: list[tuple[str, str, int, float, float, int]] = []
    with ThreadPoolExecutor(max_workers=readers) as pool:
        # First round: every reader at once, half on each page.
        plan = [urls[i % len(urls)] for i in range(readers)]
        cold = list(pool.map(lambda item: (item[0], *_get(item[1])), plan))
        for name, _url in urls:
            times = [t for n, _s, t in cold if n == name]
            errors = sum(1 for n, s, _t in cold if n == name and s != 200)
            rows.append(("first round after the recount, all readers at once", name, len(times), _percentile(times, 0.5),
                         _percentile(times, 0.95), errors))  # fmt: skip
        plan = [urls[i % len(urls)] for i in range(requests)]
        warm = list(pool.map(lambda item: (item[0], *_get(item[1])), plan))
        for name, _url in urls:
            times = [t for n, _s, t in warm if n == name]
            errors = sum(1 for n, s, _t in warm if n == name and s != 200)
            rows.append(("warm (aggregates cached)", name, len(times), _percentile(times, 0.5),
                         _percentile(times, 0.95), errors))  # fmt: skip
        submitter = subprocess.Popen([sys.executable, "-c", SUBMITTER, str(churn_seconds)], env=server.env(),
                                     cwd=server.directory, stdout=subprocess.PIPE, text=True)  # fmt: skip
        stop = time.monotonic() + churn_seconds

        def read_until_stopped(index: int) -> list[tuple[str, int, float]]:
            name, url = urls[index % len(urls)]
            out = []
            while time.monotonic() < stop:
                out.append((name, *_get(url)))
            return out

        churn = [item for chunk in pool.map(read_until_stopped, range(readers)) for item in chunk]
        submitted = int((submitter.communicate(timeout=600)[0] or "0").strip() or 0)
        for name, _url in urls:
            times = [t for n, _s, t in churn if n == name]
            errors = sum(1 for n, s, _t in churn if n == name and s != 200)
            rows.append((f"while {submitted} new reports arrive ({churn_seconds:.0f} s)", name, len(times),
                         _percentile(times, 0.5), _percentile(times, 0.95), errors))  # fmt: skip
    return rows


PROFILE = """
import cProfile, io, json, pstats, sys, time
import django
django.setup()
from ilmio.indicators import aggregates
profile = cProfile.Profile()
started = time.perf_counter()
profile.enable()
geography = aggregates.Geography.load()
t0 = time.perf_counter()
raw = aggregates.report_cells("month")
t1 = time.perf_counter()
phenomena = aggregates.Aggregates("month").phenomena
from django.utils import timezone
current = aggregates.period_label(timezone.now(), "month")
tables = {}
for year in sorted({int(label[:4]) for label in raw if label < current}):
    months = [f"{year}-{m:02d}" for m in range(1, 13) if f"{year}-{m:02d}" < current]
    tables.update(aggregates.suppress_year({m: raw[m] for m in months if m in raw}, geography, phenomena,
                                           aggregates.complete_labels(year, months), 5))
t2 = time.perf_counter()
profile.disable()
out = io.StringIO()
pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(18)
# One warm request (the aggregates are cached by the readers before): where its time goes.
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
client.get("/situation/?level=country")
warm = cProfile.Profile()
t3 = time.perf_counter()
warm.enable()
status = client.get("/situation/?level=country").status_code
warm.disable()
t4 = time.perf_counter()
warm_out = io.StringIO()
pstats.Stats(warm, stream=warm_out).sort_stats("tottime").print_stats(12)
print(json.dumps({"report_cells": t1 - t0, "suppression": t2 - t1, "periods": len(tables), "profile": out.getvalue(),
                  "warm_seconds": t4 - t3, "warm_status": status, "warm_profile": warm_out.getvalue()}))
"""


def profile_cold(server: LoadServer) -> dict[str, Any]:
    env = {**server.env(), "ILMIO_AGGREGATES_SERVE_PREVIOUS": "0"}  # measure in this process, no threads
    result = subprocess.run([sys.executable, "-c", PROFILE], env=env, cwd=server.directory, capture_output=True,
                            text=True, timeout=3600)  # fmt: skip
    if result.returncode != 0:
        return {"error": result.stderr[-2000:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def information_loss(server: LoadServer) -> str:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_information_loss.py")], env=server.env(),
                            cwd=server.directory, capture_output=True, text=True, timeout=3600)  # fmt: skip
    return result.stdout.strip() if result.returncode == 0 else f"failed: {result.stderr[-1500:]}"


def _short_profile(text: str, lines: int = 14) -> str:
    keep = [line for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(keep) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(keep[start : start + lines])


def run(reports: int = 1_000_000, readers: int = 10, warm_requests: int = 200,
        database_url: str | None = None, profile: bool = True, churn_seconds: float = 150) -> str:
    database_url = database_url or os.environ.get("ILMIO_BENCH_POSTGRES_URL") or DEFAULT_POSTGRES
    with LoadServer(database_url, workers=2, threads=max(1, readers // 2), timeout=REQUEST_TIMEOUT) as server:
        insert_s = insert_reports(server, reports)
        stored = server.report_count()
        recount_s, recount_said = recount(server)
        started = time.perf_counter()
        rows = measure(server, readers, warm_requests, churn_seconds)
        measured_s = time.perf_counter() - started
        profiled = profile_cold(server) if profile else {}
        loss = information_loss(server)
    load = os.getloadavg()
    lines = [
        f"Situational picture, {stored:,} reports in PostgreSQL (COPY in {insert_s:.0f} s; all counties and "
        f"municipalities, 24 months), gunicorn 2 workers × {max(1, readers // 2)} threads, {readers} concurrent "
        f"readers over loopback (load average after the run {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}; "
        f"measuring took {measured_s:.0f} s)",
        "",
        f"After the COPY, `ilmio recount` (monthly counts from all reports, then every suppressed period "
        f"table) took {recount_s:.0f} s: {recount_said}",
        "",
        "| phase | page | requests | p50 (s) | p95 (s) | errors |",
        "|---|---|---:|---:|---:|---:|",
        *[f"| {phase} | {page} | {n} | {p50:.3f} | {p95:.3f} | {errors} |" for phase, page, n, p50, p95, errors in rows],
    ]
    lines += ["", "Information loss (`bench/bench_information_loss.py` on this database: the share of cells "
              "with 5 or more reports that are hidden, complete periods only):", "", "```", loss, "```"]
    if profiled.get("error"):
        lines += ["", f"Profiling failed: {profiled['error']}"]
    elif profiled:
        lines += [
            "",
            f"Cold computation of every year's structure ({profiled['periods']} published periods: months, "
            f"quarters and years suppressed together) in-process: "
            f"`report_cells` (from the monthly counts) {profiled['report_cells']:.2f} s, "
            f"suppression of all periods {profiled['suppression']:.1f} s (what `ilmio recount` and the "
            "background threads do, so that readers do not). cProfile, cumulative:",
            "",
            "```",
            _short_profile(profiled["profile"]),
            "```",
            "",
            f"One warm request in-process (country page, aggregates cached): {profiled['warm_seconds']:.2f} s "
            f"(status {profiled['warm_status']}). cProfile, own time:",
            "",
            "```",
            _short_profile(profiled["warm_profile"], 12),
            "```",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--warm-requests", type=int, default=200)
    parser.add_argument("--database-url", help="PostgreSQL server to create the database on")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--churn-seconds", type=float, default=150)
    args = parser.parse_args(argv)
    print(run(args.reports, args.readers, args.warm_requests, args.database_url, not args.no_profile,
              args.churn_seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
