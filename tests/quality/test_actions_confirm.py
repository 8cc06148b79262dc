"""Every action says what it did: each form post ends on a page with a message of the
right level (a success for a change, a warning when nothing changed)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import constants, get_messages

from ilmio.knowledge.models import Proposal, Summary
from tests.quality.audit_helpers import client_for, draft, file_report

pytestmark = pytest.mark.django_db


def posted(client: Any, path: str, data: dict[str, Any]) -> list[tuple[int, str]]:
    response = client.post(path, data, follow=True)
    assert response.status_code == 200, response.content.decode()[:500]
    return [(m.level, str(m)) for m in get_messages(response.wsgi_request)] or [
        (constants.DEBUG, "(the page shows no message)")
    ]


def test_the_summary_loop_confirms_every_step(people: dict[str, Any], county15: Any) -> None:
    for _ in range(3):
        file_report()
    summary = draft(people, county15)
    path = f"/knowledge/summaries/{summary.pk}/"
    coordinator, manager = client_for(people["coordinator"]), client_for(people["manager"])
    steps = [
        # A written statement cites at least one report (chosen in the citation picker).
        (coordinator, {"action": "statement", "text": "Häätöuhka toistuu.",
                       "citations": [str(summary.quotes.first().report.public_id)]}, "Statement added."),  # type: ignore[union-attr]
        (coordinator, {"action": "submit"}, "Sent for approval."),
        (manager, {"action": "approve"}, "Summary approved."),
        (manager, {"action": "publish", "audience": "public"}, "Published: Public."),
        (manager, {"action": "proposal", "title": "Ehdotus", "text": "Perustelut.", "addressed_to": "steering_group"},
         "Proposal created."),
    ]  # fmt: skip
    quote = summary.quotes.first()
    assert quote is not None, "the draft picked no quote from the reports"
    steps.insert(4, (manager, {"action": "quote", "quote": quote.pk, "approved": "1"},
                     "The quote is shown in the public version."))  # fmt: skip
    for client, data, expected in steps:
        assert posted(client, path, data) == [(constants.SUCCESS, expected)], data["action"]
    assert Summary.objects.get(pk=summary.pk).audience == "public"
    assert Proposal.objects.filter(summary=summary, title="Ehdotus").exists()


def test_creating_a_case_confirms(people: dict[str, Any]) -> None:
    messages = posted(client_for(people["coordinator"]), "/triage/cases/", {"title": "Nuorten asunnottomuus"})
    assert messages == [(constants.SUCCESS, "Case created.")]


def test_a_bulk_change_that_changes_nothing_warns(people: dict[str, Any]) -> None:
    report = file_report()
    # "new" is where a report starts: moving it there again is refused, so nothing changes.
    messages = posted(client_for(people["coordinator"]), "/triage/bulk/",
                      {"reports": [str(report.public_id)], "status": report.status, "reason": ""})  # fmt: skip
    assert messages[0] == (constants.WARNING, "No report was changed.")
    assert all(level == constants.WARNING for level, _ in messages)


def test_logging_out_confirms(people: dict[str, Any]) -> None:
    client = client_for(people["reporter"])
    assert posted(client, "/accounts/logout/", {}) == [(constants.SUCCESS, "You have logged out.")]
    assert "_auth_user_id" not in client.session


def test_a_refused_action_says_so(people: dict[str, Any]) -> None:
    # A coordinator reads the actions but may not change them: the post is refused aloud.
    messages = posted(client_for(people["coordinator"]), "/knowledge/actions/", {"action": "update", "pk": "1"})
    assert messages == [(constants.ERROR, "You cannot do that.")]
