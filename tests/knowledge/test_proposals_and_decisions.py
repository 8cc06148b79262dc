"""Proposals and decisions: a proposal gets one decision; a rejected one creates no action."""

from __future__ import annotations

from datetime import date

import pytest

from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Action

pytestmark = pytest.mark.django_db


def test_one_decision_per_proposal(make_user):
    manager = make_user(Role.MANAGER)
    proposal = services.create_proposal(county=manager.county, title="X", text="Y", addressed_to="regional_board", by=manager)
    services.record_decision(proposal, outcome="rejected", decided_on=date(2026, 11, 1), body="Aluehallitus", by=manager)
    assert not Action.objects.exists()
    with pytest.raises(services.LoopError):
        services.record_decision(proposal, outcome="accepted", decided_on=date(2026, 11, 2), body="X", by=manager)
