"""Deactivation and role changes: never oneself, never the county's last administrator;
each change audited with ids and codes only."""

from __future__ import annotations

import pytest

from ilmio.accounts.models import Organisation
from tests.accounts.helpers import client_of, error_messages, events

pytestmark = pytest.mark.django_db


def test_an_admin_cannot_deactivate_themselves(make_user) -> None:
    admin = make_user("admin", "15")
    make_user("admin", "15", username="second_admin")
    response = client_of(admin).post(f"/admin/county/users/{admin.pk}/", {"action": "deactivate"})
    assert error_messages(response) == ["You cannot deactivate or reactivate your own account."]
    admin.refresh_from_db()
    assert admin.is_active and not events("user_deactivated")


def test_the_last_admin_of_the_county_stays(make_user) -> None:
    admin = make_user("admin", "15")
    last = make_user("admin", "15", username="last_admin")
    make_user("admin", "13")  # another county's admin does not count
    client = client_of(admin)
    # Deactivating the other admin leaves one: allowed, and audited.
    assert not error_messages(client.post(f"/admin/county/users/{last.pk}/", {"action": "deactivate"}))
    last.refresh_from_db()
    assert not last.is_active
    [event] = events("user_deactivated", object_id=str(last.pk))
    assert event.details == {"active": False} and event.actor == admin
    # Now `admin` is the last one: another admin may not take the role away (simulated: a
    # second admin reactivated, demoting the last active one is refused).
    assert not error_messages(client.post(f"/admin/county/users/{last.pk}/", {"action": "reactivate"}))
    assert events("user_deactivated", object_id=str(last.pk))[-1].details == {"active": True}
    other = client_of(last)
    assert not error_messages(other.post(f"/admin/county/users/{admin.pk}/", {"action": "role", "role": "manager"}))
    refused = client_of(last).post(f"/admin/county/users/{last.pk}/", {"action": "role", "role": "coordinator"})
    assert error_messages(refused) == ["The county must keep at least one active administrator."]
    last.refresh_from_db()
    assert last.role == "admin"


def test_setting_the_organisation_is_audited(make_user) -> None:
    admin = make_user("admin", "15")
    user = make_user("reporter", "15")
    org = Organisation.objects.create(name="Kotihoito", kind="county", county=admin.county)
    client = client_of(admin)
    assert not error_messages(client.post(f"/admin/county/users/{user.pk}/", {"action": "organisation", "organisation": org.pk}))
    user.refresh_from_db()
    assert user.organisation_id == org.pk
    [event] = events("organisation_saved", object_type="user")
    assert event.details == {"to_organisation": org.pk}
    assert not error_messages(client.post(f"/admin/county/users/{user.pk}/", {"action": "organisation", "organisation": ""}))
    user.refresh_from_db()
    assert user.organisation_id is None


def test_organisations_are_added_and_renamed_with_an_event(make_user) -> None:
    admin = make_user("admin", "15")
    client = client_of(admin)
    assert not error_messages(client.post("/admin/county/organisations/", {"action": "add", "name": "Setlementti",
                                                                           "kind": "ngo"}))  # fmt: skip
    org = Organisation.objects.get(name="Setlementti")
    assert org.county_id == admin.county_id
    assert not error_messages(client.post("/admin/county/organisations/", {"action": "save", "item": org.pk,
                                                                           "name": "Setlementti ry", "kind": "ngo"}))  # fmt: skip
    org.refresh_from_db()
    assert org.name == "Setlementti ry"
    saved = events("organisation_saved", object_type="organisation")
    assert [e.details for e in saved] == [{"kind": "ngo", "created": True}, {"kind": "ngo", "created": False}]


def test_the_settings_page_shows_the_threshold_read_only(make_user, settings) -> None:
    settings.SUPPRESSION_THRESHOLD = 7
    page = client_of(make_user("admin", "15")).get("/admin/county/settings/")
    assert page.status_code == 200 and "7" in page.content.decode()
    assert "<input" not in page.content.decode().split("<main", 1)[1].split("</main>")[0].replace('name="csrfmiddlewaretoken"', "")
