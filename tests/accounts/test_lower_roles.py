"""The county administration is the administrator's: every other role gets 403 and
changes nothing; anonymous visitors are sent to log in."""

from __future__ import annotations

import pytest

from ilmio.accounts.models import ApiToken, Organisation, User
from ilmio.core.roles import Role
from tests.accounts.helpers import client_of

pytestmark = pytest.mark.django_db

PAGES = ["/admin/county/", "/admin/county/invite/", "/admin/county/tokens/", "/admin/county/organisations/",
         "/admin/county/settings/"]  # fmt: skip


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
def test_other_roles_are_refused(make_user, role: Role) -> None:
    user = make_user(role.value, None if role is Role.NATIONAL_ANALYST else "15")
    target = make_user("reporter", "15", username="target_15")
    client = client_of(user)
    before = (User.objects.count(), ApiToken.objects.count(), Organisation.objects.count())
    for path in [*PAGES, f"/admin/county/users/{target.pk}/"]:
        assert client.get(path).status_code == 403, path
    posts = [
        ("/admin/county/invite/", {"email": "x@example.org", "username": "uusi", "role": "reporter", "language": "fi"}),
        (f"/admin/county/users/{target.pk}/", {"action": "role", "role": "admin"}),
        (f"/admin/county/users/{target.pk}/", {"action": "deactivate"}),
        ("/admin/county/tokens/", {"action": "create", "user": target.pk, "name": "x", "scope": "write",
                                   "expires_on": "2027-01-01"}),
        ("/admin/county/organisations/", {"action": "add", "name": "Uusi", "kind": "ngo"}),
    ]  # fmt: skip
    for path, data in posts:
        assert client.post(path, data).status_code == 403, path
    target.refresh_from_db()
    assert (target.role, target.is_active) == ("reporter", True)
    assert (User.objects.count(), ApiToken.objects.count(), Organisation.objects.count()) == before


def test_anonymous_is_sent_to_log_in(db) -> None:
    for path in PAGES:
        response = client_of().get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), path
