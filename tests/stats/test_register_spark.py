"""The register indicators on Apache Spark (local mode) equal DuckDB's on every value:
one statement, two engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.stats.register_data import AREAS, PERIODS

from ilmio.stats.register import aggregate_extract, aggregate_raw


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from ilmio.stats.spark import session

    started = session("local[2]", memory="1g")
    yield started
    started.stop()


def test_spark_equals_duckdb_on_every_value(extract: Path, spark) -> None:  # type: ignore[no-untyped-def]
    from ilmio.stats.spark import aggregate_raw_spark

    duck = aggregate_raw(extract, AREAS, periods=PERIODS)
    on_spark = aggregate_raw_spark(extract, AREAS, periods=PERIODS, spark=spark)
    assert len(duck) > 500
    assert sorted(on_spark) == sorted(duck)


def test_the_engine_option_gives_the_same_suppressed_values(extract: Path) -> None:
    duck = aggregate_extract(extract, AREAS, periods=PERIODS, check_bounds=False)
    on_spark = aggregate_extract(extract, AREAS, periods=PERIODS, check_bounds=False, engine="spark", master="local[2]")
    assert on_spark == duck


def test_an_unknown_engine_is_refused(extract: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        aggregate_raw(extract, AREAS, periods=PERIODS, engine="hadoop")  # type: ignore[arg-type]
