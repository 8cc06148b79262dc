"""Issue #18's done-when: a county admin invites a partner user, changes a role and revokes
a token, each audited; another county's admin sees none of it."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from ilmio.accounts.models import ApiToken, Organisation, User
from ilmio.core.models import AuditEvent
from tests.accounts.helpers import client_of, events, invite_link

pytestmark = pytest.mark.django_db


def test_invite_a_partner_change_a_role_revoke_a_token(make_user) -> None:
    admin = make_user("admin", "15")
    other_admin = make_user("admin", "13")
    ngo = Organisation.objects.create(name="Setlementti", kind=Organisation.Kind.NGO, county=admin.county)
    client = client_of(admin)

    # 1. Invite a partner, in Swedish.
    response = client.post("/admin/county/invite/", {
        "email": "kumppani@example.org", "username": "kumppani", "first_name": "Kaisa", "last_name": "Kumppani",
        "role": "partner", "organisation": ngo.pk, "language": "sv"})  # fmt: skip
    partner = User.objects.get(username="kumppani")
    assert response.status_code == 302 and response["Location"] == f"/admin/county/users/{partner.pk}/"
    assert (partner.role, partner.county_id, partner.organisation_id, partner.email) == (
        "partner", admin.county_id, ngo.pk, "kumppani@example.org")
    assert not partner.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["kumppani@example.org"]
    assert "inbjuden" in message.subject.lower() or "inbjud" in message.body.lower(), message.subject
    [invited] = events("user_invited", object_id=str(partner.pk))
    assert invited.actor == admin and invited.county_id == admin.county_id
    assert invited.details == {"role": "partner", "organisation": ngo.pk, "language": "sv"}

    # The link sets the password once, and not twice.
    path = urlsplit(invite_link(message)).path
    anonymous = client_of()
    assert anonymous.get(path).status_code == 200
    done = anonymous.post(path, {"new_password1": "Kesäpäivä-2026!", "new_password2": "Kesäpäivä-2026!"})
    assert done.status_code == 302 and done["Location"] == "/accounts/login/"
    partner.refresh_from_db()
    assert partner.check_password("Kesäpäivä-2026!")
    again = anonymous.post(path, {"new_password1": "Toinen-salasana-99", "new_password2": "Toinen-salasana-99"})
    assert again.status_code == 200 and "no longer valid" in again.content.decode()
    partner.refresh_from_db()
    assert partner.check_password("Kesäpäivä-2026!")
    logged_in = client_of().post("/accounts/login/", {"username": "kumppani", "password": "Kesäpäivä-2026!"})
    assert logged_in.status_code == 302, "the partner logs in with the new password"

    # 2. Change the role.
    response = client.post(f"/admin/county/users/{partner.pk}/", {"action": "role", "role": "reporter"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.role == "reporter"
    [changed] = events("role_changed", object_id=str(partner.pk))
    assert changed.actor == admin and changed.details["from_role"] == "partner" and changed.details["to_role"] == "reporter"

    # 3. Create a token for a coordinator and revoke it: the API refuses it afterwards.
    coordinator = make_user("coordinator", "15")
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    created = client.post("/admin/county/tokens/", {"action": "create", "user": coordinator.pk, "name": "Integraatio",
                                                    "scope": "read", "expires_on": expires})  # fmt: skip
    assert created.status_code == 200
    key = created.context["key"]
    assert key.startswith("ilmio_") and key in created.content.decode()
    token = ApiToken.objects.get(user=coordinator)
    assert (token.scope, token.revoked_at) == ("read", None)
    [made] = events("token_created", object_id=str(token.pk))
    assert made.details == {"user": coordinator.pk, "scope": "read", "expires": expires}
    api = client_of()
    assert api.get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    listed = client.get("/admin/county/tokens/").content.decode()
    assert "Integraatio" in listed and key not in listed  # the key is shown once only
    revoked = client.post("/admin/county/tokens/", {"action": "revoke", "token": token.pk})
    assert revoked.status_code == 302
    assert api.get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    [gone] = events("token_revoked", object_id=str(token.pk))
    assert gone.actor == admin and gone.county_id == admin.county_id

    # No e-mail address, name or username in the trail.
    trail = repr(list(AuditEvent.objects.values_list("details", "object_id")))
    assert "example.org" not in trail and "kumppani" not in trail.lower() and "Integraatio" not in trail

    # 4. County 13's administrator sees none of it.
    other = client_of(other_admin)
    for path in (f"/admin/county/users/{partner.pk}/", f"/admin/county/users/{coordinator.pk}/"):
        assert other.get(path).status_code == 404
    for path in ("/admin/county/", "/admin/county/tokens/", "/admin/county/organisations/"):
        page = other.get(path).content.decode()
        assert "Kumppani" not in page and "Integraatio" not in page and "Setlementti" not in page
    audit = other.get("/audit/").content.decode()
    assert str(partner.pk) not in [e.object_id for e in AuditEvent.objects.filter(county_id=other_admin.county_id)]
    assert "kumppani" not in audit.lower()


def test_an_invitation_can_be_sent_again_until_the_password_is_set(make_user) -> None:
    admin = make_user("admin", "15")
    client = client_of(admin)
    client.post("/admin/county/invite/", {"email": "uusi@example.org", "username": "uusi", "role": "reporter",
                                          "language": "fi"})  # fmt: skip
    user = User.objects.get(username="uusi")
    assert client.post(f"/admin/county/users/{user.pk}/", {"action": "resend"}).status_code == 302
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["uusi@example.org"]
    assert "kutsuttu" in mail.outbox[1].subject
    assert [e.details.get("resent") for e in events("user_invited", object_id=str(user.pk))] == [None, True]
    path = urlsplit(invite_link(mail.outbox[1])).path
    client_of().post(path, {"new_password1": "Kesäpäivä-2026!", "new_password2": "Kesäpäivä-2026!"})
    user.refresh_from_db()
    assert user.has_usable_password()
    client.post(f"/admin/county/users/{user.pk}/", {"action": "resend"})
    assert len(mail.outbox) == 2
    assert len(events("user_invited", object_id=str(user.pk))) == 2
