"""The status pipeline: received → acknowledged → correcting → corrected | escalated | unfounded,
owned by the model's workflow; illegal moves are refused with a clear message."""

from __future__ import annotations

import pytest
from django.utils import translation

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.core.workflow import TransitionError
from ilmio.shortcomings import services
from ilmio.shortcomings.models import Shortcoming, ShortcomingStep
from tests.shortcomings.helpers import file, people

pytestmark = pytest.mark.django_db
S = Shortcoming.Status


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def test_the_whole_pipeline_to_corrected(make_user):
    who = people(make_user)
    by = who["receiver"]
    shortcoming = services.acknowledge(file(who), by=by)
    assert shortcoming.status == S.ACKNOWLEDGED and shortcoming.acknowledged_at is not None
    services.start_correcting(shortcoming, by=by)
    action = services.add_corrective_action(shortcoming, "Iltavuoroon lisätään lääkevastaava.", by=by, owner=by)
    with pytest.raises(ValueError, match="Complete the corrective actions first"):
        services.mark_corrected(shortcoming, by=by)
    services.complete_action(action, by=by)
    services.mark_corrected(shortcoming, by=by)
    shortcoming.refresh_from_db()
    assert shortcoming.status == S.CORRECTED and shortcoming.closed_at is not None
    assert list(shortcoming.steps.values_list("kind", flat=True)) == [
        ShortcomingStep.Kind.FILED, ShortcomingStep.Kind.ACKNOWLEDGED, ShortcomingStep.Kind.CORRECTING,
        ShortcomingStep.Kind.ACTION_ADDED, ShortcomingStep.Kind.ACTION_DONE, ShortcomingStep.Kind.CORRECTED]  # fmt: skip
    events = set(AuditEvent.objects.filter(object_type="shortcoming").values_list("event_type", flat=True))
    assert {Event.SHORTCOMING_FILED, Event.SHORTCOMING_ACKNOWLEDGED, Event.SHORTCOMING_STATUS_CHANGED,
            Event.SHORTCOMING_ACTION_ADDED} <= events  # fmt: skip


def test_correcting_before_acknowledging_is_refused_with_a_message(make_user):
    who = people(make_user)
    shortcoming = file(who)
    with pytest.raises(TransitionError, match="cannot change from “Received” to “Being corrected”"):
        services.start_correcting(shortcoming, by=who["receiver"])
    shortcoming.refresh_from_db()
    assert shortcoming.status == S.RECEIVED


def test_a_corrected_one_cannot_be_escalated_or_reopened(make_user):
    who = people(make_user)
    by = who["receiver"]
    shortcoming = services.start_correcting(services.acknowledge(file(who), by=by), by=by)
    services.mark_corrected(shortcoming, by=by)
    with pytest.raises(TransitionError):
        services.escalate(shortcoming, "Ei korjattu", by=by)
    with pytest.raises(TransitionError):
        services.acknowledge(shortcoming, by=by)


def test_unfounded_needs_a_reason_and_may_still_be_escalated_by_the_notifier(make_user):
    who = people(make_user)
    shortcoming = services.acknowledge(file(who), by=who["receiver"])
    with pytest.raises(ValueError, match="Say why"):
        services.mark_unfounded(shortcoming, "  ", by=who["receiver"])
    services.mark_unfounded(shortcoming, "Tilanne oli jo korjattu.", by=who["receiver"])
    services.escalate(shortcoming, "Olen eri mieltä.", by=who["notifier"])
    shortcoming.refresh_from_db()
    assert shortcoming.status == S.ESCALATED and shortcoming.escalated_by == Shortcoming.EscalatedBy.NOTIFIER


def test_only_the_receiver_side_handles_it(make_user):
    who = people(make_user)
    shortcoming = file(who)
    coordinator = make_user("coordinator")
    other_manager = make_user("manager", "13", username="manager_elsewhere")
    for user in (who["notifier"], coordinator, other_manager):
        with pytest.raises(ValueError, match="responsible person"):
            services.acknowledge(shortcoming, by=user)
    with pytest.raises(ValueError, match="Only the notifier"):
        services.escalate(shortcoming, "Syy", by=coordinator)


def test_a_manager_of_the_county_acknowledging_one_without_receiver_becomes_its_receiver(make_user):
    from ilmio.shortcomings.services import file_shortcoming
    from tests.shortcomings.helpers import unit

    notifier = make_user("reporter")
    place = unit(name="Asumispalvelu ilman esihenkilöä")
    shortcoming = file_shortcoming(unit=place, service_area=Shortcoming.ServiceArea.DISABILITY, what="Puutteita", by=notifier)
    assert shortcoming.receiver is None
    manager = make_user("manager")
    services.acknowledge(shortcoming, by=manager)
    assert shortcoming.receiver == manager


def test_a_unit_of_another_county_is_refused(make_user):
    from ilmio.shortcomings.services import file_shortcoming
    from tests.shortcomings.helpers import unit

    with pytest.raises(ValueError, match="your own county"):
        file_shortcoming(unit=unit("13", "Naapurin yksikkö"), service_area=Shortcoming.ServiceArea.OTHER,
                         what="Puutteita", by=make_user("reporter"))  # fmt: skip
    assert not Shortcoming.objects.exists()
