"""Report aggregates: the export contract and the small-number rule on every output."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from django.test import Client

from ilmio.areas.models import Municipality
from ilmio.cli import main
from ilmio.indicators.aggregates import ALL, Aggregates
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.stats.suppression import audit
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db

# (municipality, phenomenon, how many) in March 2026: Jyväskylä has enough, Uurainen few.
PLAN = [("179", "asuminen", 12), ("179", "mielenterveys", 9), ("179", "paihteet", 7),
        ("892", "asuminen", 2), ("892", "paihteet", 6), ("410", "mielenterveys", 3),
        ("410", "asuminen", 8), ("297", "toimeentulo", 6), ("892", "vakivalta", 2)]  # fmt: skip


@pytest.fixture
def reports(reference_data) -> None:
    for municipality_code, phenomenon, count in PLAN:
        municipality = Municipality.objects.get(code=municipality_code)
        for i in range(count):
            submit_report(
                {"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                 "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
                county=municipality.county, channel=Report.Channel.FORM,
                created_at=datetime(2026, 3, 2 + i, 12, tzinfo=UTC),
            )  # fmt: skip


def test_counts_add_up_and_small_ones_are_hidden(reports):
    months, quarters = Aggregates("month"), Aggregates("quarter")
    # Complete periods only: every ended month of 2026, and no year (2026 is still running).
    assert "2026-03" in months.labels() and all(label < "2026-12" for label in months.labels())
    assert "2026-Q1" in quarters.labels() and Aggregates("year").labels() == []
    # Every report of the quarter falls in March: the month and its quarter are one number.
    assert quarters.cell("2026-Q1", "country", "FI", ALL).value == 55
    assert months.cell("2026-03", "county", "15", "vakivalta").suppressed  # 2
    assert quarters.cell("2026-Q1", "municipality", "179", ALL).value == 28
    assert quarters.cell("2026-Q1", "county", "15", "vakivalta").suppressed  # 2
    # A municipality publishes quarters as totals only, and no months at all.
    assert quarters.cell("2026-Q1", "municipality", "179", "asuminen").suppressed
    assert months.cell("2026-03", "municipality", "179", ALL).suppressed
    assert quarters.cell("2026-Q1", "county", "15", "asuminen").value == 22
    for period in ("month", "quarter"):
        for level in ("country", "cooperation_area", "county", "municipality"):
            for row in Aggregates(period).rows(level):
                assert row["count"] is None or row["count"] == 0 or row["count"] >= 5, row


def test_no_hidden_cell_can_be_derived_from_what_is_published(reports):
    """Re-run the independent audit on the full published structure of the year."""
    from ilmio.indicators import aggregates as module

    captured = {}
    real = module.suppress

    def spy(values, constraints, **kwargs):  # type: ignore[no-untyped-def]
        captured["result"] = real(values, constraints, **kwargs)
        return captured["result"]

    module.suppress = spy
    try:
        Aggregates("month", reports=Report.objects.all()).tables  # noqa: B018
    finally:
        module.suppress = real
    assert captured["result"].suppressed_nodes
    assert {node[3] for node in captured["result"].cells} >= {"2026-01", "2026-Q1"}  # months and quarters at once
    assert audit(captured["result"]) == []


def test_export_contract_csv_and_json(reports, capsys: pytest.CaptureFixture[str]):
    assert main(["export", "aggregates", "--level", "municipality", "--period", "quarter"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["area_code", "phenomenon", "period", "count"]
    assert len({r["area_code"] for r in rows}) == Municipality.objects.filter(active=True).count()
    assert {r["phenomenon"] for r in rows} == {ALL}  # municipal quarters are totals only
    by_key = {(r["area_code"], r["period"]): r["count"] for r in rows}
    assert by_key[("179", "2026-Q1")] == "28"
    assert by_key[("005", "2026-Q1")] == "0"
    assert all(r["count"] == "" or int(r["count"]) == 0 or int(r["count"]) >= 5 for r in rows)

    assert main(["export", "aggregates", "--level", "county", "--period", "month"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_key = {(r["area_code"], r["phenomenon"]): r["count"] for r in rows if r["period"] == "2026-03"}
    assert by_key[("15", "asuminen")] in ("22", "")  # this test's reports all fall in March
    assert by_key[("15", "vakivalta")] == ""  # suppressed counts are empty

    assert main(["export", "aggregates", "--level", "county", "--period", "year", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Complete periods only: the current year (2026, still running) is not published yet.
    assert data == [] or all(r["period"] < "2026" for r in data)


def test_export_rejects_unknown_level(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "aggregates", "--level", "galaxy"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("query", [
    "level=country", "level=cooperation_area&area=2", "level=county&area=15&period=month",
    "level=municipality&area=179&period=quarter", "level=county&area=15&period=month&phenomenon=asuminen",
])  # fmt: skip
def test_situation_page_never_shows_a_small_count(reports, query: str):
    html = Client().get(f"/situation/?{query}").content.decode()
    numbers = [int(n) for n in re.findall(r'<td class="num count">(\d+)</td>', html)]
    assert numbers, "the page shows a table"
    assert all(n == 0 or n >= 5 for n in numbers), numbers
    csv_text = Client().get(f"/situation/?{query}&format=csv").content.decode()
    cells = [c for line in csv_text.splitlines()[1:] for c in line.split(",")[1:]]
    assert all(c == "" or int(c) == 0 or int(c) >= 5 for c in cells)


def test_unknown_area_is_a_clear_404(reference_data):
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get("/situation/?level=county&area=99")
    assert response.status_code == 404
    assert "no such area" in response.content.decode()




def test_a_small_month_does_not_hide_its_quarter_and_nothing_can_be_derived(reference_data):
    """Months, quarters and the year are one structure: a small month is hidden with a
    complement among the months, its large quarter stays shown, and the independent audit
    finds no hidden cell narrowed below the threshold from everything published."""
    from ilmio.indicators.aggregates import Geography, complete_labels, report_cells, year_structure
    from ilmio.stats.suppression import Suppressed

    plan = {"asuminen": (3, 9, 8), "paihteet": (7, 6, 9), "mielenterveys": (8, 7, 6)}  # Jan, Feb, Mar 2026
    municipality = Municipality.objects.get(code="179")
    for phenomenon, per_month in plan.items():
        for month, count in enumerate(per_month, start=1):
            for i in range(count):
                submit_report(
                    {"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                     "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
                    county=municipality.county, channel=Report.Channel.FORM,
                    created_at=datetime(2026, month, 3 + i, 12, tzinfo=UTC),
                )  # fmt: skip
    months, quarters = Aggregates("month"), Aggregates("quarter")
    assert months.cell("2026-01", "county", "15", "asuminen").suppressed  # 3
    assert quarters.cell("2026-Q1", "county", "15", "asuminen").value == 20
    assert quarters.cell("2026-Q1", "county", "15", ALL).value == 63
    assert all(months.cell(m, "county", "15", ALL).value for m in ("2026-01", "2026-02", "2026-03"))
    hidden_months = [m for m in ("2026-01", "2026-02", "2026-03") if months.cell(m, "county", "15", "asuminen").suppressed]
    assert len(hidden_months) >= 2  # the small one and its complement

    labels = complete_labels(2026, [m for m in months.labels()])
    values, constraints = year_structure(report_cells("month"), Geography.load(), months.phenomena, labels)
    tables = {**months.tables, **quarters.tables}
    cells = {node: tables[node[3]].cells[node[:3]] for node in values}
    published = Suppressed(cells, tuple(constraints), 5, distinguishable=False)
    assert published.suppressed_nodes
    assert audit(published) == []
