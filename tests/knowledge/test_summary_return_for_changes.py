"""Issue #12 item 3: the approver returns a summary waiting for approval to its writer
with a comment (required); the comment is shown at the top of the draft and kept in the
history, and after the writer's changes the approver sees what changed since."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Notification, Summary, SummaryRevision
from tests.knowledge.editing_helpers import draft_with_statements
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db


def url(summary: Summary) -> str:
    return f"/knowledge/summaries/{summary.pk}/"


def messages_of(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(m) for m in response.context["messages"])


@pytest.fixture
def submitted(make_user):  # type: ignore[no-untyped-def]
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    summary, reports, written = draft_with_statements(coordinator)
    services.submit_summary(summary, by=coordinator)
    return summary, written, coordinator, manager


def test_manager_returns_with_a_comment_shown_to_the_writer(submitted):  # type: ignore[no-untyped-def]
    summary, _written, coordinator, manager = submitted
    mail.outbox.clear()
    notifications = Notification.objects.count()
    response = logged_in(manager).post(url(summary), {"action": "return", "comment": "Lisää lähteet kertomukseen."},
                                       follow=True)  # fmt: skip
    assert "Returned to the writer for changes." in messages_of(response)
    summary.refresh_from_db()
    assert summary.is_editable and summary.can_submit
    revision = summary.revisions.order_by("-number").first()
    assert (revision.change, revision.by, revision.comment) == (SummaryRevision.Change.RETURNED, manager,
                                                                "Lisää lähteet kertomukseen.")  # fmt: skip
    event = AuditEvent.objects.get(event_type="summary_returned")
    assert event.actor == manager and "Lisää" not in json.dumps(event.details)
    # Nobody outside is told: no notification, no mail.
    assert Notification.objects.count() == notifications and mail.outbox == []
    page = logged_in(coordinator).get(url(summary)).content.decode()
    top = page[page.index('id="returned"'):page.index('id="statements-heading"')]
    assert "Lisää lähteet kertomukseen." in top
    # Sent again, the comment leaves the top but stays in the history.
    services.submit_summary(summary, by=coordinator)
    page = logged_in(coordinator).get(url(summary)).content.decode()
    assert 'id="returned"' not in page
    assert "Lisää lähteet kertomukseen." in page[page.index('id="history"'):]


def test_return_needs_a_comment(submitted):  # type: ignore[no-untyped-def]
    summary, _written, _coordinator, manager = submitted
    for comment in ("", "   "):
        response = logged_in(manager).post(url(summary), {"action": "return", "comment": comment}, follow=True)
        assert "tell the writer what to change" in messages_of(response)
    summary.refresh_from_db()
    assert summary.can_return and not summary.is_editable
    assert not summary.revisions.filter(change=SummaryRevision.Change.RETURNED).exists()
    with pytest.raises(services.LoopError):
        services.return_summary(summary, by=manager, comment=" ")


def test_only_a_summary_waiting_for_approval_is_returned(make_user):  # type: ignore[no-untyped-def]
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    summary, _reports, _written = draft_with_statements(coordinator)
    with pytest.raises(services.LoopError):
        services.return_summary(summary, by=manager, comment="Korjaa")
    services.approve_summary(summary, by=manager)
    response = logged_in(manager).post(url(summary), {"action": "return", "comment": "Korjaa"}, follow=True)
    assert "Only a summary waiting for approval can be returned for changes." in messages_of(response)
    summary.refresh_from_db()
    assert summary.status == Summary.WORKFLOW.named("on_approve")


def test_the_writer_cannot_return_and_another_county_gets_404(submitted, make_user):  # type: ignore[no-untyped-def]
    summary, _written, coordinator, _manager = submitted
    response = logged_in(coordinator).post(url(summary), {"action": "return", "comment": "Itse"}, follow=True)
    assert "You cannot do that." in messages_of(response)
    other = logged_in(make_user(Role.MANAGER, county_code="13"))
    assert other.post(url(summary), {"action": "return", "comment": "Toinen"}).status_code == 404
    summary.refresh_from_db()
    assert summary.can_return and not summary.revisions.filter(change=SummaryRevision.Change.RETURNED).exists()


def test_the_approver_sees_what_changed_since_the_return(submitted):  # type: ignore[no-untyped-def]
    summary, written, coordinator, manager = submitted
    page = logged_in(manager).get(url(summary)).content.decode()
    assert 'id="changes"' not in page  # the first review: nothing to compare with yet
    services.return_summary(summary, by=manager, comment="Tarkenna.")
    services.edit_statement(written, by=coordinator, text="Häätöuhka toistuu joka kuukausi.")
    draft_page = logged_in(coordinator).get(url(summary)).content.decode()
    assert "<ins>toistuu joka kuukausi.</ins>" in draft_page[draft_page.index('id="changes"'):]
    services.submit_summary(summary, by=coordinator)
    page = logged_in(manager).get(url(summary)).content.decode()
    changes = page[page.index('id="changes"'):page.index('id="history"')]
    assert "<del>toistuu.</del>" in changes and "<ins>toistuu joka kuukausi.</ins>" in changes
    # The approver may still return it again, or approve it.
    assert 'value="return"' in page and 'value="approve"' in page
