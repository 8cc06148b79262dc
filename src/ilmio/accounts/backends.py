"""Password log-in, refused for the staff of a county that signs in through single sign-on."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from ilmio.accounts.models import SignInPolicy


def password_allowed(user: Any) -> bool:
    """A county's staff may use a local password unless the county turned it off; accounts
    without a county (the national analyst, the maintainer) always may."""
    county_id = getattr(user, "county_id", None)
    if county_id is None:
        return True
    return not SignInPolicy.objects.filter(county_id=county_id, password_login=False).exists()


class CountyPasswordBackend(ModelBackend):
    """Django's password backend, with the county's policy checked at log-in and on every
    request (a session opened with a password ends when the county turns passwords off)."""

    def user_can_authenticate(self, user: Any) -> bool:
        return super().user_can_authenticate(user) and password_allowed(user)
