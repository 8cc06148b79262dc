"""One event, one notification line and one e-mail: a decision on a proposal citing three
of a reporter's reports reads "A proposal citing 3 of your reports …", worded by outcome,
counted in the header until read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from ilmio.analysis.models import PhenomenonCase
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Decision, Notification
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def _decide(make_user: Any, outcome: str, reporter: Any, n: int = 3) -> None:
    manager = make_user(Role.MANAGER, username=f"manager-{outcome}")
    reports = [file(reporter, consent=True) for _ in range(n)]
    case = PhenomenonCase.objects.create(county=reports[0].county, title="Häätöuhka kasvaa")
    case.reports.add(*reports)
    proposal = services.create_proposal(county=case.county, title="Lisää asumisneuvontaa", text="Neuvontaa.",
                                        addressed_to="steering_group", by=manager, case=case)  # fmt: skip
    services.record_decision(proposal, outcome=outcome, decided_on=date(2026, 11, 20), body="Ohjausryhmä", by=manager)


@pytest.mark.parametrize(("outcome", "wording"), [
    (Decision.Outcome.ACCEPTED, "A proposal citing 3 of your reports was accepted."),
    (Decision.Outcome.NO_DECISION, "A proposal citing 3 of your reports was handled without a decision."),
])  # fmt: skip
def test_one_line_per_event_worded_by_outcome(make_user: Any, django_capture_on_commit_callbacks: Any,
                                              outcome: str, wording: str) -> None:  # fmt: skip
    reporter = make_user(Role.REPORTER)
    reporter.email, reporter.preferred_language = "reporter@example.org", "en"
    reporter.save()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(make_user, outcome, reporter)
    assert Notification.objects.filter(user=reporter).count() == 3
    client = logged_in(reporter)
    # The header counts one new event, on any page.
    home = client.get(reverse("reports:mine")).content.decode()
    assert 'class="nav-count">1<' in home
    page = client.get(reverse("knowledge:notifications")).content.decode()
    assert page.count(wording) == 1
    assert page.count('class="badge"') == 1  # shown as new this once
    assert "was accepted" not in page or outcome == Decision.Outcome.ACCEPTED
    # Read now: no count in the header, no "new" mark.
    again = client.get(reverse("knowledge:notifications")).content.decode()
    assert 'class="nav-count"' not in again and 'class="badge"' not in again
    # One e-mail for the event, in the same words.
    sent = [m for m in mail.outbox if "reporter@example.org" in m.to]
    assert len(sent) == 1
    assert wording in sent[0].body


def test_swedish_reporter_reads_swedish(make_user: Any, django_capture_on_commit_callbacks: Any) -> None:
    reporter = make_user(Role.REPORTER)
    reporter.preferred_language, reporter.email = "sv", "rapportor@example.org"
    reporter.save()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(make_user, Decision.Outcome.REJECTED, reporter, n=2)
    client = logged_in(reporter)
    client.cookies["django_language"] = "sv"
    page = client.get(reverse("knowledge:notifications"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "A proposal citing" not in page
    assert "avslogs" in page
    assert "avslogs" in mail.outbox[-1].body


def test_another_persons_events_are_not_counted(make_user: Any) -> None:
    reporter, other = make_user(Role.REPORTER), make_user(Role.REPORTER, username="other-reporter")
    _decide(make_user, Decision.Outcome.ACCEPTED, reporter)
    page = logged_in(other).get(reverse("knowledge:notifications")).content.decode()
    assert "A proposal citing" not in page and 'class="nav-count"' not in page
