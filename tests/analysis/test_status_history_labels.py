"""The status history speaks the reader's language: labels from the workflow, never raw codes."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.analysis import services
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from tests.analysis.test_triage import file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "received", "in_review"), [
    ("fi", "Vastaanotettu", "Käsittelyssä"),
    ("sv", "Mottagen", "Under behandling"),
    ("en", "Received", "In review"),
])  # fmt: skip
def test_history_shows_translated_labels(reference_data, make_user, language: str, received: str, in_review: str):
    coordinator = make_user(Role.COORDINATOR)
    report = file()
    services.change_status(report, Report.WORKFLOW.named("on_review"), by=coordinator, reason="luettavana")
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(coordinator)
    client.cookies["django_language"] = language
    page = client.get(f"/triage/reports/{report.public_id}/").content.decode()
    assert f"{received} → {in_review}" in page
    assert "received → in_review" not in page


def test_summary_page_asks_the_model_what_it_may_offer(reference_data, make_user):
    from ilmio.knowledge.models import Summary

    draft = Summary(status=Summary.Status.DRAFT)
    approved = Summary(status=Summary.Status.APPROVED)
    assert draft.is_editable and draft.can_submit and draft.can_approve and not draft.can_publish
    assert not approved.is_editable and not approved.can_submit and approved.can_publish
    assert draft.available_statuses() == [Summary.Status.IN_REVIEW, Summary.Status.APPROVED]
