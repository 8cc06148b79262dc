from __future__ import annotations

import pytest
from django.test import Client

from ilmio.accounts.services import create_api_token
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from tests.reports.helpers import SECRETS, staff_form_data

pytestmark = pytest.mark.django_db


def payload(**overrides):  # type: ignore[no-untyped-def]
    data = {k: v for k, v in staff_form_data().items() if k != "idempotency_key"}
    data.update(overrides)
    return data


@pytest.fixture
def token(make_user) -> str:  # type: ignore[no-untyped-def]
    _, key = create_api_token(make_user(Role.REPORTER), "test")
    return key


def post(token: str, data: object, **headers: str):  # type: ignore[no-untyped-def]
    return Client().post("/api/v1/reports", data, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token}", **headers)  # fmt: skip


def test_submit_with_a_token_redacts_and_returns_the_report(token):
    response = post(token, payload())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["county"] == "15" and body["municipalities"] == ["179"]
    assert SECRETS["hetu"] not in body["description"] and "[HETU]" in body["description"]
    assert body["redaction_counts"]["hetu"] == 1


def test_idempotency_key_returns_the_first_report(token):
    first = post(token, payload(), HTTP_IDEMPOTENCY_KEY="abc-123-xyz")
    second = post(token, payload(), HTTP_IDEMPOTENCY_KEY="abc-123-xyz")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Report.objects.count() == 1


@pytest.mark.parametrize("bad", [
    {"phenomena": ["nonsense"]}, {"title": ""}, {"municipalities": ["297"]}, {"kind": "gossip"},
    {"title": 5}, {"phenomena": "asuminen"}, {"description": "x" * 6000},
])  # fmt: skip
def test_bad_input_gets_422_with_messages_and_nothing_is_stored(token, bad):
    response = post(token, payload(**bad))
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] and body["errors"]
    assert Report.objects.count() == 0


def test_malformed_json_is_a_client_error(token):
    response = Client().post("/api/v1/reports", "{not json", content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token}")  # fmt: skip
    assert 400 <= response.status_code < 500


def test_authentication_required():
    assert Client().post("/api/v1/reports", payload(), content_type="application/json").status_code == 401
    assert Client().post("/api/v1/reports", payload(), content_type="application/json",
                         HTTP_AUTHORIZATION="Bearer wrong").status_code == 401  # fmt: skip


def test_decision_maker_cannot_submit(make_user):
    _, key = create_api_token(make_user(Role.DECISION_MAKER), "dm")
    assert post(key, payload()).status_code == 403


def test_openapi_schema_is_served_and_valid(reference_data):
    from openapi_spec_validator import validate

    schema = Client().get("/api/openapi.json").json()
    validate(schema)
    assert "/api/v1/reports" in schema["paths"]
    assert "/api/v1/redact" in schema["paths"]


def test_reference_endpoints_are_public(reference_data):
    taxonomy = Client().get("/api/v1/taxonomy").json()
    assert [p["code"] for p in taxonomy["phenomena"]][:2] == ["asuminen", "mielenterveys"]
    counties = Client().get("/api/v1/counties").json()
    assert len(counties) == 23
