"""Bad input to the county administration: a clear message, nothing changed, no e-mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ilmio.accounts.models import ApiToken, Organisation, User
from ilmio.core.models import AuditEvent
from tests.accounts.helpers import client_of, error_messages

pytestmark = pytest.mark.django_db


def rows() -> tuple[object, ...]:
    return (list(User.objects.order_by("pk").values_list("pk", "role", "is_active", "organisation_id")),
            list(ApiToken.objects.values_list("pk", "revoked_at")), list(Organisation.objects.values_list("pk", "name", "kind")),
            AuditEvent.objects.exclude(event_type="login").count())  # fmt: skip


@pytest.fixture
def admin(make_user):
    return make_user("admin", "15")


VALID = {"email": "uusi@example.org", "username": "uusi", "role": "reporter", "language": "fi"}


@pytest.mark.parametrize(("change", "message"), [
    ({"email": "ei-osoite"}, "Enter a valid email address."),
    ({"role": "national_analyst"}, "Select a valid choice."),
    ({"username": "väli lyönti"}, "Enter a valid username."),
    ({"username": "admin_15"}, "That username is taken. Choose another one."),
    ({"username": "a\x00b"}, "Remove the control characters from the text."),
    ({"language": "de"}, "Select a valid choice."),
])  # fmt: skip
def test_a_bad_invitation_is_refused(admin, change: dict, message: str) -> None:
    before = rows()
    response = client_of(admin).post("/admin/county/invite/", {**VALID, **change})
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert rows() == before and mail.outbox == []


@pytest.mark.parametrize(("days", "message"), [
    (0, "Choose an expiry date within the next year."),
    (-3, "Choose an expiry date within the next year."),
    (367, "Choose an expiry date within the next year."),
])  # fmt: skip
def test_a_token_must_expire_within_a_year(admin, make_user, days: int, message: str) -> None:
    user = make_user("coordinator", "15")
    before = rows()
    expires = (timezone.localdate() + timedelta(days=days)).isoformat()
    response = client_of(admin).post("/admin/county/tokens/", {"action": "create", "user": user.pk, "name": "Integraatio",
                                                               "scope": "read", "expires_on": expires})  # fmt: skip
    assert error_messages(response) == [message]
    assert rows() == before


def test_a_token_form_without_a_name_is_shown_again_with_the_error(admin, make_user) -> None:
    user = make_user("coordinator", "15")
    before = rows()
    response = client_of(admin).post("/admin/county/tokens/", {"action": "create", "user": user.pk, "name": " ",
                                                               "scope": "read", "expires_on": "2000-01-01"})  # fmt: skip
    assert response.status_code == 200 and "Name the token." in response.content.decode()
    assert rows() == before


def test_an_unknown_scope_is_refused(admin, make_user) -> None:
    user = make_user("coordinator", "15")
    before = rows()
    response = client_of(admin).post("/admin/county/tokens/", {"action": "create", "user": user.pk, "name": "x",
                                                               "scope": "admin", "expires_on": "2027-01-01"})  # fmt: skip
    assert response.status_code == 200 and response.context["form"].errors
    assert rows() == before


def test_organisation_names_are_required_and_unique_in_the_county(admin) -> None:
    Organisation.objects.create(name="Setlementti", kind="ngo", county=admin.county)
    client = client_of(admin)
    before = rows()
    assert error_messages(client.post("/admin/county/organisations/", {"action": "add", "name": "  ", "kind": "ngo"})) == [
        "Name the organisation."]
    assert error_messages(client.post("/admin/county/organisations/", {"action": "add", "name": "setlementti",
                                                                       "kind": "ngo"})) == [  # fmt: skip
        "Your county already has an organisation of that name."]
    assert error_messages(client.post("/admin/county/organisations/", {"action": "add", "name": "Uusi", "kind": "x"}))
    assert rows() == before


def test_an_unknown_action_is_refused(admin) -> None:
    before = rows()
    for path in ("/admin/county/tokens/", "/admin/county/organisations/", f"/admin/county/users/{admin.pk}/"):
        assert error_messages(client_of(admin).post(path, {"action": "drop"})) == ["You cannot do that."]
    assert rows() == before


def test_an_invitation_that_cannot_be_sent_leaves_no_account(admin, monkeypatch) -> None:
    import smtplib

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.send_mail", fail)
    before = rows()
    response = client_of(admin).post("/admin/county/invite/", VALID)
    assert "The invitation could not be sent. Try again later." in response.content.decode()
    assert rows() == before
