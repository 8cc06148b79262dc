"""Idempotency keys belong to their sender: a key used in another county (or by another
user) is another key, and the same key with another body is refused."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ilmio.accounts.services import create_api_token
from ilmio.core.audit import AuditEvent
from ilmio.core.roles import Role
from ilmio.reports.models import Report

pytestmark = pytest.mark.django_db
KEY = "order-2026-0001"


def payload(title: str = "Vuokrarästit kasvavat", municipality: str = "179") -> dict[str, object]:
    return {"title": title, "description": "Asiakkaat menettävät asuntonsa etuusmuutoksen jälkeen.",
            "municipalities": [municipality], "phenomena": ["asuminen"]}  # fmt: skip


def post(token: str, data: object, key: str = KEY):  # type: ignore[no-untyped-def]
    return Client().post("/api/v1/reports", data=json.dumps(data), content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_IDEMPOTENCY_KEY=key)  # fmt: skip


def test_another_countys_key_gives_the_sender_their_own_new_report(make_user):
    _, north_savo = create_api_token(make_user(Role.REPORTER, county_code="13", username="r13"), "t")
    _, central = create_api_token(make_user(Role.REPORTER, county_code="15", username="r15"), "t")
    first = post(north_savo, payload("Pohjois-Savon havainto", municipality="297"))
    assert first.status_code == 201
    second = post(central, payload())
    assert second.status_code == 201, second.content
    body = second.json()
    assert body["id"] != first.json()["id"] and body["county"] == "15"
    assert "Pohjois-Savon" not in second.content.decode()
    assert Report.objects.count() == 2
    assert AuditEvent.objects.filter(event_type="report_submitted").count() == 2


def test_same_key_same_body_returns_the_first_report(make_user):
    _, token = create_api_token(make_user(Role.REPORTER), "t")
    first, again = post(token, payload()), post(token, payload())
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and Report.objects.count() == 1


def test_same_key_other_body_is_refused_and_changes_nothing(make_user):
    _, token = create_api_token(make_user(Role.REPORTER), "t")
    assert post(token, payload()).status_code == 201
    response = post(token, payload("Aivan toinen havainto"))
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]
    assert Report.objects.count() == 1 and not Report.objects.filter(title__contains="toinen").exists()


def test_two_users_of_one_county_have_their_own_keys(make_user):
    _, first = create_api_token(make_user(Role.REPORTER, username="a"), "t")
    _, second = create_api_token(make_user(Role.REPORTER, username="b"), "t")
    assert post(first, payload()).status_code == 201
    assert post(second, payload()).status_code == 201
    assert Report.objects.count() == 2
