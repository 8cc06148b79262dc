"""The audit trail's writer, ``record_event``: details hold ids, codes, numbers and flags
only (free text is refused), the county comes from the object and the role from the
actor, long id lists are capped, and events are append-only."""

from __future__ import annotations

import pytest

from ilmio.core import audit
from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from tests.quality.audit_helpers import file_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bad", [
    {"reason": "Asiakas Matti Virtanen menetti asunnon"},
    {"title": "x" * 65},
    {"note": "rivi\nrivi"},
    {"ratio": 0.5},
    {"nested": {"a": 1}},
    {"ids_of": ["ok", "not ok at all"]},
    {"Bad key": 1},
])  # fmt: skip
def test_record_event_refuses_free_text_in_details(people, bad):
    with pytest.raises(ValueError):
        record_event(people["manager"], Event.REPORTS_LISTED, **bad)
    assert not AuditEvent.objects.filter(event_type=Event.REPORTS_LISTED).exists()


def test_record_event_accepts_ints_bools_codes_and_lists_of_them(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED, page=2, public=True, format="csv",
                         statuses=["in_review", "analysed"], month="2026-05", dropped=None)  # fmt: skip
    assert event.details == {"page": 2, "public": True, "format": "csv", "statuses": ["in_review", "analysed"],
                             "month": "2026-05"}  # fmt: skip


def test_record_event_refuses_an_unknown_event_type(people):
    with pytest.raises(ValueError):
        record_event(people["manager"], "report_burned")


def test_record_event_takes_the_county_of_the_object_and_the_role_of_the_actor(people):
    report = file_report("13", "297")
    event = record_event(people["manager"], Event.REPORT_VIEWED, obj=report)
    assert (event.county.code, event.actor_role, event.object_type) == ("13", "manager", "report")
    assert event.object_id == str(report.public_id)


def test_record_event_caps_the_ids_of_a_list_and_keeps_the_total(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED, ids=range(1500))
    assert len(event.details["ids"]) == audit.MAX_IDS and event.details["total"] == 1500


def test_audit_events_are_append_only(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED)
    event.details = {"page": 3}
    with pytest.raises(ValueError):
        event.save()
