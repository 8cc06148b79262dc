"""locust scenario for ``bench/bench_load.py``: report writers and situational-picture readers.

Environment: ``LOAD_TOKEN`` (bearer token of a reporter), ``LOAD_TOTAL`` (distinct
submissions, default 10000), ``LOAD_WRITERS`` / ``LOAD_READERS`` (how many users of each
kind), ``LOAD_RESULT`` (a JSON file written at the end: status codes, answered keys,
retries). Every tenth request of a writer repeats a key that was already sent. When
``LOAD_TOTAL`` distinct keys are answered, the run stops itself.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections import Counter
from typing import Any

import gevent
from locust import HttpUser, between, constant, events, task
from locust.exception import StopUser

TOKEN = os.environ.get("LOAD_TOKEN", "")
TOTAL = int(os.environ.get("LOAD_TOTAL", "10000"))
RETRY_EVERY = 10
RUN_ID = uuid.uuid4().hex[:8]

# locust runs its users as gevent greenlets in one process: plain counters are safe.
state: dict[str, Any] = {"issued": 0, "sent": [], "answered": set(), "retries": 0, "writes": 0,
                         "statuses": Counter()}


def _body(number: int) -> str:
    return json.dumps({
        "title": f"Kuormitustesti {number}",
        "description": "Asiakkaiden vuokrarästit ja häätöuhat ovat lisääntyneet alueella viime kuukausina.",
        "whole_county": True,
        "phenomena": ["asuminen"] if number % 2 else [],
    })  # fmt: skip


class ReportWriter(HttpUser):
    fixed_count = int(os.environ.get("LOAD_WRITERS", "50"))
    wait_time = constant(0)

    def on_start(self) -> None:
        self.client.headers.update({"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        self.requests = 0

    def _post(self, key: str, number: int, name: str) -> None:
        with self.client.post("/api/v1/reports", data=_body(number), headers={"Idempotency-Key": key},
                              name=name, catch_response=True) as response:  # fmt: skip
            state["statuses"][str(response.status_code)] += 1
            state["writes"] += 1
            if response.status_code in (200, 201):
                state["answered"].add(key)
                response.success()
            else:
                response.failure(f"status {response.status_code}")

    @task
    def submit(self) -> None:
        if state["issued"] >= TOTAL:
            raise StopUser()
        self.requests += 1
        if self.requests % RETRY_EVERY == 0 and state["sent"]:
            key, number = random.choice(state["sent"])
            state["retries"] += 1
            self._post(key, number, "POST /api/v1/reports (retry)")
        else:
            state["issued"] += 1
            number = state["issued"]
            key = f"load-{RUN_ID}-{number}"
            state["sent"].append((key, number))
            self._post(key, number, "POST /api/v1/reports")
        if state["issued"] >= TOTAL and state["writes"] >= state["issued"] + state["retries"]:
            # The last answer is in: stop the whole run (readers too). From a greenlet of
            # its own: quit() kills every user, this one included.
            gevent.spawn(self.environment.runner.quit)


class SituationReader(HttpUser):
    fixed_count = int(os.environ.get("LOAD_READERS", "5"))
    wait_time = between(0.2, 1.0)

    def _get(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as response:
            state["statuses"][f"{response.status_code}"] += 1
            if response.status_code == 200:
                response.success()
            else:
                response.failure(f"status {response.status_code}")

    @task(3)
    def country(self) -> None:
        self._get("/situation/?level=country", "GET /situation/?level=country")

    @task(1)
    def county(self) -> None:
        self._get("/situation/?level=county&area=15", "GET /situation/?level=county&area=15")


@events.quitting.add_listener
def write_result(environment: Any, **_kwargs: Any) -> None:
    path = os.environ.get("LOAD_RESULT")
    if not path:
        return
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"statuses": dict(state["statuses"]), "keys_answered": sorted(state["answered"]),
                   "retries": state["retries"], "issued": state["issued"]}, handle)  # fmt: skip
