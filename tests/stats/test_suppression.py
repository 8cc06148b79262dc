"""Tests for the one small-number rule (ilmio.stats.suppression)."""

from __future__ import annotations

import sqlite3

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilmio.stats.suppression import (
    Cell,
    Constraint,
    audit,
    is_safe,
    primary_suppression_sql,
    suppress,
    suppress_hierarchy,
    suppress_rate,
    suppress_series,
    suppress_table,
)

SMALLISH = st.sampled_from([0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 20, 35, 100])


@st.composite
def tables(draw: st.DrawFn) -> dict[tuple[int, int], int]:
    n_rows = draw(st.integers(1, 8))
    n_cols = draw(st.integers(1, 8))
    return {(r, c): draw(SMALLISH) for r in range(n_rows) for c in range(n_cols)}


def _check_table(counts: dict[tuple[int, int], int], threshold: int = 5) -> None:
    tab = suppress_table(counts, threshold=threshold)
    res = tab.result
    for r in tab.rows():
        for c in tab.cols():
            v = counts[(r, c)]
            cell = tab.cell(r, c)
            if 0 < v < threshold:
                assert cell.suppressed and cell.reason == "primary"
            if not cell.suppressed:
                assert cell.value == v
            if v == 0:  # zeros are published unless the whole region had to be masked
                assert not cell.suppressed or res.masked
    for cell in res.cells.values():
        assert cell.suppressed or cell.value == 0 or cell.value >= threshold
        assert (cell.value is None) == cell.suppressed
    assert audit(res) == []


@settings(max_examples=120, deadline=None)
@given(tables())
def test_random_tables_are_safe(counts: dict[tuple[int, int], int]) -> None:
    _check_table(counts)


@settings(max_examples=40, deadline=None)
@given(tables(), st.sampled_from([3, 5, 10]))
def test_random_tables_other_thresholds(counts: dict[tuple[int, int], int], t: int) -> None:
    _check_table(counts, threshold=t)


@settings(max_examples=15, deadline=None)
@given(tables())
def test_deterministic(counts: dict[tuple[int, int], int]) -> None:
    a = suppress_table(counts)
    b = suppress_table(dict(reversed(list(counts.items()))), rows=a.rows(), cols=a.cols())
    assert list(a.records()) == list(b.records())


def test_single_small_cell_in_row_gets_complement() -> None:
    counts = {("a", "x"): 3, ("a", "y"): 10, ("a", "z"): 12, ("b", "x"): 7, ("b", "y"): 8,
              ("b", "z"): 20}
    tab = suppress_table(counts)
    assert tab.cell("a", "x").reason == "primary"
    # smallest available complement in the same row, then the column closes it
    assert tab.cell("a", "y").reason == "complementary"
    assert tab.cell("b", "x").suppressed and tab.cell("b", "y").suppressed
    assert not tab.cell("a", "z").suppressed and tab.row_total("a").value == 25
    assert tab.grand_total.value == 60
    assert tab.cell("a", "x").display() == "<5" and tab.cell("a", "y").display() == ".."
    assert is_safe(tab.result)


def test_row_of_zeros_and_a_two() -> None:
    counts = {("a", "x"): 0, ("a", "y"): 2, ("a", "z"): 0,
              ("b", "x"): 9, ("b", "y"): 11, ("b", "z"): 30,
              ("c", "x"): 6, ("c", "y"): 15, ("c", "z"): 8}
    tab = suppress_table(counts)
    assert tab.cell("a", "y").reason == "primary"
    assert tab.row_total("a").reason == "primary"  # a total of 2 is itself small
    assert tab.cell("a", "x").value == 0 and tab.cell("a", "z").value == 0
    assert sum(1 for c in tab.cols() if tab.cell("b", c).suppressed or
               tab.cell("c", c).suppressed) >= 1
    assert audit(tab.result) == []


def test_two_ones_cannot_be_pinned_by_bounds() -> None:
    # 1 + 1 + 40 = 42: hiding the two ones alone leaves "x + y = 2, x, y >= 1".
    counts = {("a", "x"): 1, ("a", "y"): 1, ("a", "z"): 40,
              ("b", "x"): 10, ("b", "y"): 12, ("b", "z"): 50}
    tab = suppress_table(counts)
    assert audit(tab.result) == []
    naive = suppress({("x",): 1, ("y",): 1, ("z",): 40, ("t",): 42},
                     [Constraint(("t",), (("x",), ("y",), ("z",)))], check_bounds=False)
    assert naive.cells[("z",)].value == 40  # without bounds, z stays published …
    assert any("bounds" in p for p in audit(naive))  # … and the audit catches it


def test_audit_flags_a_lone_suppressed_cell() -> None:
    from ilmio.stats.suppression import Suppressed

    leaky = Suppressed(
        {"a": Cell(None, True, "primary"), "b": Cell(10), "t": Cell(13)},
        (Constraint("t", ("a", "b")),),
        5,
    )
    assert any("propagation" in p for p in audit(leaky))
    small = Suppressed({"a": Cell(3)}, (), 5)
    assert any("small count" in p for p in audit(small))


