"""Shared helpers of the knowledge-loop tests: a report filed in county 15, a logged-in client."""

from __future__ import annotations

from django.test import Client

from ilmio.areas.models import County, Municipality
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon


def file(reporter=None, text: str = "Vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen.",
         consent: bool = False, municipality: str = "179") -> Report:  # fmt: skip
    report, _ = submit_report(
        {"title": "Häätöuhka", "description": text, "municipalities": [Municipality.objects.get(code=municipality)],
         "phenomena": [Phenomenon.objects.get(code="asuminen")], "wants_feedback": consent},
        county=County.objects.get(code="15"), channel=Report.Channel.FORM, submitted_by=reporter,
        feedback_email="" if reporter else "palaute@example.org",
    )  # fmt: skip
    return report


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client
