"""No output anywhere shows a count of 1–4: every aggregate output, enumerated.

AGGREGATE_OUTPUTS names every URL that publishes counts; a view module that uses the
aggregates or the public summary rendering but has a URL missing here fails the test.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import get_resolver
from openpyxl import load_workbook

from ilmio.areas.models import Municipality
from ilmio.cli import main
from ilmio.indicators import statistics
from ilmio.knowledge import services as loop
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db

PLAN = [("179", "asuminen", 12), ("179", "mielenterveys", 9), ("179", "paihteet", 3), ("892", "asuminen", 2),
        ("892", "paihteet", 6), ("410", "mielenterveys", 1), ("410", "asuminen", 8), ("297", "toimeentulo", 4),
        ("091", "vakivalta", 7), ("179", "digitalisaatio", 2)]  # fmt: skip
LEVEL_AREAS = [("country", "FI"), ("cooperation_area", "2"), ("cooperation_area", "1"), ("county", "15"),
               ("county", "13"), ("municipality", "179"), ("municipality", "892"), ("municipality", "410")]  # fmt: skip
AGGREGATE_OUTPUTS = {
    "situation:situation": "HTML tables, CSV and XLSX of report counts",
    "situation:brief": "HTML table of report counts and indicator values",
    "knowledge:public_summary": "statements with counts, public",
    "knowledge:public_summary_export": "Markdown and PDF of the public summary",
    "knowledge:outcomes": "follow-up answer counts",
    "knowledge:summary": "statements: exact for the county's staff, published counts for decision-makers",
    "knowledge:summary_export": "Markdown and PDF in the reader's audience version",
}
SMALL = {1, 2, 3, 4}


def small_counts_in(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<td class="num count">(\d+)</td>', html) if int(n) in SMALL]


@pytest.fixture
def world(reference_data):  # type: ignore[no-untyped-def]
    for code, phenomenon, count in PLAN:
        municipality = Municipality.objects.get(code=code)
        for i in range(count):
            submit_report({"title": "Havainto", "description": "Vuokrarästit kasvavat, asiakkaat menettävät asuntonsa.",
                           "municipalities": [municipality], "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
                          county=municipality.county, channel=Report.Channel.FORM,
                          created_at=datetime(2026, 3 + i % 2, 2 + i, 12, tzinfo=UTC))  # fmt: skip
    statistics.import_sotkanet_dir(statistics.SAMPLE_DIR, sample=True)
    county = Municipality.objects.get(code="179").county
    summary = loop.draft_summary(county=county, title="Koonti", period_start=datetime(2026, 1, 1).date(),
                                 period_end=datetime(2026, 4, 30).date(), by=None)  # fmt: skip
    loop.approve_summary(summary, by=None)
    loop.publish_summary(summary, "public", by=None)
    return summary


def test_every_aggregate_output_is_enumerated():
    """A URL whose view renders aggregates must be listed (and so checked) here."""
    import inspect

    markers = ("Aggregates(", "published(", "shown_statements(", "as_markdown(", "IndicatorValue", "tally(")
    unlisted = []
    for name, callback in _named_views():
        source = inspect.getsource(inspect.getmodule(callback))  # type: ignore[arg-type]
        function = inspect.getsource(callback.__wrapped__ if hasattr(callback, "__wrapped__") else callback)
        uses = any(m in function for m in markers) or ("summary_file(" in function and "PUBLIC_AUDIENCE" in function)
        if uses and name not in AGGREGATE_OUTPUTS:
            unlisted.append(name)
        assert source
    assert not unlisted, f"aggregate outputs not checked for small numbers: {unlisted}"


def _named_views():  # type: ignore[no-untyped-def]
    def walk(patterns, namespace=""):  # type: ignore[no-untyped-def]
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name and not namespace.startswith("api"):
                yield f"{namespace}{pattern.name}", pattern.callback

    yield from walk(get_resolver().url_patterns)


def test_no_page_or_download_shows_a_small_count(world):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for level, area in LEVEL_AREAS:
        for period in ("month", "quarter", "year"):
            query = f"level={level}&area={area}&period={period}"
            html = client.get(f"/situation/?{query}").content.decode()
            assert not small_counts_in(html), (query, small_counts_in(html))
            for phenomenon in ("asuminen", "paihteet", "ALL"):
                html = client.get(f"/situation/?{query}&phenomenon={phenomenon}").content.decode()
                assert not small_counts_in(html), (query, phenomenon)
            csv_text = client.get(f"/situation/?{query}&format=csv").content.decode()
            cells = [c for row in list(csv.reader(io.StringIO(csv_text)))[1:] for c in row[1:]]
            assert not [c for c in cells if c and int(c) in SMALL], query
            sheet = load_workbook(io.BytesIO(client.get(f"/situation/?{query}&format=xlsx").content)).active
            values = [v for row in sheet.iter_rows(min_row=2, values_only=True) for v in row[1:]]
            assert not [v for v in values if isinstance(v, int) and v in SMALL], query
        for code in Phenomenon.objects.values_list("code", flat=True):
            html = client.get(f"/situation/brief/{code}/?level={level}&area={area}").content.decode()
            assert not small_counts_in(html), (code, level, area)


def test_exports_never_carry_a_small_count(world, capsys: pytest.CaptureFixture[str]):
    for level in ("country", "cooperation_area", "county", "municipality"):
        for period in ("month", "quarter", "year"):
            assert main(["export", "aggregates", "--level", level, "--period", period, "--format", "json"]) == 0
            rows = json.loads(capsys.readouterr().out)
            assert not [r for r in rows if r["count"] in SMALL], (level, period)


def test_public_summary_outputs_hide_small_counts(world):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    pk = world.pk
    for text in (client.get(f"/knowledge/public/summaries/{pk}/").content.decode(),
                 client.get(f"/knowledge/public/summaries/{pk}/export.md").content.decode(),
                 client.get(f"/knowledge/public/summaries/{pk}/export.release").content.decode()):
        # The page is in the reader's language, the download in the summary's (Finnish here).
        numbers = [int(n) for n in re.findall(r"(\d+) (?:reports|raporttia|rapporter)", text)]
        assert numbers and not [n for n in numbers if n in SMALL], numbers
    assert client.get(f"/knowledge/public/summaries/{pk}/export.pdf").content.startswith(b"%PDF")
    # The internal version (for staff) shows the exact counts.
    assert world.statements.filter(count__in=SMALL).exists()
