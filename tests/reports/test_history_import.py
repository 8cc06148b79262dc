"""The history import: Webropol-style CSV and plain XLSX, Finnish dates, sv names, labels,
dry-run, idempotent re-import, bad rows reported while the rest import, resume, redaction."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ilmio.areas.models import County
from ilmio.core.audit import AuditEvent
from ilmio.reports.importing import ColumnMapping, import_reports, parse_date, read_table
from ilmio.reports.models import Report

pytestmark = pytest.mark.django_db

WEBROPOL = (
    "Vastaajan ID;Vastausaika;Kunta;Ilmiö;Kuvaus\r\n"
    "1001;3.2.2021 14.05;Jyväskylä;asuminen;Vuokrarästit kasvavat, soita 040 1234567 tai hetu 010203A123B.\r\n"
    "1002;31.2.2021;Jyväskylä;asuminen;Päivämäärä on väärä.\r\n"
    "1003;2021-03-15;179;Asuminen;Nuorten asunnottomuus lisääntyy.\r\n"
)


def county() -> County:
    return County.objects.get(code="15")


def rows_of(text: str) -> list[dict[str, str]]:
    return read_table(io.BytesIO(("\ufeff" + text).encode("utf-8")))


def run(text: str, **options):  # type: ignore[no-untyped-def]
    rows = rows_of(text)
    return import_reports(county(), rows, ColumnMapping.guess(rows[0].keys()), **options)


def test_webropol_csv_imports_and_bad_row_is_reported(reference_data) -> None:
    result = run(WEBROPOL)
    assert result.created == 2
    assert [p.row for p in result.problems] == [2]
    assert "31.2.2021" in result.problems[0].message
    first = Report.objects.get(idempotency_key="src:1001")
    assert first.channel == Report.Channel.IMPORT
    assert first.created_at.date().isoformat() == "2021-02-03"
    assert first.primary_phenomenon is not None and first.primary_phenomenon.code == "asuminen"
    assert list(first.municipalities.values_list("code", flat=True)) == ["179"]
    assert "010203A123B" not in first.description and "1234567" not in first.description
    assert not Report.objects.filter(idempotency_key="src:1002").exists()
    assert AuditEvent.objects.filter(event_type="reports_imported").count() == 1


def test_reimport_adds_nothing(reference_data) -> None:
    run(WEBROPOL)
    before = Report.objects.count()
    again = run(WEBROPOL)
    assert again.created == 0 and again.skipped_duplicates == 2
    assert Report.objects.count() == before


def test_dry_run_changes_nothing(reference_data) -> None:
    result = run(WEBROPOL, dry_run=True)
    assert result.created == 2 and len(result.problems) == 1
    assert Report.objects.count() == 0
    assert "010203A123B" not in result.preview[0]["description"]


def test_resume_from_a_row(reference_data) -> None:
    result = run(WEBROPOL, start_row=2)
    assert result.created == 1 and result.last_row == 3
    assert list(Report.objects.values_list("idempotency_key", flat=True)) == ["src:1003"]


def test_plain_xlsx_with_swedish_names_and_no_id(reference_data) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Kommun", "Fenomen", "Beskrivning"])
    sheet.append(
        ["5.6.2020", "JYVÄSKYLÄ", "bostadslöshet och BOENDEPROBLEM", "Unga saknar bostad."]
    )
    sheet.append(["6.6.2020", "Jyväskylä", "Något okänt", "Okänt fenomen lämnas till förslag."])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = read_table(io.BytesIO(buffer.getvalue()), name="x.xlsx")
    mapping = ColumnMapping.guess(rows[0].keys())
    first = import_reports(county(), rows, mapping)
    assert first.created == 2, first.problems
    assert import_reports(county(), rows, mapping).created == 0
    labelled, unknown = Report.objects.order_by("created_at")
    assert (
        labelled.primary_phenomenon is not None and labelled.primary_phenomenon.code == "asuminen"
    )
    assert unknown.primary_phenomenon is None


def test_dates() -> None:
    assert parse_date("1.12.2026 9.30").isoformat() == "2026-12-01T09:30:00"  # type: ignore[union-attr]
    assert parse_date("44197").date().isoformat() == "2021-01-01"  # type: ignore[union-attr]
    assert parse_date("31.2.2021") is None


def test_cli_reports_problems_and_exit_code(reference_data, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "history.csv"
    path.write_text(WEBROPOL, encoding="cp1252")
    with pytest.raises(CommandError):
        call_command("import_reports", str(path), "--county", "15")
    assert Report.objects.count() == 2
    call_command("import_reports", str(path), "--county", "15", "--start-row", "2")
    assert Report.objects.count() == 2


def test_the_import_is_audited_in_its_own_county_whatever_its_id(reference_data) -> None:
    """Helsinki's code (90) is not its row id: the audit event names the county itself."""
    from ilmio.core.models import AuditEvent

    helsinki = County.objects.get(code="90")
    assert str(helsinki.pk) != helsinki.code
    rows = rows_of("Kuvaus;Kunta\r\nAsunnottomuus näkyy.;Helsinki\r\n")
    import_reports(helsinki, rows, ColumnMapping.guess(rows[0].keys()))
    event = AuditEvent.objects.get(event_type=AuditEvent.Type.REPORTS_IMPORTED)
    assert event.county == helsinki
