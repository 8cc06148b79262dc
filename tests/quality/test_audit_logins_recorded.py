"""Log-ins are audited: a successful one names the user, a failed one names the account it
was for (if any) but stores nothing that was typed."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ilmio.core.audit import Event
from tests.quality.audit_helpers import only

pytestmark = pytest.mark.django_db


def test_login_is_audited(people):
    response = Client().post("/accounts/login/", {"username": "manager_15", "password": "test-pass-123"})
    assert response.status_code == 302
    event = only(Event.LOGIN)
    assert (event.actor, event.county.code) == (people["manager"], "15")


def test_failed_login_names_the_account_but_stores_nothing_typed(people):
    Client().post("/accounts/login/", {"username": "manager_15", "password": "Salasana väärin 123"})
    event = only(Event.LOGIN_FAILED)
    assert (event.actor, event.object_type, event.object_id) == (None, "user", str(people["manager"].pk))
    assert "manager_15" not in json.dumps(event.details) and "väärin" not in json.dumps(event.details)


def test_failed_login_with_an_unknown_name_stores_no_name(people):
    Client().post("/accounts/login/", {"username": "matti.virtanen@example.org", "password": "x"})
    event = only(Event.LOGIN_FAILED)
    assert (event.object_id, event.county, event.details) == ("", None, {})
