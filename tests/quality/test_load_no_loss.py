"""Load without loss: concurrent report submissions against the production server.

gunicorn serves Ilmiö on a free loopback port with a database of its own (a fresh
PostgreSQL database on the PostgreSQL run, a temporary SQLite file otherwise; the
harness is ``bench/bench_load.py``'s ``LoadServer``). 20 threads send ~400 submissions,
one in ten a deliberate retry of a key already sent, while a few threads read the public
situational picture. Afterwards: no 5xx, every key stored exactly once, and the number
of reports equals the number of distinct keys.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISTINCT = 360
RETRIES = 40
WRITERS = 20
READERS = 3
TIMEOUT = 60

pytestmark = pytest.mark.slow


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ilmio_bench_load", ROOT / "bench" / "bench_load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server() -> Any:
    harness = _harness()
    with harness.LoadServer(os.environ.get("ILMIO_DATABASE_URL"), workers=2, threads=4) as running:
        yield running


def _request(url: str, *, body: dict[str, Any] | None = None, headers: dict[str, str] | None = None
             ) -> tuple[int, dict[str, Any] | None]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            payload = response.read()
            kind = response.headers.get("Content-Type", "")
            return response.status, json.loads(payload) if kind.startswith("application/json") else None
    except urllib.error.HTTPError as error:
        return error.code, None


def test_concurrent_submissions_are_stored_exactly_once(server: Any) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    rng = random.Random(7)
    keys = [f"load-test-{n}" for n in range(DISTINCT)]
    # Retries are spread through the run, each repeating a key sent earlier in the list
    # (possibly still in flight: the race on the unique key is part of the test).
    plan: list[tuple[int, str]] = [(n, key) for n, key in enumerate(keys)]
    for _ in range(RETRIES):
        position = rng.randrange(10, len(plan))
        n, key = plan[rng.randrange(0, position)]
        plan.insert(position, (n, key))
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}

    def submit(item: tuple[int, str]) -> tuple[str, int, str | None]:
        n, key = item
        body = {"title": f"Kuormitus {n}", "description": "Vuokrarästit ja häätöuhat ovat lisääntyneet.",
                "whole_county": True}  # fmt: skip
        status, payload = _request(f"{server.base_url}/api/v1/reports", body=body,
                                   headers={**headers, "Idempotency-Key": key})  # fmt: skip
        return key, status, (payload or {}).get("id")

    done = threading.Event()
    reads: Counter[int] = Counter()

    def read(_: int) -> None:
        for _round in range(40):  # bounded
            if done.is_set():
                break
            status, _payload = _request(f"{server.base_url}/situation/?level=country")
            reads[status] += 1

    with ThreadPoolExecutor(max_workers=READERS) as readers:
        reader_futures = [readers.submit(read, i) for i in range(READERS)]
        with ThreadPoolExecutor(max_workers=WRITERS) as writers:
            results = list(writers.map(submit, plan))
        done.set()
        for future in reader_futures:
            future.result(timeout=TIMEOUT * 2)

    statuses = Counter(status for _key, status, _id in results)
    assert not [s for s in statuses if s >= 500], f"server errors: {statuses}\n{server.log()}"
    assert set(statuses) <= {200, 201}, statuses
    assert statuses[201] == DISTINCT, statuses
    assert statuses[200] == RETRIES, statuses
    ids: dict[str, set[str | None]] = {}
    for key, _status, report_id in results:
        ids.setdefault(key, set()).add(report_id)
    assert all(len(found) == 1 for found in ids.values()), "a retry returned a different report"
    assert not [s for s in reads if s >= 500], f"situation errors: {reads}\n{server.log()}"
    assert reads[200] >= READERS, reads

    stored = server.stored_keys()
    assert sorted(stored) == sorted(keys)
    assert set(stored.values()) == {1}, {k: n for k, n in stored.items() if n != 1}
    assert server.report_count() == DISTINCT
