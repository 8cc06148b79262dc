"""Issue #12 item 2: citations are picked, not typed — a search over the reports the user
may cite, the reports of a case, of a cell of the situational picture, or the triage
queue's selection. Another county's reports are never listed nor citable, and a reader
without the report-text capability has no picker."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone

from ilmio.analysis import services as analysis
from ilmio.areas.models import County
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Summary
from tests.knowledge.editing_helpers import draft_with_statements, other_county_report
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def url(summary: Summary) -> str:
    return f"/knowledge/summaries/{summary.pk}/"


def listed(page: str) -> str:
    start = page.index('id="cite"')
    return page[start:page.index('id="quotes-heading"')]


def test_search_lists_own_countys_matching_reports_only(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    other = other_county_report()
    unrelated = file(text="Lastensuojelun jonot pitenevät kesällä.")
    page = logged_in(coordinator).get(url(summary), {"q": "kasvavat häätöuhka"}).content.decode()
    found = listed(page)
    # Every word in the title or the description: the second report lacks "kasvavat".
    assert str(reports[0].public_id) in found and str(reports[1].public_id) not in found
    assert str(other.public_id) not in found and str(unrelated.public_id) not in found
    event = AuditEvent.objects.filter(event_type="reports_listed").order_by("-pk").first()
    assert event is not None and event.details["view"] == "citation_picker"
    assert str(other.public_id) not in event.details["ids"]


def test_search_by_date_and_municipality(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    elsewhere = file(municipality="109")
    client = logged_in(coordinator)
    found = listed(client.get(url(summary), {"municipality": "179"}).content.decode())
    assert str(reports[0].public_id) in found and str(elsewhere.public_id) not in found
    day = f"{timezone.localtime(reports[0].created_at):%Y-%m-%d}"
    found = listed(client.get(url(summary), {"date_from": "2001-01-01", "date_to": "2001-12-31"}).content.decode())
    assert str(reports[0].public_id) not in found and "No report you may cite was found." in found
    found = listed(client.get(url(summary), {"date_from": day, "date_to": day}).content.decode())
    assert str(reports[0].public_id) in found


def test_cite_adds_own_countys_reports_and_drops_others(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    other = other_county_report()
    client = logged_in(coordinator)
    client.post(url(summary), {"action": "cite", "statement": written.pk,
                               "citations": [str(reports[1].public_id), str(other.public_id)]}, follow=True)  # fmt: skip
    assert set(written.citations.all()) == {reports[0], reports[1]}
    # Only the other county's report: nothing to cite, nothing changes.
    before = summary.revisions.count()
    response = client.post(url(summary), {"action": "cite", "statement": written.pk, "citations": [str(other.public_id)]},
                           follow=True)  # fmt: skip
    assert set(written.citations.all()) == {reports[0], reports[1]} and summary.revisions.count() == before
    assert "at least one cited report" in " ".join(str(m) for m in response.context["messages"])
    # The services refuse it as well.
    services.set_citations(written, [other, reports[0]], by=coordinator)
    assert list(written.citations.all()) == [reports[0]]
    assert other not in services.citable_reports(coordinator, summary)
    assert not services.reports_of_cell(coordinator, summary, "297", "asuminen").exists()


def test_a_new_statement_cites_the_chosen_reports(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    logged_in(coordinator).post(url(summary), {"action": "statement", "text": "Toimeentulo heikkenee.",
                                               "citations": [str(r.public_id) for r in reports]})  # fmt: skip
    statement = summary.statements.get(text="Toimeentulo heikkenee.")
    assert set(statement.citations.all()) == set(reports)


def test_reports_of_a_case_and_of_a_situation_cell(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    case = analysis.create_case(county=County.objects.get(code="15"), title="Häätöuhka", by=coordinator,
                                reports=[reports[1]])  # fmt: skip
    client = logged_in(coordinator)
    found = listed(client.get(url(summary), {"case": case.pk}).content.decode())
    assert str(reports[1].public_id) in found and str(reports[0].public_id) not in found
    # Another county's case is no choice at all.
    other_case = analysis.create_case(county=County.objects.get(code="13"), title="Toinen", by=None,
                                      reports=[other_county_report()])  # fmt: skip
    response = client.get(url(summary), {"case": other_case.pk})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    # The cell 179 × asuminen in the summary's period holds both reports.
    cell = services.reports_of_cell(coordinator, summary, "179", "asuminen")
    assert set(cell) == set(reports)
    found = listed(client.get(url(summary), {"cell-municipality": "179", "cell-phenomenon": "asuminen"}).content.decode())
    assert all(str(r.public_id) in found for r in reports)
    assert not services.reports_of_cell(coordinator, summary, "179", "toimeentulo").exists()


def test_the_triage_queues_selection_is_shown_checked(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    other = other_county_report()
    client = logged_in(coordinator)
    queue = client.get("/triage/", {"cite": summary.pk}).content.decode()
    assert f'formaction="/knowledge/summaries/{summary.pk}/"' in queue and 'value="select"' in queue
    assert 'formaction="/knowledge' not in client.get("/triage/").content.decode()
    response = client.post(url(summary), {"action": "select", "reports": [str(reports[1].public_id), str(other.public_id)],
                                          "status": "in_review", "reason": ""})  # fmt: skip
    assert response.status_code == 302
    target = urlparse(response["Location"])
    assert parse_qs(target.query)["selected"] == [str(reports[1].public_id)]
    page = client.get(f"{target.path}?{target.query}").content.decode()
    assert f'value="{reports[1].public_id}" id="pick-{reports[1].public_id}" checked' in page
    assert str(other.public_id) not in page


def test_no_picker_without_report_text_capability(make_user):  # type: ignore[no-untyped-def]
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    summary, reports, written = draft_with_statements(coordinator)
    services.approve_summary(summary, by=manager)
    services.publish_summary(summary, "decision_makers", by=manager)
    reader = make_user(Role.DECISION_MAKER)
    client = logged_in(reader)
    page = client.get(url(summary), {"q": "vuokrarästit"}).content.decode()
    assert 'id="cite"' not in page and str(reports[0].public_id) not in page
    assert not services.citable_reports(reader, summary).exists()
    response = client.post(url(summary), {"action": "select", "reports": [str(reports[0].public_id)]}, follow=True)
    assert "You cannot do that." in " ".join(str(m) for m in response.context["messages"])


def test_bad_picker_input_is_answered_not_crashed(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, written = draft_with_statements(coordinator)
    client = logged_in(coordinator)
    for query in ({"date_from": "9999-99-99"}, {"case": "abc"}, {"cell-municipality": "x" * 300},
                  {"selected": ["not-an-id", "\x1b"]}, {"municipality": "297"}):
        assert client.get(url(summary), query).status_code == 200
    response = client.post(url(summary), {"action": "cite", "statement": "x", "citations": ["y"]}, follow=True)
    assert "Enter a whole number." in " ".join(str(m) for m in response.context["messages"])
    assert written.citations.count() == 1
