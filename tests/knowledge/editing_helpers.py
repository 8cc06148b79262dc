"""Shared setup of the summary editing tests: a draft of county 15 with written and
generated statements, and a report of county 13 that must never be citable there."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from ilmio.areas.models import County, Municipality
from ilmio.knowledge import services
from ilmio.knowledge.models import Statement, Summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon
from tests.knowledge.helpers import file


def other_county_report(title: str = "Toisen maakunnan havainto") -> Report:
    report, _ = submit_report(
        {"title": title, "description": "Vuokrarästit kasvavat Kuopiossa ja häätöuhka lisääntyy.",
         "municipalities": [Municipality.objects.get(code="297")], "phenomena": [Phenomenon.objects.get(code="asuminen")]},
        county=County.objects.get(code="13"), channel=Report.Channel.FORM, feedback_email="palaute@example.org",
    )  # fmt: skip
    return report


def draft_with_statements(by: Any) -> tuple[Summary, list[Report], Statement]:
    """A draft over today's reports of county 15 and one written statement citing the first."""
    reports = [file(), file(text="Asumistuen muutokset näkyvät toimeentulossa ja vuokrarästeissä.")]
    today = timezone.localdate()
    summary = services.draft_summary(county=County.objects.get(code="15"), title="Asuminen", by=by,
                                     period_start=today - timedelta(days=1), period_end=today)  # fmt: skip
    written = services.add_statement(summary, "Häätöuhka toistuu.", [reports[0]], by=by)
    return summary, reports, written
