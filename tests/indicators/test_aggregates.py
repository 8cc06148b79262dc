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
        ("410", "asuminen", 8), ("297", "toimeentulo", 6)]  # fmt: skip


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
    aggregates = Aggregates("month")
    assert aggregates.labels() == ["2026-03"]
    assert aggregates.cell("2026-03", "municipality", "179", "asuminen").value == 12
    assert aggregates.cell("2026-03", "municipality", "892", "asuminen").suppressed  # 2
    assert aggregates.cell("2026-03", "municipality", "410", "mielenterveys").suppressed  # 3
    assert aggregates.cell("2026-03", "county", "15", ALL).value == 47
    assert aggregates.cell("2026-03", "country", "FI", ALL).value == 53
    for level in ("country", "cooperation_area", "county", "municipality"):
        for row in aggregates.rows(level):
            assert row["count"] is None or row["count"] == 0 or row["count"] >= 5, row


def test_no_hidden_cell_can_be_derived_from_what_is_published(reports):
    """Re-run the independent audit on the full published structure of the period."""
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
    assert audit(captured["result"]) == []


def test_export_contract_csv_and_json(reports, capsys: pytest.CaptureFixture[str]):
    assert main(["export", "aggregates", "--level", "municipality", "--period", "month"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["area_code", "phenomenon", "period", "count"]
    assert len({r["area_code"] for r in rows}) == Municipality.objects.filter(active=True).count()
    by_key = {(r["area_code"], r["phenomenon"]): r["count"] for r in rows}
    assert by_key[("179", "asuminen")] == "12"
    assert by_key[("179", ALL)] == "28"
    assert by_key[("892", "asuminen")] == ""  # suppressed counts are empty
    assert by_key[("005", ALL)] == "0"
    assert all(r["count"] == "" or int(r["count"]) == 0 or int(r["count"]) >= 5 for r in rows)

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
    "level=municipality&area=892&period=month", "level=county&area=15&period=month&phenomenon=asuminen",
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




def test_no_month_can_be_derived_from_quarters_or_years(reference_data):
    """A published quarter or year minus its published months must never give a hidden one."""
    plan = {"179": (9, 7, 8), "892": (3, 6, 2), "410": (5, 0, 3)}  # reports in Jan, Feb, Mar 2026
    for code, per_month in plan.items():
        municipality = Municipality.objects.get(code=code)
        for month, count in enumerate(per_month, start=1):
            for i in range(count):
                submit_report(
                    {"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                     "phenomena": [Phenomenon.objects.get(code="asuminen")]},
                    county=municipality.county, channel=Report.Channel.FORM,
                    created_at=datetime(2026, month, 3 + i, 12, tzinfo=UTC),
                )  # fmt: skip
    months = Aggregates("month").tables
    hidden_somewhere = False
    for period in ("quarter", "year"):
        for label, table in Aggregates(period).tables.items():
            parts = [m for m in months if (m[:4] == label if period == "year" else
                                           f"{m[:4]}-Q{(int(m[5:]) - 1) // 3 + 1}" == label)]  # fmt: skip
            for node, cell in table.cells.items():
                shown = [months[m].cell(*node) for m in parts]
                if cell.suppressed:
                    hidden_somewhere = True
                    assert any(c.suppressed for c in shown), (label, node)
                else:
                    assert not any(c.suppressed for c in shown), (label, node)
                    assert cell.value == sum(c.value for c in shown)
                    assert cell.value == 0 or cell.value >= 5
    assert hidden_somewhere
    # 892 had 11 reports in the quarter, but its January (3) and March (2) are hidden.
    assert Aggregates("quarter").cell("2026-Q1", "municipality", "892", "asuminen").suppressed
    assert Aggregates("quarter").cell("2026-Q1", "municipality", "179", "asuminen").value == 24
