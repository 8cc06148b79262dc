"""A second factor for privileged local accounts: a coordinator who logs in with a password
sets an authenticator app up once, then gives its code at every log-in; nothing else opens
before. Wrong and replayed codes are refused and audited. Reporters and accounts of the
identity provider are not asked. A county administrator removes a lost app; another
county's administrator cannot."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from tests.accounts.helpers import client_of, events

pytestmark = pytest.mark.django_db

PASSWORD = "paikallinen-salasana-1"


@pytest.fixture(autouse=True)
def _asked(settings: Any) -> None:
    settings.MFA_ROLES = ["admin", "manager", "coordinator"]


def person(make_user: Any, role: str, county: str = "15", username: str | None = None) -> Any:
    user = make_user(role, county_code=county, username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


def logged_in_with_password(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.post("/accounts/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def code_of(user: Any, later: int = 0) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - later * device.step, digits=device.digits):06d}"


def test_a_coordinator_sets_up_an_app_once_and_gives_its_code_at_each_log_in(make_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the replayed code below is refused by its step, not by a wait
    coordinator = person(make_user, Role.COORDINATOR)
    client = logged_in_with_password(coordinator)
    response = client.get("/triage/")
    assert response.status_code == 302 and response["Location"] == "/accounts/second-factor/?next=%2Ftriage%2F"
    assert client.get("/api/v1/reports").status_code == 403  # the session opens nothing else either
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and re.search(r"<code>([A-Z2-7]{4} ?)+</code>", page)
    assert not TOTPDevice.objects.get(user=coordinator).confirmed

    response = client.post("/accounts/second-factor/", {"code": code_of(coordinator), "next": "/triage/"})
    assert response.status_code == 302 and response["Location"] == "/triage/"
    assert client.get("/triage/").status_code == 200
    assert TOTPDevice.objects.get(user=coordinator).confirmed
    assert len(events(AuditEvent.Type.SECOND_FACTOR_ENROLLED)) == 1

    again = logged_in_with_password(coordinator)
    page = again.get("/accounts/second-factor/").content.decode()
    assert "<svg" not in page  # set up already: the code only
    # The code just used is not accepted twice; the next one is.
    assert again.post("/accounts/second-factor/", {"code": code_of(coordinator)}).status_code == 200
    assert again.get("/triage/").status_code == 302
    assert again.post("/accounts/second-factor/", {"code": code_of(coordinator, later=1)}).status_code == 302
    assert again.get("/triage/").status_code == 200


@pytest.mark.parametrize("code", ["000000", "abcdef", "", "1" * 12, "12 34 5"])
def test_a_wrong_code_opens_nothing(make_user, code):
    coordinator = person(make_user, Role.COORDINATOR)
    client = logged_in_with_password(coordinator)
    response = client.post("/accounts/second-factor/", {"code": code, "next": "//evil.example/"})
    assert response.status_code == 200
    assert client.get("/triage/").status_code == 302
    assert events(AuditEvent.Type.SECOND_FACTOR_FAILED) or not code.strip()
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()


def test_a_next_address_elsewhere_is_not_followed(make_user):
    coordinator = person(make_user, Role.COORDINATOR)
    client = logged_in_with_password(coordinator)
    client.get("/accounts/second-factor/")
    response = client.post("/accounts/second-factor/", {"code": code_of(coordinator), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"


def test_reporters_and_identity_provider_accounts_are_not_asked(make_user):
    reporter = person(make_user, Role.REPORTER)
    assert logged_in_with_password(reporter).get("/reports/mine/").status_code == 200
    coordinator = make_user(Role.COORDINATOR, username="sso-coordinator")
    coordinator.oidc_subject = "provider-subject-1"
    coordinator.save()
    client = Client()
    client.force_login(coordinator, backend="ilmio.accounts.oidc.CountyOIDCBackend")
    assert client.get("/triage/").status_code == 200


def test_the_county_admin_removes_a_lost_app_and_another_county_cannot(make_user, settings):
    coordinator = person(make_user, Role.COORDINATOR)
    client = logged_in_with_password(coordinator)
    client.get("/accounts/second-factor/")
    client.post("/accounts/second-factor/", {"code": code_of(coordinator)})
    settings.MFA_ROLES = ["coordinator"]  # the administrators below are logged in without their codes
    neighbour = client_of(make_user(Role.ADMIN, county_code="13", username="admin_13"))
    assert neighbour.post(f"/admin/county/users/{coordinator.pk}/", {"action": "reset_second_factor"}).status_code == 404
    assert TOTPDevice.objects.filter(user=coordinator).exists()

    admin = make_user(Role.ADMIN)
    response = client_of(admin).post(f"/admin/county/users/{coordinator.pk}/", {"action": "reset_second_factor"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=coordinator).exists()
    [event] = events(AuditEvent.Type.SECOND_FACTOR_RESET)
    assert event.object_id == str(coordinator.pk) and event.actor == admin


def test_wrong_codes_in_a_row_must_wait(make_user):
    """The device's own throttle: after a wrong code even the right one waits a moment."""
    coordinator = person(make_user, Role.COORDINATOR)
    client = logged_in_with_password(coordinator)
    client.get("/accounts/second-factor/")
    client.post("/accounts/second-factor/", {"code": "000000"})
    assert client.post("/accounts/second-factor/", {"code": code_of(coordinator)}).status_code == 200
    assert client.get("/triage/").status_code == 302
