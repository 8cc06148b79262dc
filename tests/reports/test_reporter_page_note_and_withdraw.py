"""The report page's own forms: the sender adds a note or withdraws the report; nobody else
can (not a colleague, not another county), and a withdrawal needs its confirmation."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ilmio.core.roles import Role
from ilmio.reports.models import Report, ReportNote
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def _url(report: Report) -> str:
    return reverse("reports:detail", args=[report.public_id])


def test_sender_adds_a_redacted_note_from_the_page(make_user: Any) -> None:
    reporter = make_user(Role.REPORTER)
    report = file(reporter)
    client = logged_in(reporter)
    page = client.get(_url(report)).content.decode()
    assert 'name="note"' in page and 'value="withdraw"' in page
    response = client.post(_url(report), {"action": "note", "note": "Soita Matti Virtaselle 040 123 4567."}, follow=True)
    assert "Your note was added to the report." in response.content.decode()
    note = ReportNote.objects.get(report=report)
    assert "040 123 4567" not in note.text
    assert "Added afterwards" in response.content.decode()


def test_withdrawal_needs_the_confirmation_and_then_leaves_counts(make_user: Any) -> None:
    reporter = make_user(Role.REPORTER)
    report = file(reporter)
    client = logged_in(reporter)
    response = client.post(_url(report), {"action": "withdraw"}, follow=True)
    assert "Tick the box to confirm the withdrawal." in response.content.decode()
    report.refresh_from_db()
    assert not report.status_is("retracted")
    response = client.post(_url(report), {"action": "withdraw", "confirm": "on"}, follow=True)
    assert "The report was withdrawn." in response.content.decode()
    report.refresh_from_db()
    assert report.status_is("retracted") and not report.in_statistics
    # Withdrawn: no more forms to withdraw or complete it.
    page = client.get(_url(report)).content.decode()
    assert 'value="withdraw"' not in page and 'name="note"' not in page


@pytest.mark.parametrize("who", ["colleague", "coordinator", "other_county_coordinator"])
def test_nobody_but_the_sender_can_post(make_user: Any, who: str) -> None:
    reporter = make_user(Role.REPORTER)
    report = file(reporter)
    user = {
        "colleague": lambda: make_user(Role.REPORTER, username="colleague"),
        "coordinator": lambda: make_user(Role.COORDINATOR),
        "other_county_coordinator": lambda: make_user(Role.COORDINATOR, county_code="13", username="other"),
    }[who]()
    client = logged_in(user)
    for data in ({"action": "withdraw", "confirm": "on"}, {"action": "note", "note": "Lisätieto"}):
        assert client.post(_url(report), data).status_code == 404
    report.refresh_from_db()
    assert not report.status_is("retracted") and not ReportNote.objects.filter(report=report).exists()
    # Only the sender sees the forms.
    if who == "coordinator":
        assert 'value="withdraw"' not in client.get(_url(report)).content.decode()


def test_my_reports_shows_status_and_latest_step(make_user: Any) -> None:
    from ilmio.analysis.models import PhenomenonCase

    reporter = make_user(Role.REPORTER)
    report = file(reporter)
    page = logged_in(reporter).get(reverse("reports:mine")).content.decode()
    assert "Latest step" in page and report.status_label in page
    case = PhenomenonCase.objects.create(county=report.county, title="Asumisen kriisi")
    case.reports.add(report)
    page = logged_in(reporter).get(reverse("reports:mine")).content.decode()
    # A reporter sees no internal case: the latest step stays empty for them.
    assert "Asumisen kriisi" not in page
