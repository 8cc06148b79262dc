"""A county-13 administrator finds nothing of county 15: its users, tokens and organisations
answer 404 (or "no such …", exactly as a missing id), and nothing of them changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ilmio.accounts.models import ApiToken, Organisation, User
from ilmio.accounts.services import create_county_token
from tests.accounts.helpers import client_of, error_messages

pytestmark = pytest.mark.django_db
MISSING = 999_999


@pytest.fixture
def county_15(make_user):
    admin = make_user("admin", "15")
    coordinator = make_user("coordinator", "15")
    org = Organisation.objects.create(name="Ksuomi-kotihoito", kind=Organisation.Kind.COUNTY, county=admin.county)
    token, _key = create_county_token(coordinator, "Ksuomi-integraatio", scope="read",
                                      expires_on=timezone.localdate() + timedelta(days=10), by=admin)  # fmt: skip
    return {"admin": admin, "coordinator": coordinator, "org": org, "token": token}


def state() -> list[object]:
    return [list(User.objects.order_by("pk").values_list("pk", "role", "is_active", "organisation_id", "county_id")),
            list(ApiToken.objects.order_by("pk").values_list("pk", "revoked_at", "scope")),
            list(Organisation.objects.order_by("pk").values_list("pk", "name", "kind", "county_id"))]  # fmt: skip


def test_other_county_user_is_not_found(make_user, county_15) -> None:
    other = client_of(make_user("admin", "13"))
    target = county_15["coordinator"]
    before = state()
    assert other.get(f"/admin/county/users/{target.pk}/").status_code == 404
    for data in ({"action": "role", "role": "manager"}, {"action": "deactivate"}, {"action": "reactivate"},
                 {"action": "organisation", "organisation": ""}):  # fmt: skip
        assert other.post(f"/admin/county/users/{target.pk}/", data).status_code == 404
    assert state() == before


def test_other_county_token_and_user_are_refused_like_missing_ones(make_user, county_15) -> None:
    other = client_of(make_user("admin", "13"))
    before = state()
    expires = (timezone.localdate() + timedelta(days=5)).isoformat()

    def outcome(data: dict) -> tuple[int, str, list[str]]:
        response = other.post("/admin/county/tokens/", data)
        return response.status_code, response.get("Location", ""), error_messages(response)

    revoke = outcome({"action": "revoke", "token": county_15["token"].pk})
    assert revoke == outcome({"action": "revoke", "token": MISSING})
    assert revoke[2] == ["No such token."]
    create = {"action": "create", "name": "Naapuri", "scope": "write", "expires_on": expires}
    assert outcome({**create, "user": county_15["coordinator"].pk}) == outcome({**create, "user": MISSING})
    assert state() == before


def test_other_county_organisation_is_refused_like_a_missing_one(make_user, county_15) -> None:
    other_admin = make_user("admin", "13")
    other = client_of(other_admin)
    before = state()
    data = {"action": "save", "name": "Muutettu", "kind": "ngo"}
    first = other.post("/admin/county/organisations/", {**data, "item": county_15["org"].pk})
    second = other.post("/admin/county/organisations/", {**data, "item": MISSING})
    assert (first.status_code, error_messages(first)) == (second.status_code, error_messages(second))
    assert error_messages(first) == ["No such organisation."]
    # Nor can county 13's own user be given county 15's organisation.
    reporter = make_user("reporter", "13")
    refused = other.post(f"/admin/county/users/{reporter.pk}/", {"action": "organisation", "organisation": county_15["org"].pk})
    assert error_messages(refused) == ["Choose an organisation of your county."]
    assert state()[1:] == before[1:]
    reporter.refresh_from_db()
    assert reporter.organisation_id is None


def test_other_county_lists_show_nothing_of_county_15(make_user, county_15) -> None:
    other = client_of(make_user("admin", "13"))
    for path in ("/admin/county/", "/admin/county/tokens/", "/admin/county/organisations/", "/admin/county/invite/"):
        page = other.get(path).content.decode()
        assert "_15" not in page and "Ksuomi" not in page, path
    # ...while county 15's own administrator sees them.
    own = client_of(county_15["admin"])
    assert "coordinator_15" in own.get("/admin/county/").content.decode()
    assert "Ksuomi-integraatio" in own.get("/admin/county/tokens/").content.decode()
    assert "Ksuomi-kotihoito" in own.get("/admin/county/organisations/").content.decode()
