"""The document page's POST branches: add, edit and delete a finding, publish; every one is
audited with ids and codes only, and bad input gives a message and changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from ilmio.core.models import AuditEvent
from ilmio.sources.models import Finding, SourceDocument
from tests.sources.helpers import asuminen_findings, document, logged_in

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_coordinator_adds_edits_deletes_and_publishes(make_user):
    coordinator = make_user("coordinator")
    made = document(coordinator)
    client = logged_in(coordinator)
    path = f"/sources/{made.pk}/"
    response = client.post(path, {"action": "add_finding", "text": "Asunnottomuus lisääntyy.",
                                  "phenomena": ["asuminen"], "target_groups": ["lapset_nuoret"],
                                  "municipalities": ["179"]})  # fmt: skip
    assert response.status_code == 302 and messages_of(response) == ["The finding was added."]
    finding = Finding.objects.get()
    assert [p.code for p in finding.phenomena.all()] == ["asuminen"]
    assert [m.code for m in finding.municipalities.all()] == ["179"]
    client.post(path, {"action": "edit_finding", "item": finding.pk, "text": "Asunnottomuus lisääntyy yhä.",
                       "phenomena": ["asuminen", "toimeentulo"]})  # fmt: skip
    finding.refresh_from_db()
    assert finding.text == "Asunnottomuus lisääntyy yhä." and finding.phenomena.count() == 2
    assert finding.municipalities.count() == 0 and finding.target_groups.count() == 0
    assert "Asunnottomuus lisääntyy yhä." in client.get(path).content.decode()
    client.post(path, {"action": "publish"})
    made.refresh_from_db()
    assert made.published
    client.post(path, {"action": "delete_finding", "item": finding.pk})
    assert not Finding.objects.exists()
    events = list(AuditEvent.objects.filter(event_type__startswith="source_").order_by("pk"))
    assert [e.event_type for e in events] == ["source_document_saved", "source_finding_saved",
                                              "source_finding_saved", "source_document_saved",
                                              "source_finding_saved"]  # fmt: skip
    assert all(e.object_id == str(made.pk) and e.actor == coordinator for e in events)
    assert "Asunnottomuus" not in repr([e.details for e in events])
    assert "Sosiaaliasiavastaavan" not in repr([e.details for e in events])


@pytest.mark.parametrize("data", [
    {"action": "add_finding", "text": ""},
    {"action": "add_finding", "text": "x\x00y"},
    {"action": "add_finding", "text": "Havainto.", "municipalities": ["297"]},
    {"action": "add_finding", "text": "Havainto.", "phenomena": ["ei-ole"]},
    {"action": "edit_finding", "item": "999999", "text": "Muutettu."},
    {"action": "edit_finding", "item": "abc", "text": "Muutettu."},
    {"action": "delete_finding", "item": "999999"},
    {"action": "delete_finding"},
    {"action": "nonsense"},
    {},
])  # fmt: skip
def test_bad_input_gives_a_message_and_changes_nothing(make_user, data):
    coordinator = make_user("coordinator")
    made, findings = asuminen_findings(coordinator)
    before = AuditEvent.objects.filter(event_type__startswith="source_").count()
    response = logged_in(coordinator).post(f"/sources/{made.pk}/", data)
    assert response.status_code == 302 and messages_of(response)
    assert sorted(Finding.objects.values_list("text", flat=True)) == sorted(f.text for f in findings)
    assert AuditEvent.objects.filter(event_type__startswith="source_").count() == before


def test_a_finding_of_another_document_cannot_be_changed_through_this_one(make_user):
    coordinator = make_user("coordinator")
    made, _ = asuminen_findings(coordinator)
    other, others = asuminen_findings(coordinator)
    logged_in(coordinator).post(f"/sources/{made.pk}/", {"action": "delete_finding", "item": others[0].pk})
    assert other.findings.count() == 2


def test_publishing_twice_is_refused(make_user):
    coordinator = make_user("coordinator")
    made, _ = asuminen_findings(coordinator, publish=True)
    response = logged_in(coordinator).post(f"/sources/{made.pk}/", {"action": "publish"})
    assert messages_of(response) == ["The document is already published."]
    assert SourceDocument.objects.get().published