def test_series_and_zero() -> None:
    s = suppress_series({"091": 120, "049": 3, "092": 0, "235": 40})
    assert s["049"].reason == "primary"
    assert s["235"].suppressed  # the smallest non-zero complement, never the zero
    assert s["092"].value == 0 and not s["092"].suppressed
    assert s.total is not None and s.total.value == 163
    assert audit(s.result) == []
    assert [r["display"] for r in s.records()] == ["120", "<5", "0", "..", "163"]


def test_all_zero_and_no_totals() -> None:
    tab = suppress_table({("a", "x"): 0, ("a", "y"): 0})
    assert all(not r["suppressed"] for r in tab.records())
    bare = suppress_table({("a", "x"): 2, ("a", "y"): 7}, row_totals=False, col_totals=False,
                          grand_total=False)
    assert bare.cell("a", "x").suppressed and bare.cell("a", "y").value == 7


def test_tiny_table_masks_region() -> None:
    # Four ones and a grand total of 4: even with everything hidden, "<5" and published
    # zeros would pin the ones, so the region (zeros included) is masked.
    tab = suppress_table({("a", "x"): 1, ("a", "y"): 1, ("b", "x"): 1, ("b", "y"): 1,
                          ("a", "z"): 0, ("b", "z"): 0})
    assert audit(tab.result) == []
    assert all(r["suppressed"] for r in tab.records())


def test_hierarchy_county_does_not_reveal_municipality() -> None:
    values = {"FI": 500, "A": 300, "B": 200, "A1": 3, "A2": 297, "B1": 150, "B2": 50}
    parent = {"A": "FI", "B": "FI", "A1": "A", "A2": "A", "B1": "B", "B2": "B"}
    res = suppress_hierarchy(values, parent)
    assert res["A1"].reason == "primary"
    assert res["A2"].suppressed or res["A"].suppressed
    assert audit(res) == []


def test_hierarchy_distinct_counts_inexact() -> None:
    # distinct clients: the county (18) is less than the sum of municipalities (20)
    values = {"C": 18, "M1": 4, "M2": 9, "M3": 7}
    parent = {"M1": "C", "M2": "C", "M3": "C"}
    res = suppress_hierarchy(values, parent, exact=False)
    assert res["M1"].suppressed and sum(c.suppressed for c in res.cells.values()) >= 2
    assert audit(res) == []


def test_rate() -> None:
    assert suppress_rate(Cell(None, True, "primary"), 1000) is None
    assert suppress_rate(Cell(12), 4000, per=1000) == 3.0
    assert suppress_rate(Cell(12), 0) is None


def test_invalid_input() -> None:
    with pytest.raises(ValueError):
        suppress({"a": -1})
    with pytest.raises(ValueError):
        suppress_table({("a", "b"): 3}, threshold=0)


@pytest.mark.parametrize("value,expected", [(0, 0), (1, None), (4, None), (5, 5), (17, 17)])
def test_primary_sql_portable(value: int, expected: int | None) -> None:
    frag = primary_suppression_sql("n")
    q = f"SELECT {frag} FROM (SELECT {value} AS n) AS t"
    assert duckdb.connect().execute(q).fetchone() == (expected,)
    with sqlite3.connect(":memory:") as con:
        assert con.execute(q).fetchone() == (expected,)
        frag_p = primary_suppression_sql("n", "?")
        assert con.execute(f"SELECT {frag_p} FROM (SELECT {value} AS n) AS t", (5,)).fetchone() \
            == (expected,)
    con2 = duckdb.connect()
    assert con2.execute(f"SELECT {primary_suppression_sql('n', '$t')} FROM (SELECT {value} AS n)",
                        {"t": 5}).fetchone() == (expected,)


def test_primary_sql_postgres(pg_conn: object) -> None:
    frag = primary_suppression_sql("n", "%(t)s")
    with pg_conn.cursor() as cur:  # type: ignore[attr-defined]
        cur.execute(
            f"SELECT {frag} FROM (VALUES (0), (3), (5), (40)) AS v(n) ORDER BY n", {"t": 5}
        )
        assert [r[0] for r in cur.fetchall()] == [0, None, 5, 40]


def test_markers_that_would_reveal_a_cell_merge_into_one() -> None:
    # Threshold 3: row 0 is 1 + 1 = 2, every one of them "<3". Told apart from complements,
    # the markers alone force 2 = 1 + 1, so every hidden cell must share one marker.
    counts = {(0, 0): 1, (0, 1): 1, (1, 0): 4, (1, 1): 1}
    tab = suppress_table(counts, threshold=3)
    assert not tab.result.distinguishable
    assert {tab.display(tab.cell(r, c)) for r in (0, 1) for c in (0, 1)} == {".."}
    assert audit(tab.result) == []
    _check_table(counts, threshold=3)
