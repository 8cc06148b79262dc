"""The county administrator's sign-in settings: groups of the identity provider mapped to
roles, password log-in turned off; each change audited, none of it reaching another county.
And the rule that maps a person's groups to one county and role."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ilmio.accounts.models import SignInPolicy, SingleSignOnGroup
from ilmio.accounts.oidc import CountyOIDCBackend, mapped_role
from ilmio.areas.models import County
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from tests.accounts.helpers import client_of, error_messages, events

pytestmark = pytest.mark.django_db

SETTINGS = "/admin/county/settings/"


def logs_in(username: str, password: str) -> bool:
    """Through the log-in form, as a person would."""
    response = Client().post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def refused(response: Any) -> bool:
    """The change was refused with a message (shown on the page it answers with, or the next)."""
    return bool(error_messages(response)) or "message-error" in response.content.decode()


@pytest.fixture
def sso(settings: Any) -> None:
    """Single sign-on set up (a provider that is never called by these tests)."""
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "ilmio", "secret"
    for name in ("AUTHORIZATION", "TOKEN", "USER", "JWKS"):
        setattr(settings, f"OIDC_OP_{name}_ENDPOINT", f"https://idp.example.org/{name.lower()}")


def test_an_admin_maps_groups_and_another_county_sees_none_of_it(make_user, sso):
    admin, other_admin = make_user(Role.ADMIN), make_user(Role.ADMIN, county_code="13", username="admin_13")
    client = client_of(admin)
    assert client.post(SETTINGS, {"action": "map_group", "group": " ksuomi-koordinaattorit ", "role": "coordinator"}
                       ).status_code == 302  # fmt: skip
    mapping = SingleSignOnGroup.objects.get()
    assert (mapping.county.code, mapping.group, mapping.role) == ("15", "ksuomi-koordinaattorit", Role.COORDINATOR)
    assert "ksuomi-koordinaattorit" in client.get(SETTINGS).content.decode()
    [event] = events(AuditEvent.Type.SSO_GROUP_SAVED)
    assert event.county.code == "15" and event.details == {"role": "coordinator", "removed": False}

    neighbour = client_of(other_admin)
    assert "ksuomi-koordinaattorit" not in neighbour.get(SETTINGS).content.decode()
    response = neighbour.post(SETTINGS, {"action": "unmap_group", "item": mapping.pk})
    assert refused(response) and SingleSignOnGroup.objects.filter(pk=mapping.pk).exists()
    response = neighbour.post(SETTINGS, {"action": "map_group", "group": "ksuomi-koordinaattorit", "role": "admin"})
    assert refused(response) and SingleSignOnGroup.objects.get().county.code == "15"

    assert client.post(SETTINGS, {"action": "unmap_group", "item": mapping.pk}).status_code == 302
    assert not SingleSignOnGroup.objects.exists()
    assert [e.details["removed"] for e in events(AuditEvent.Type.SSO_GROUP_SAVED)] == [False, True]


@pytest.mark.parametrize("data", [
    {"action": "map_group", "group": "", "role": "coordinator"},
    {"action": "map_group", "group": "x" * 201, "role": "coordinator"},
    {"action": "map_group", "group": "ryhma", "role": "national_analyst"},  # no county role
    {"action": "password_login", "allowed": "maybe"},
    {"action": "unmap_group", "item": "abc"},
])  # fmt: skip
def test_bad_settings_change_nothing(make_user, sso, data):
    response = client_of(make_user(Role.ADMIN)).post(SETTINGS, data)
    assert response.status_code in (200, 302) and not SingleSignOnGroup.objects.exists()
    assert not SignInPolicy.objects.filter(password_login=False).exists()


def test_password_log_in_off_needs_sso_and_an_admin_group(make_user, settings):
    admin = make_user(Role.ADMIN)
    coordinator = make_user(Role.COORDINATOR)
    coordinator.set_password("local-pass-123")
    coordinator.save()
    client = client_of(admin)
    # Without single sign-on, turning passwords off would lock everybody out.
    assert refused(client.post(SETTINGS, {"action": "password_login", "allowed": "0"}))
    for name, value in {"OIDC_RP_CLIENT_ID": "ilmio", "OIDC_RP_CLIENT_SECRET": "s",
                        "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.org/jwks"}.items():  # fmt: skip
        setattr(settings, name, value)
    assert refused(client.post(SETTINGS, {"action": "password_login", "allowed": "0"}))  # no admin group yet
    SingleSignOnGroup.objects.create(county=admin.county, group="ksuomi-paakayttajat", role=Role.ADMIN)
    assert not refused(client.post(SETTINGS, {"action": "password_login", "allowed": "0"}))
    assert SignInPolicy.objects.get(county=admin.county).password_login is False
    [event] = events(AuditEvent.Type.SIGN_IN_POLICY_CHANGED)
    assert event.details["password_login"] is False

    assert not logs_in(coordinator.username, "local-pass-123")
    neighbour = make_user(Role.COORDINATOR, county_code="13", username="naapuri")
    neighbour.set_password("local-pass-123")
    neighbour.save()
    assert logs_in("naapuri", "local-pass-123")  # county 13 keeps passwords


def test_a_password_session_ends_when_passwords_are_turned_off(make_user):
    coordinator = make_user(Role.COORDINATOR)
    client = Client()
    client.force_login(coordinator, backend="ilmio.accounts.backends.CountyPasswordBackend")
    assert client.get("/triage/").status_code == 200
    SignInPolicy.objects.create(county=coordinator.county, password_login=False)
    assert client.get("/triage/").status_code == 302  # sent to log in


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MANAGER, Role.REPORTER])
def test_lower_roles_cannot_change_sign_in(make_user, sso, role):
    client = client_of(make_user(role))
    assert client.get(SETTINGS).status_code == 403
    assert client.post(SETTINGS, {"action": "map_group", "group": "g", "role": "admin"}).status_code == 403
    assert not SingleSignOnGroup.objects.exists()


def test_the_widest_role_of_one_county_wins_and_two_counties_are_refused(reference_data):
    ksuomi, psavo = County.objects.get(code="15"), County.objects.get(code="13")
    SingleSignOnGroup.objects.create(county=ksuomi, group="kaikki", role=Role.REPORTER)
    SingleSignOnGroup.objects.create(county=ksuomi, group="esihenkilot", role=Role.MANAGER)
    SingleSignOnGroup.objects.create(county=psavo, group="naapuri", role=Role.COORDINATOR)
    found = mapped_role({"sub": "1", "groups": ["kaikki", "esihenkilot", "tuntematon"]})
    assert found is not None and found.role == Role.MANAGER
    assert mapped_role({"sub": "1", "groups": "kaikki"}).role == Role.REPORTER  # a single group as a string
    assert mapped_role({"sub": "1", "groups": ["kaikki", "naapuri"]}) is None  # two counties: never guessed
    assert mapped_role({"sub": "1", "groups": [{"id": "kaikki"}]}) is None
    assert mapped_role({"sub": "1"}) is None


def test_the_backend_answers_nobody_until_sso_is_set_up(reference_data, rf):
    backend = CountyOIDCBackend()
    assert not backend.configured
    assert backend.authenticate(rf.get("/accounts/sso/callback/?code=x&state=y")) is None
