"""The register indicators on Apache Spark: the very statement DuckDB runs
(``indicators/_levels.sql``), unchanged, over the same relations as Spark views.

For a national run the extract of every county and year outgrows one machine; Spark
spreads the one large aggregation (per indicator × person) over a cluster. ``master`` is
``local[N]`` on one machine (tests) or a cluster's URL (``spark://…``, ``yarn``, ``k8s://…``).
Needs pyspark and a Java runtime; imported only when the Spark engine is chosen.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ilmio.stats.register import (
    REFERENCE_SCHEMAS,
    AreaLevel,
    AreaRow,
    Period,
    indicator_sql,
    reference_rows,
    yearly_and_quarterly,
)

__all__ = ["EXTRACT_SCHEMA", "aggregate_raw_spark", "session"]

EXTRACT_SCHEMA = ("person_id BIGINT, county_code STRING, municipality_code STRING, service STRING, "
                  "start_date DATE, end_date DATE, age_group STRING, sex STRING")  # fmt: skip


def session(master: str = "local[2]", memory: str = "2g") -> Any:
    """A Spark session for this run (quiet, no UI, session time zone UTC so dates stay dates)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    spark = (SparkSession.builder.master(master).appName("ilmio-register")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", memory)
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "8")
             .getOrCreate())  # fmt: skip
    spark.sparkContext.setLogLevel("ERROR")
    logging.getLogger("py4j").setLevel(logging.WARNING)  # its chatter outlives the test's streams
    return spark


def _read_extract(spark: Any, path: Path) -> Any:
    name = path.name.lower()
    if name.endswith(".parquet") or path.is_dir():
        return spark.read.parquet(str(path))
    if name.endswith((".csv", ".csv.gz", ".tsv")):
        return spark.read.csv(str(path), header=True, schema=EXTRACT_SCHEMA, sep="\t" if name.endswith(".tsv") else ",")
    raise ValueError(f"unsupported extract format: {path.name}")


def aggregate_raw_spark(
    path: Path | str,
    areas: Sequence[AreaRow],
    *,
    periods: Sequence[Period] | None = None,
    codes: Sequence[str] | None = None,
    master: str = "local[2]",
    spark: Any = None,
) -> list[tuple[str, AreaLevel, str, str, int]]:
    """Unsuppressed (indicator_code, area_level, area_code, period, value) rows, as
    :func:`ilmio.stats.register.aggregate_raw` gives them. Internal: suppress before use."""
    path = Path(path)
    own = spark is None
    spark = spark or session(master)
    try:
        extract = _read_extract(spark, path)
        extract.createOrReplaceTempView("register_extract")
        if periods is None:
            bounds = spark.sql("SELECT min(year(start_date)), max(year(start_date)) FROM register_extract").first()
            periods = yearly_and_quarterly(range(bounds[0], bounds[1] + 1)) if bounds[0] is not None else []
        for name, rows in reference_rows(areas, periods, codes).items():
            spark.createDataFrame(rows, schema=REFERENCE_SCHEMAS[name]).createOrReplaceTempView(name)
        result = spark.sql(indicator_sql()).collect()
    finally:
        if own:
            spark.stop()
    return [(r[0], r[1], r[2], r[3], int(r[4])) for r in result]
