"""Notifications of shortcomings in the API: filed through the form's write function (the
text redacted), listed with the pages' access, and never naming the notifier."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ilmio.core.roles import Role
from ilmio.shortcomings.models import Shortcoming
from tests.shortcomings.registry import unit_of

pytestmark = pytest.mark.django_db


def client_of(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_filed_through_the_api_redacted_and_seen_by_the_receiver_without_the_notifier(make_user):
    unit = unit_of("15")
    notifier = make_user(Role.REPORTER, username="api_notifier")
    notifier.first_name, notifier.last_name = "Tiina", "Ilmoittaja"
    notifier.save()
    receiver = make_user(Role.MANAGER, username="api_receiver")
    receiver.organisation = unit
    receiver.save()
    body = {"unit": unit.pk, "service_area": "older_people", "phenomena": ["palvelujarjestelma"],
            "what": "Asiakas Matti Virtanen jäi ilman iltalääkkeitä kolmesti."}
    created = client_of(notifier).post("/api/v1/shortcomings", json.dumps(body), content_type="application/json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert "Virtanen" not in data["what"] and data["status"] == Shortcoming.Status.RECEIVED
    assert Shortcoming.objects.get().receiver == receiver
    listed = client_of(receiver).get("/api/v1/shortcomings").content.decode()
    assert str(data["id"]) in listed and "Ilmoittaja" not in listed and "api_notifier" not in listed
    one = client_of(receiver).get(f"/api/v1/shortcomings/{data['id']}").json()
    assert one["unit"] == unit.name and one["phenomena"] == ["palvelujarjestelma"]


def test_others_see_nothing_and_bad_input_changes_nothing(make_user):
    unit = unit_of("15")
    notifier = make_user(Role.REPORTER, username="api_notifier")
    made = client_of(notifier).post("/api/v1/shortcomings", json.dumps(
        {"unit": unit.pk, "service_area": "other", "what": "Puutteita"}), content_type="application/json").json()
    for role, county in ((Role.REPORTER, "15"), (Role.MANAGER, "13"), (Role.DECISION_MAKER, "15")):
        other = client_of(make_user(role, county_code=county, username=f"api_{role}_{county}"))
        assert other.get(f"/api/v1/shortcomings/{made['id']}").status_code == 404
        assert other.get("/api/v1/shortcomings").json() == []
    for bad in ({"unit": unit_of("13").pk, "service_area": "other", "what": "x"},
                {"unit": unit.pk, "service_area": "nope", "what": "x"},
                {"unit": unit.pk, "service_area": "other", "what": ""},
                {"unit": unit.pk, "service_area": "other", "what": "x", "phenomena": ["nope"]}):
        response = client_of(notifier).post("/api/v1/shortcomings", json.dumps(bad), content_type="application/json")
        assert response.status_code == 422, (bad, response.content)
    assert Shortcoming.objects.count() == 1
    assert client_of(notifier).get("/api/v1/shortcomings?status=nope").status_code == 422
