"""The idea box in the API (tag ``participation``): the pages' access, the form's write
function (the text redacted), and no proposer named."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ilmio.participation.models import Idea
from tests.participation.helpers import NAME, public_idea

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, body: dict) -> object:  # type: ignore[type-arg]
    return client.post("/api/v1/ideas", json.dumps(body), content_type="application/json")


def test_staff_send_an_idea_redacted_and_the_coordinator_reads_it_without_the_proposer(make_user):
    reporter = make_user("reporter")
    reporter.first_name, reporter.last_name = "Tiina", "Ehdottaja"
    reporter.save()
    made = post(client_of(reporter), {"title": "Yhteinen ohjaus", "text": f"Asiakas {NAME} joutui jonoon.",
                                      "municipality": "179", "phenomenon": "asuminen"})
    assert made.status_code == 201, made.content
    data = made.json()
    assert "Virtanen" not in data["text"] and data["municipality"] == "179" and data["status"] == "received"
    listed = client_of(make_user("coordinator")).get("/api/v1/ideas").content.decode()
    assert str(data["id"]) in listed and "Ehdottaja" not in listed and reporter.username not in listed
    assert [i["id"] for i in client_of(reporter).get("/api/v1/ideas").json()] == [data["id"]]


def test_others_get_nothing_and_bad_input_changes_nothing(make_user):
    idea = public_idea()
    other = client_of(make_user("coordinator", "13"))
    assert other.get(f"/api/v1/ideas/{idea.pk}").status_code == 404 and other.get("/api/v1/ideas").json() == []
    reporter = client_of(make_user("reporter"))
    assert reporter.get(f"/api/v1/ideas/{idea.pk}").status_code == 404
    assert post(reporter, {"title": "Idea", "text": "Teksti", "municipality": "297"}).status_code == 422
    assert post(reporter, {"title": "Idea", "text": "Teksti", "phenomenon": "nope"}).status_code == 422
    assert post(reporter, {"title": "", "text": "Teksti"}).status_code == 422
    assert post(client_of(make_user("decision_maker")), {"title": "Idea", "text": "Teksti"}).status_code == 403
    assert Client().get("/api/v1/ideas").status_code == 401
    assert client_of(make_user("coordinator")).get("/api/v1/ideas?status=nope").status_code == 422
    assert Idea.objects.count() == 1


def test_listening_rounds_in_the_api_counts_only_once_closed_and_never_texts(make_user):
    from datetime import timedelta

    from django.utils import timezone

    from ilmio.participation.models import ListeningRound
    from tests.participation.registry import round_in

    made = round_in("15", answer="Bussit kulkevat harvoin iltaisin.")
    round_in("13")
    coordinator = client_of(make_user("coordinator"))
    open_rounds = coordinator.get("/api/v1/listening-rounds").json()
    assert [r["id"] for r in open_rounds] == [made.pk] and open_rounds[0]["phase"] == "open"
    assert open_rounds[0]["results"] is None and open_rounds[0]["total"] is None
    assert open_rounds[0]["public_url"].endswith(f"/participation/rounds/{made.pk}/answer/")
    today = timezone.localdate()
    ListeningRound.objects.filter(pk=made.pk).update(opens_on=today - timedelta(days=9), closes_on=today - timedelta(days=1))
    closed = coordinator.get("/api/v1/listening-rounds")
    body = closed.json()[0]
    assert body["phase"] == "closed" and body["total"] is None  # one answer: the total is hidden too
    assert all(row["count"] is None for row in body["results"]) and "Bussit" not in closed.content.decode()
    assert client_of(make_user("reporter")).get("/api/v1/listening-rounds").json() == []


def test_workshops_in_the_api_count_registrants_and_deliver_the_compiled_result(make_user):
    from ilmio.participation.models import WorkshopRegistration
    from ilmio.participation.services import publish_compilation
    from tests.participation.registry import forum_in, series_in

    series = series_in("15", tag="ksuomi")
    coordinator = client_of(make_user("coordinator"))
    listed = coordinator.get("/api/v1/workshops")
    assert listed.status_code == 200
    [workshop] = listed.json()
    assert workshop["phenomenon"] == "mielenterveys" and [s["registrations"] for s in workshop["sessions"]] == [1, 1]
    assert "ksuomi-registrant" not in listed.content.decode() and workshop["published_at"] is None
    delivery = coordinator.get(f"/api/v1/workshops/{series.pk}/delivery?lang=sv")
    assert delivery.status_code == 200 and delivery.json()["language"] == "sv"
    assert delivery.json()["sections"]["need"][0]["text"] == "Odotusajat ksuomi-sheet-need"
    assert coordinator.get(f"/api/v1/workshops/{series.pk}/delivery?lang=de").status_code == 422
    reporter = client_of(make_user("reporter"))
    assert reporter.get(f"/api/v1/workshops/{series.pk}/delivery").status_code == 404
    assert reporter.get("/api/v1/workshops").json() == []
    assert WorkshopRegistration.objects.count() == 2

    # The register is public, and holds only published results.
    public = Client()
    empty = public.get("/api/v1/information-needs?phenomenon=mielenterveys").json()
    assert empty["asked"] == []
    publish_compilation(series, by=None)
    register = public.get("/api/v1/information-needs?phenomenon=mielenterveys&county=15").json()
    assert [line["text"] for line in register["asked"]] == ["Odotusajat ksuomi-sheet-need"]
    assert public.get("/api/v1/information-needs?phenomenon=ei-ole").status_code == 404

    forum_in("15", tag="ksuomi")
    [forum] = coordinator.get("/api/v1/forums").json()
    assert [t["text"] for t in forum["topics"]] == ["Bussit ksuomi-topic-listed"] and forum["waiting"] == 1
