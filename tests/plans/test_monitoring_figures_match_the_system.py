"""The 2025 monitoring report's figures equal the system's own counts for 2025, computed
here straight from the database: every shown cell is the true count, small ones hidden."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from ilmio.areas.models import County
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action, FollowUp, Proposal, Summary
from ilmio.plans import services
from ilmio.reports.models import Report
from tests.plans.helpers import file_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(reference_data):  # type: ignore[no-untyped-def]
    file_reports(9, year=2025, channel=Report.Channel.FORM, phenomenon="asuminen")
    file_reports(6, year=2025, channel=Report.Channel.API, phenomenon="toimeentulo")
    file_reports(2, year=2025, channel=Report.Channel.API, phenomenon="asuminen")
    file_reports(4, year=2024, channel=Report.Channel.FORM, phenomenon="asuminen")  # another year
    file_reports(7, year=2025, channel=Report.Channel.FORM, phenomenon="asuminen", county="13", municipality="297")
    county = County.objects.get(code="15")
    for number in range(11):
        proposal = loop.create_proposal(county=county, title=f"Ehdotus {number}", text="Teksti",
                                        addressed_to="steering_group", by=None)  # fmt: skip
        Proposal.objects.filter(pk=proposal.pk).update(created_at=timezone.make_aware(timezone.datetime(2025, 3, 1)))
        action = loop.create_action(county=county, title=f"Toimenpide {number}", owner="Johto", proposal=proposal)
        Action.objects.filter(pk=action.pk).update(
            status=Action.WORKFLOW.named("on_complete") if number < 6 else Action.Status.IN_PROGRESS,
            completed_at=timezone.make_aware(timezone.datetime(2025, 5, 1)) if number < 6 else None,
            due_date=date(2025, 4, 1))  # fmt: skip
    return county


def true_counts(county: County) -> dict[str, Counter[str]]:
    reports = Report.objects.filter(county=county, created_at__year=2025, in_statistics=True)
    actions = Action.objects.filter(county=county)
    return {
        "channels": Counter(reports.values_list("channel", flat=True)),
        "phenomena": Counter(reports.values_list("primary_phenomenon__code", flat=True)),
        "summaries": Counter(Summary.objects.filter(county=county, status=Summary.Status.PUBLISHED,
                                                    published_at__year=2025).values_list("audience", flat=True)),
        "actions": Counter({
            "done": actions.filter(status=Action.Status.DONE, completed_at__year=2025).count(),
            "overdue": actions.filter(status__in=Action.open_statuses(), due_date__year=2025,
                                      due_date__lte=min(date(2025, 12, 31), timezone.localdate())).count()}),
        "follow_ups": Counter(FollowUp.objects.filter(action__county=county, answered_at__year=2025)
                              .exclude(answer="").values_list("answer", flat=True)),
    }  # fmt: skip


def test_shown_cells_equal_the_true_counts(year_2025):  # type: ignore[no-untyped-def]
    report = services.generate_monitoring_report(county=year_2025, year=2025, language="fi", by=None)
    truth = true_counts(year_2025)
    shown = 0
    for section, counts in truth.items():
        figures = report.figures[section]
        for code, value in figures["cells"].items():
            if value is not None:
                assert value == counts.get(code, 0), (section, code)
                assert value == 0 or value >= settings.SUPPRESSION_THRESHOLD
                shown += value > 0
        assert figures["total"] in (None, sum(counts.values())), section
    assert report.figures["channels"]["cells"][Report.Channel.FORM] == 9
    assert report.figures["channels"]["total"] == 17
    assert report.figures["actions"]["cells"]["done"] == 6
    assert shown >= 3


def test_a_small_count_is_hidden(year_2025):  # type: ignore[no-untyped-def]
    report = services.generate_monitoring_report(county=year_2025, year=2025, language="fi", by=None)
    assert report.figures["channels"]["cells"][Report.Channel.API] == 8
    assert report.figures["actions"]["cells"]["overdue"] == 5
    # County 13: seven form reports and two by the API; the two are hidden, and so is
    # the seven (the total would give the two away), the total is shown.
    file_reports(2, year=2025, channel=Report.Channel.API, phenomenon="asuminen", county="13", municipality="297")
    other = services.generate_monitoring_report(county=County.objects.get(code="13"), year=2025, language="fi", by=None)
    assert other.figures["channels"]["cells"][Report.Channel.API] is None
    assert other.figures["channels"]["cells"][Report.Channel.FORM] is None
    assert other.figures["channels"]["total"] == 9


def test_regenerating_a_draft_refreshes_and_an_approved_report_is_fixed(year_2025):  # type: ignore[no-untyped-def]
    report = services.generate_monitoring_report(county=year_2025, year=2025, language="fi", by=None)
    file_reports(5, year=2025, channel=Report.Channel.FORM, phenomenon="asuminen")
    report = services.generate_monitoring_report(county=year_2025, year=2025, language="sv", by=None)
    assert report.figures["channels"]["cells"][Report.Channel.FORM] == 14 and report.language == "sv"
    services.approve_monitoring_report(report, by=None)
    with pytest.raises(services.PlanError):
        services.generate_monitoring_report(county=year_2025, year=2025, language="fi", by=None)
    assert timedelta(0) <= timezone.now() - report.generated_at


def test_a_year_that_has_not_ended_gets_no_report(year_2025):  # type: ignore[no-untyped-def]
    with pytest.raises(services.PlanError):
        services.generate_monitoring_report(county=year_2025, year=timezone.localdate().year, language="fi", by=None)
