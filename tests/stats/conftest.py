"""Fixtures for the stats tests.

PostgreSQL is always up in CI (``CI=true``): there the tests fail rather than skip
when it is unreachable.  Locally they skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.stats.register_data import MUNIS

from ilmio_demo.register_extract import generate_extract

PG_DSN = os.environ.get("ILMIO_TEST_PG_DSN", "host=127.0.0.1 port=5432 dbname=test user=postgres")


@pytest.fixture()
def pg_conn() -> Iterator[object]:
    import psycopg

    try:
        conn = psycopg.connect(PG_DSN, connect_timeout=5, autocommit=True)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    try:
        yield conn
    finally:
        conn.close()


@pytest.fixture(scope="session")
def extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30,000 synthetic episodes; high mobility, so people served in several
    municipalities are well represented."""
    path = tmp_path_factory.mktemp("reg") / "extract.parquet"
    return generate_extract(path, 30_000, municipalities=MUNIS, seed=3, mobility=0.25)
