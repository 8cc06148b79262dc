"""Monthly report counts: whatever happens to reports, they equal a fresh count."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ilmio.analysis.services import classify_report
from ilmio.areas.models import Municipality
from ilmio.cli import main
from ilmio.indicators.aggregates import PERIODS, report_cells
from ilmio.indicators.counts import month_of, rebuild_report_counts, refresh_stale_counts
from ilmio.indicators.models import ReportCount, StaleReportMonth
from ilmio.reports.models import Report
from ilmio.reports.services import set_areas, submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def submit(code: str, phenomenon: str, moment: datetime) -> Report:
    municipality = Municipality.objects.get(code=code)
    report, _created = submit_report(
        {"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
         "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
        county=municipality.county, channel=Report.Channel.FORM, created_at=moment,
    )  # fmt: skip
    return report


def assert_counts_are_fresh() -> None:
    for period in PERIODS:
        assert report_cells(period) == report_cells(period, Report.objects.all()), period


def test_counts_follow_every_change(reference_data, make_user) -> None:
    coordinator = make_user("coordinator")
    # 31 Jan 23:30 UTC is 1 Feb in Finland: the month is Finnish.
    moments = [datetime(2026, 1, 31, 23, 30, tzinfo=UTC), datetime(2026, 1, 5, tzinfo=UTC),
               datetime(2026, 4, 1, tzinfo=UTC)]  # fmt: skip
    reports = [submit(code, "asuminen", m) for code, m in zip(("179", "892", "410"), moments, strict=True)]
    assert month_of(moments[0]).month == 2
    assert_counts_are_fresh()
    assert ReportCount.objects.filter(month="2026-02-01").get().reports == 1

    classify_report(reports[0], primary=Phenomenon.objects.get(code="paihteet"), by=coordinator)
    assert_counts_are_fresh()
    set_areas(reports[1], list(Municipality.objects.filter(code__in=["179", "892"])), whole_county=False)
    assert_counts_are_fresh()  # two municipalities: counted county-wide now
    assert ReportCount.objects.filter(month="2026-01-01", municipality_code="").exists()
    reports[2].delete()
    assert_counts_are_fresh()
    assert not ReportCount.objects.filter(month="2026-04-01").exists()
    assert not StaleReportMonth.objects.exists()


def test_only_stale_months_are_recounted(reference_data) -> None:
    submit("179", "asuminen", datetime(2026, 1, 5, tzinfo=UTC))
    submit("179", "asuminen", datetime(2026, 3, 5, tzinfo=UTC))
    assert refresh_stale_counts() == 2
    january = ReportCount.objects.get(month="2026-01-01")
    submit("179", "paihteet", datetime(2026, 3, 6, tzinfo=UTC))
    assert list(StaleReportMonth.objects.values_list("month", flat=True)) == [datetime(2026, 3, 1).date()]
    assert refresh_stale_counts() == 1
    assert ReportCount.objects.get(month="2026-01-01").pk == january.pk  # untouched
    assert refresh_stale_counts() == 0
    # A save that moves nothing between counts (a status change) marks nothing.
    report = Report.objects.filter(created_at__month=1).get()
    report.status = "analysed"
    report.save(update_fields=["status", "updated_at"])
    assert not StaleReportMonth.objects.exists()


def test_rebuild_after_a_bulk_import_that_bypassed_the_orm(reference_data, capsys) -> None:
    report = submit("179", "asuminen", datetime(2026, 2, 5, tzinfo=UTC))
    refresh_stale_counts()
    # A COPY import: rows appear without signals.
    Report.objects.filter(pk=report.pk).update(primary_phenomenon=Phenomenon.objects.get(code="paihteet"))
    assert report_cells("month") != report_cells("month", Report.objects.all())
    assert main(["recount"]) == 0
    assert "1 count rows" in capsys.readouterr().out
    assert_counts_are_fresh()
    assert rebuild_report_counts() == 1


def test_readers_get_the_previous_table_while_the_new_one_is_computed(reference_data, settings, monkeypatch) -> None:
    from ilmio.indicators import aggregates as module

    settings.AGGREGATES_SERVE_PREVIOUS = True
    started: list[object] = []

    class DeferredThread:
        """Runs the background work only when the test says so."""

        def __init__(self, target, args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            self.run = lambda: target(*args)

        def start(self) -> None:
            started.append(self)

    monkeypatch.setattr(module.threading, "Thread", DeferredThread)
    monkeypatch.setattr(module, "connections", type("NoClose", (), {"close_all": staticmethod(lambda: None)}))
    for day in range(1, 8):
        submit("179", "asuminen", datetime(2026, 3, day, tzinfo=UTC))
    assert module.Aggregates("month").cell("2026-03", "county", "15", "asuminen").value == 7
    submit("179", "asuminen", datetime(2026, 3, 9, tzinfo=UTC))
    # The counts changed: the reader is served the earlier table, one computation starts.
    assert module.Aggregates("month").cell("2026-03", "county", "15", "asuminen").value == 7
    assert module.Aggregates("month").cell("2026-03", "county", "15", "asuminen").value == 7
    assert len(started) == 1
    started[0].run()  # type: ignore[attr-defined]
    assert module.Aggregates("month").cell("2026-03", "county", "15", "asuminen").value == 8
