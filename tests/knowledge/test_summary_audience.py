"""Audience of a summary: a decision-maker sees a summary only once it is published to
decision-makers, and never the reports themselves."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ilmio.core.roles import Role
from ilmio.knowledge import services
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def test_decision_maker_sees_only_forwarded_material(make_user):
    coordinator, decision_maker = make_user(Role.COORDINATOR), make_user(Role.DECISION_MAKER)
    file()
    today = timezone.localdate()
    draft = services.draft_summary(county=coordinator.county, title="Luonnos", period_start=today, period_end=today, by=coordinator)
    client = logged_in(decision_maker)
    assert client.get(f"/knowledge/summaries/{draft.pk}/").status_code == 404
    assert "Luonnos" not in client.get("/knowledge/summaries/").content.decode()
    services.approve_summary(draft, by=coordinator)
    services.publish_summary(draft, "decision_makers", by=coordinator)
    assert client.get(f"/knowledge/summaries/{draft.pk}/").status_code == 200
    assert client.get("/reports/").status_code == 403
