"""The notifier's identity: only the receiver and the notifier ever see it. Everyone else who
may not see the notification gets 404; the workbench list, the audit trail and the other
managers of the county never name the notifier."""

from __future__ import annotations

import pytest

from ilmio.core.models import AuditEvent
from ilmio.shortcomings import services
from tests.shortcomings.helpers import file, logged_in, people

pytestmark = pytest.mark.django_db
MARKS = ("Nelli", "Kivikoski", "notifier_15")


def shown(response) -> str:
    return response.content.decode()


def test_the_receiver_sees_the_notifier_on_the_detail_page_only(make_user):
    who = people(make_user)
    shortcoming = file(who)
    client = logged_in(who["receiver"])
    detail = shown(client.get(f"/shortcomings/{shortcoming.pk}/"))
    assert "Nelli Kivikoski" in detail
    workbench = shown(client.get("/shortcomings/"))
    assert f"/shortcomings/{shortcoming.pk}/" in workbench
    assert not any(mark in workbench for mark in MARKS)


def test_another_manager_of_the_county_handles_it_without_seeing_the_notifier(make_user):
    who = people(make_user)
    shortcoming = file(who)
    response = logged_in(make_user("manager", username="colleague_15")).get(f"/shortcomings/{shortcoming.pk}/")
    assert response.status_code == 200
    assert not any(mark in shown(response) for mark in MARKS)


@pytest.mark.parametrize(("role", "county", "status"), [
    ("reporter", "15", 404),  # a reporter who is not the notifier
    ("partner", "15", 404),
    ("coordinator", "15", 404),
    ("admin", "15", 404),
    ("manager", "13", 404),  # another county's receiver
    ("decision_maker", "15", 403),  # no notifying, no receiving at all
    ("national_analyst", None, 403),
])  # fmt: skip
def test_everyone_else_gets_nothing(make_user, role, county, status):
    who = people(make_user)
    shortcoming = file(who)
    client = logged_in(make_user(role, county, username=f"someone_{role}_{county}"))
    for path in (f"/shortcomings/{shortcoming.pk}/", f"/shortcomings/{shortcoming.pk}/letter.pdf"):
        response = client.get(path)
        assert response.status_code == status
        assert not any(mark in shown(response) for mark in MARKS)
    escalate = client.post(f"/shortcomings/{shortcoming.pk}/", {"action": "escalate", "reason": "Syy"})
    assert escalate.status_code == status
    shortcoming.refresh_from_db()
    assert shortcoming.is_open


def test_the_notifier_sees_their_own_and_may_escalate(make_user):
    who = people(make_user)
    shortcoming = file(who)
    client = logged_in(who["notifier"])
    assert f"/shortcomings/{shortcoming.pk}/" in shown(client.get("/shortcomings/mine/"))
    page = shown(client.get(f"/shortcomings/{shortcoming.pk}/"))
    assert 'value="escalate"' in page and 'value="acknowledge"' not in page
    client.post(f"/shortcomings/{shortcoming.pk}/", {"action": "escalate", "reason": "Ei korjattu ajoissa."})
    shortcoming.refresh_from_db()
    assert shortcoming.is_escalated
    assert "Notified to the supervisory authority" in shown(client.get(f"/shortcomings/{shortcoming.pk}/"))


def test_the_audit_trail_never_names_the_notifier(make_user):
    who = people(make_user)
    shortcoming = file(who)
    services.acknowledge(shortcoming, by=who["receiver"])
    services.escalate(shortcoming, "Ei korjattu.", by=who["notifier"])
    events = AuditEvent.objects.filter(object_type="shortcoming", object_id=str(shortcoming.pk))
    assert events.count() == 3
    assert not events.filter(actor=who["notifier"]).exists()
    assert all("Ei korjattu" not in str(e.details) for e in events)
    log = shown(logged_in(make_user("manager", username="auditor_15")).get("/audit/"))
    assert "notifier_15" not in log and "Kivikoski" not in log
