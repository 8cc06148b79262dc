"""Issue #12 item 2: a coordinator edits a draft — its title, introduction and narrative,
a written statement's wording and citations — and deletes statements; a written statement
needs a cited report; nothing changes once the summary is sent for approval."""

from __future__ import annotations

import json
import re

import pytest

from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Statement, Summary, SummaryRevision
from ilmio.knowledge.revisions import snapshot
from tests.knowledge.editing_helpers import draft_with_statements, other_county_report
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db


def url(summary: Summary) -> str:
    return f"/knowledge/summaries/{summary.pk}/"


def messages_of(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def test_coordinator_edits_title_introduction_and_narrative(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, _written = draft_with_statements(coordinator)
    before = summary.revisions.count()
    response = logged_in(coordinator).post(url(summary), {"action": "edit", "title": "Asuminen keväällä",
                                                          "introduction": "Johdanto.", "narrative": "Kertomus kaudesta."},
                                           follow=True)  # fmt: skip
    assert "Changes saved." in messages_of(response)
    summary.refresh_from_db()
    assert (summary.title, summary.introduction, summary.narrative) == ("Asuminen keväällä", "Johdanto.", "Kertomus kaudesta.")
    assert summary.revisions.count() == before + 1
    assert summary.revisions.order_by("-number").first().change == SummaryRevision.Change.EDITED
    event = AuditEvent.objects.filter(event_type="summary_edited").order_by("-pk").first()
    assert event is not None and event.details["fields"] == ["title", "introduction", "narrative"]
    assert "Kertomus" not in json.dumps(event.details)
    # The narrative is shown on the page, and in the edit form.
    page = response.content.decode()
    assert page.count("Kertomus kaudesta.") == 2


def test_an_empty_title_is_refused_and_nothing_changes(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, _written = draft_with_statements(coordinator)
    generated = summary.narrative
    response = logged_in(coordinator).post(url(summary), {"action": "edit", "title": "   ", "narrative": "Uusi"}, follow=True)
    assert "This field is required." in messages_of(response)
    summary.refresh_from_db()
    assert summary.title == "Asuminen" and summary.narrative == generated
    with pytest.raises(services.LoopError):
        services.edit_summary(summary, by=coordinator, title="")


def test_written_statement_is_reworded_and_its_citations_replaced(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    response = logged_in(coordinator).post(url(summary), {
        "action": "edit_statement", "statement": written.pk, "text": "Häätöuhka toistuu usein.",
        "citations": [str(reports[1].public_id)]}, follow=True)  # fmt: skip
    assert "Statement saved." in messages_of(response)
    written.refresh_from_db()
    assert written.text == "Häätöuhka toistuu usein."
    assert list(written.citations.all()) == [reports[1]]


def test_a_written_statement_needs_a_citation(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    client = logged_in(coordinator)
    count = summary.statements.count()
    # A new statement without citations, or citing only another county's report.
    for citations in ([], [str(other_county_report().public_id)]):
        response = client.post(url(summary), {"action": "statement", "text": "Uusi havainto", "citations": citations},
                               follow=True)  # fmt: skip
        assert re.search(r"at least one (cited )?report", messages_of(response)), messages_of(response)
        assert summary.statements.count() == count
    # Clearing every citation of a written statement.
    response = client.post(url(summary), {"action": "edit_statement", "statement": written.pk, "text": "Muutettu"},
                           follow=True)  # fmt: skip
    assert "at least one cited report" in messages_of(response)
    written.refresh_from_db()
    assert written.text == "Häätöuhka toistuu." and list(written.citations.all()) == [reports[0]]


def test_generated_statements_are_deleted_not_reworded(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, _written = draft_with_statements(coordinator)
    total = summary.statements.get(kind=Statement.Kind.TOTAL)
    client = logged_in(coordinator)
    response = client.post(url(summary), {"action": "edit_statement", "statement": total.pk, "text": "Oma sanamuoto",
                                          "citations": [str(reports[0].public_id)]}, follow=True)  # fmt: skip
    assert "A generated statement cannot be edited" in messages_of(response)
    total.refresh_from_db()
    assert total.text == "" and total.citations.count() == 2
    response = client.post(url(summary), {"action": "delete_statement", "statement": total.pk}, follow=True)
    assert "Statement deleted." in messages_of(response)
    assert not Statement.objects.filter(pk=total.pk).exists()
    assert summary.revisions.order_by("-number").first().change == SummaryRevision.Change.EDITED


def test_nothing_changes_after_submission(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    services.submit_summary(summary, by=coordinator)
    summary.refresh_from_db()
    assert not summary.is_editable and summary.can_return
    before = snapshot(summary)
    client = logged_in(coordinator)
    cite = [str(reports[1].public_id)]
    for data in ({"action": "edit", "title": "Muutettu"},
                 {"action": "edit_statement", "statement": written.pk, "text": "Muutettu", "citations": cite},
                 {"action": "delete_statement", "statement": written.pk},
                 {"action": "statement", "text": "Uusi", "citations": cite},
                 {"action": "cite", "statement": written.pk, "citations": cite}):
        response = client.post(url(summary), data, follow=True)
        assert "Only a draft can be changed." in messages_of(response), data["action"]
    summary.refresh_from_db()
    assert snapshot(summary) == before
    # The page offers no editing either.
    page = client.get(url(summary)).content.decode()
    assert 'value="edit_statement"' not in page and 'value="delete_statement"' not in page and 'id="cite"' not in page
    with pytest.raises(services.LoopError):
        services.add_statement(summary, "Uusi", reports, by=coordinator)


def test_other_county_and_lower_roles_cannot_edit(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, written = draft_with_statements(coordinator)
    before = snapshot(summary)
    other = logged_in(make_user(Role.COORDINATOR, county_code="13"))
    assert other.post(url(summary), {"action": "edit", "title": "Toisen"}).status_code == 404
    assert other.post(url(summary), {"action": "delete_statement", "statement": written.pk}).status_code == 404
    manager = logged_in(make_user(Role.MANAGER))
    response = manager.post(url(summary), {"action": "delete_statement", "statement": written.pk}, follow=True)
    assert "You cannot do that." in messages_of(response)
    summary.refresh_from_db()
    assert snapshot(summary) == before


def test_statement_of_another_summary_is_not_found(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, _written = draft_with_statements(coordinator)
    second, _more, foreign = draft_with_statements(coordinator)
    response = logged_in(coordinator).post(url(summary), {"action": "delete_statement", "statement": foreign.pk},
                                           follow=True)  # fmt: skip
    assert "The statement was not found." in messages_of(response)
    assert Statement.objects.filter(pk=foreign.pk).exists()


def test_draft_page_has_unique_ids(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.ADMIN)
    summary, _reports, _written = draft_with_statements(coordinator)
    services.add_statement(summary, "Toinen havainto.", _reports, by=coordinator)
    page = logged_in(coordinator).get(url(summary), {"q": "häätöuhka"}).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    labels = re.findall(r'<label for="([^"]+)"', page)
    assert len(labels) == len(set(labels))
    assert all(target in ids for target in labels)
