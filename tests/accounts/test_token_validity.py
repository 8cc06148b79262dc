"""The API's bearer tokens: revoked and expired ones are refused by user_for_token (and so
by the API); tokens without an expiry (made by `ilmio token create`) keep working."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ilmio.accounts.models import ApiToken
from ilmio.accounts.services import (
    create_api_token,
    create_county_token,
    revoke_api_token,
    user_for_token,
)
from tests.accounts.helpers import client_of

pytestmark = pytest.mark.django_db


def test_a_valid_token_names_its_user(make_user) -> None:
    user = make_user("coordinator", "15")
    _token, key = create_county_token(user, "x", scope="read", expires_on=timezone.localdate() + timedelta(days=1), by=None)
    assert user_for_token(key) == user


def test_a_token_without_expiry_keeps_working(make_user) -> None:
    user = make_user("coordinator", "15")
    token, key = create_api_token(user, "cli")
    assert (token.scope, token.expires_at, token.revoked_at) == ("write", None, None)
    assert user_for_token(key) == user


def test_a_revoked_token_is_refused(make_user) -> None:
    user = make_user("coordinator", "15")
    token, key = create_api_token(user, "cli")
    revoke_api_token(token, by=None)
    assert user_for_token(key) is None
    assert client_of().get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_an_expired_token_is_refused(make_user) -> None:
    user = make_user("coordinator", "15")
    token, key = create_county_token(user, "x", scope="write", expires_on=timezone.localdate() + timedelta(days=1), by=None)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert user_for_token(key) is None
    assert client_of().get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_token_is_valid_through_its_last_day(make_user) -> None:
    user = make_user("coordinator", "15")
    last_day = timezone.localdate() + timedelta(days=3)
    token, _key = create_county_token(user, "x", scope="read", expires_on=last_day, by=None)
    assert timezone.localtime(token.expires_at).date() == last_day + timedelta(days=1)
    assert token.is_usable(timezone.now() + timedelta(days=3)) and not token.is_usable(timezone.now() + timedelta(days=5))


def test_a_deactivated_users_token_is_refused(make_user) -> None:
    user = make_user("coordinator", "15")
    _token, key = create_api_token(user, "cli")
    user.is_active = False
    user.save()
    assert user_for_token(key) is None


def test_a_read_only_token_is_refused_for_writes(make_user) -> None:
    """The API's bearer authentication passes ``write=`` for requests that change data."""
    user = make_user("coordinator", "15")
    expires = timezone.localdate() + timedelta(days=1)
    _read, read_key = create_county_token(user, "lukija", scope="read", expires_on=expires, by=None)
    _write, write_key = create_county_token(user, "kirjoittaja", scope="write", expires_on=expires, by=None)
    assert user_for_token(read_key) == user and user_for_token(read_key, write=True) is None
    assert user_for_token(write_key, write=True) == user


def test_a_read_only_token_reads_but_cannot_write_through_the_api(make_user):  # type: ignore[no-untyped-def]
    import json

    from django.test import Client

    from ilmio.core.roles import Role
    from ilmio.reports.models import Report

    token, key = create_api_token(make_user(Role.COORDINATOR, username="read_only_api"), "lukija")
    ApiToken.objects.filter(pk=token.pk).update(scope=ApiToken.Scope.READ)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get("/api/v1/reports").status_code == 200
    body = {"title": "Havainto", "description": "Vuokrarästit kasvavat.", "whole_county": True}
    refused = client.post("/api/v1/reports", json.dumps(body), content_type="application/json")
    assert refused.status_code == 401 and not Report.objects.exists()
