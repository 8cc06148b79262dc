"""escalate_overdue(now): every open notification past its correction deadline goes to the authority."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ilmio.shortcomings import services
from ilmio.shortcomings.models import Shortcoming
from tests.shortcomings.helpers import file, people

pytestmark = pytest.mark.django_db
FILED = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_only_open_ones_past_the_deadline_are_escalated(make_user):
    who = people(make_user)
    by = who["receiver"]
    late = services.start_correcting(services.acknowledge(file(who, now=FILED), by=by), by=by)
    untouched = file(who, now=FILED)
    corrected = services.start_correcting(services.acknowledge(file(who, now=FILED), by=by), by=by)
    services.mark_corrected(corrected, by=by)
    recent = file(who, now=FILED + timedelta(days=20))

    assert services.escalate_overdue(now=FILED + timedelta(days=30)) == []  # the deadline day itself is in time
    escalated = services.escalate_overdue(now=FILED + timedelta(days=31))
    assert sorted(s.pk for s in escalated) == sorted([late.pk, untouched.pk])
    for item in (late, untouched, corrected, recent):
        item.refresh_from_db()
    assert late.status == untouched.status == Shortcoming.Status.ESCALATED
    assert late.escalated_by == Shortcoming.EscalatedBy.DEADLINE and late.escalated_at is not None
    assert late.authority == "Lupa- ja valvontavirasto"
    assert corrected.status == Shortcoming.Status.CORRECTED
    assert recent.status == Shortcoming.Status.RECEIVED
    assert services.escalate_overdue(now=FILED + timedelta(days=32)) == []  # once only


def test_the_authority_is_named_in_the_notifiers_language(make_user, settings):
    settings.SUPERVISORY_AUTHORITY = {"fi": "Valvontavirasto X", "sv": "Tillsynsverket X", "en": "Authority X"}
    who = people(make_user)
    swedish = file(who, now=FILED, language="sv")
    services.escalate_overdue(now=FILED + timedelta(days=40))
    swedish.refresh_from_db()
    assert swedish.authority == "Tillsynsverket X"
