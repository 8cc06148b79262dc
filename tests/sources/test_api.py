"""Other knowledge sources in the API (tag ``sources``): the pages' access and search, and
the feedback counts through the disclosure door."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.sources.models import FeedbackItem
from tests.sources.feedback_helpers import feedback
from tests.sources.helpers import asuminen_findings, document

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_the_county_staff_list_and_read_documents_with_their_findings(make_user):
    coordinator = make_user("coordinator")
    made, findings = asuminen_findings(coordinator)
    document(coordinator, title="Hyvinvointikertomus 2024", kind="welfare_report", year=2024)
    listed = client_of(coordinator).get("/api/v1/sources/documents?phenomenon=asuminen")
    assert listed.status_code == 200
    data = listed.json()
    assert [d["id"] for d in data] == [made.pk] and data[0]["published"] is False
    assert [f["text"] for f in data[0]["findings"]] == [f.text for f in findings]
    assert data[0]["findings"][0]["phenomena"] == ["asuminen"] and data[0]["findings"][0]["municipalities"] == ["179"]
    assert {d["title"] for d in client_of(coordinator).get("/api/v1/sources/documents?q=kertomus").json()} == {
        "Hyvinvointikertomus 2024"}
    one = client_of(coordinator).get(f"/api/v1/sources/documents/{made.pk}").json()
    assert one["kind"] == "social_ombudsman" and one["county_code"] == "15" and len(one["findings"]) == 2


def test_a_decision_maker_gets_published_documents_only(make_user):
    coordinator = make_user("coordinator")
    draft, _ = asuminen_findings(coordinator)
    published, _ = asuminen_findings(coordinator, publish=True)
    decision_maker = client_of(make_user("decision_maker"))
    assert [d["id"] for d in decision_maker.get("/api/v1/sources/documents").json()] == [published.pk]
    assert decision_maker.get(f"/api/v1/sources/documents/{draft.pk}").status_code == 404
    assert decision_maker.get("/api/v1/sources/feedback/counts").status_code == 403


def test_another_county_gets_nothing(make_user):
    other, _ = asuminen_findings(make_user("coordinator", "13"), publish=True, county_municipality="297")
    for role in ("coordinator", "manager", "decision_maker"):
        client = client_of(make_user(role, username=f"api_{role}"))
        assert client.get("/api/v1/sources/documents").json() == []
        assert client.get(f"/api/v1/sources/documents/{other.pk}").status_code == 404
    assert Client().get("/api/v1/sources/documents").status_code == 401


def test_bad_filters_are_told(make_user):
    client = client_of(make_user("coordinator"))
    assert client.get("/api/v1/sources/documents?phenomenon=nope").status_code == 422
    assert client.get("/api/v1/sources/documents?kind=nonsense").status_code == 422
    assert client.get("/api/v1/sources/documents?limit=0").status_code == 422
    assert client.get("/api/v1/sources/documents/abc").status_code == 422
    assert client.get("/api/v1/sources/feedback/counts?year=1900").status_code == 422


def test_feedback_counts_are_the_pages_counts_with_small_numbers_hidden(make_user):
    feedback("15", 12, kind=FeedbackItem.Kind.FEEDBACK, key="a")
    feedback("15", 2, kind=FeedbackItem.Kind.COMPLAINT, key="b")
    feedback("13", 40, kind=FeedbackItem.Kind.REMINDER, key="c")
    data = client_of(make_user("manager")).get("/api/v1/sources/feedback/counts")
    assert data.status_code == 200
    by_kind = data.json()["tables"][0]
    counts = {row["label"]: row["count"] for row in by_kind["rows"]}
    # Two complaints are too few to show, and a second cell is hidden with them, so that
    # they cannot be worked out from the total. County 13's forty are not counted.
    assert counts["Complaint"] is None and by_kind["total"] == 14
    assert list(counts.values()).count(None) >= 2 and counts["Client feedback"] in (12, None)
    assert "Asuntoa" not in data.content.decode()  # counts, never texts
