"""Single sign-on with OpenID Connect (mozilla-django-oidc, decision 0038).

Staff sign in through their county's identity provider (Entra ID, or a Keycloak in front of
it). The provider's group claim decides everything: a user is created at their first
sign-in, and at every sign-in their county and role are taken again from the groups the
county administrators mapped (:class:`~ilmio.accounts.models.SingleSignOnGroup`), so that
a person moved or removed in the provider is moved or refused here too. A user with no
mapped group is refused with a message; the provider's stable ``sub`` identifies the
account, never the e-mail address (it changes, and is reused).

The backend stays in ``AUTHENTICATION_BACKENDS`` when single sign-on is not configured: it
then answers nobody, and password log-in works as before.
"""

from __future__ import annotations

import hashlib
from typing import Any

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ilmio.accounts.models import SingleSignOnGroup, User
from ilmio.core.audit import Event, record_event
from ilmio.core.roles import Role

# When a person is in several mapped groups of their county, the widest role wins (a
# coordinator is usually also in the group of all staff).
PRECEDENCE: tuple[str, ...] = (Role.ADMIN, Role.MANAGER, Role.COORDINATOR, Role.DECISION_MAKER, Role.PARTNER,
                               Role.REPORTER)  # fmt: skip


def sso_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def claimed_groups(claims: dict[str, Any]) -> list[str]:
    value = claims.get(settings.OIDC_GROUPS_CLAIM, [])
    if isinstance(value, str):
        value = [value]
    return [group for group in value if isinstance(group, str)] if isinstance(value, list) else []


def mapped_role(claims: dict[str, Any]) -> SingleSignOnGroup | None:
    """The mapping that gives this person their county and role, or None: no mapped group,
    or groups of more than one county (an error in the provider, never guessed)."""
    mappings = list(SingleSignOnGroup.objects.filter(group__in=claimed_groups(claims)).select_related("county"))
    if not mappings or len({m.county_id for m in mappings}) > 1:
        return None
    return min(mappings, key=lambda m: PRECEDENCE.index(m.role) if m.role in PRECEDENCE else len(PRECEDENCE))


def username_for(subject: str) -> str:
    """A username that names nobody: the provider's subject, hashed."""
    return "sso-" + hashlib.sha256(subject.encode()).hexdigest()[:20]


class CountyOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with accounts keyed by ``sub`` and roles by group."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.configured = sso_enabled()
        if self.configured:
            try:
                super().__init__(*args, **kwargs)
            except ImproperlyConfigured:
                self.configured = False
        self.UserModel = User

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if not self.configured:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException:
            # The provider did not answer or refused the code: the person can try again.
            self.request = request
            self._refuse(_("The sign-in service of your organisation did not answer. Try again in a moment."))
            return None

    def _refuse(self, message: str) -> bool:
        request = getattr(self, "request", None)
        if request is not None:
            messages.error(request, message)
        return False

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not isinstance(claims.get("sub"), str) or not claims["sub"]:
            return self._refuse(_("Single sign-on did not give an identity."))
        if mapped_role(claims) is None:
            return self._refuse(_("Your organisation's account has no role in Ilmiö: ask your county's "
                                  "administrator to add your group."))  # fmt: skip
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return User.objects.filter(oidc_subject=claims.get("sub"))

    def create_user(self, claims: dict[str, Any]) -> User:
        mapping = mapped_role(claims)
        assert mapping is not None  # verify_claims refused otherwise
        with transaction.atomic():
            user = User.objects.create_user(username=username_for(claims["sub"]), oidc_subject=claims["sub"],
                                            role=mapping.role, county=mapping.county)  # fmt: skip
            _copy_profile(user, claims)
            record_event(None, Event.SSO_USER_CREATED, obj=user, role=mapping.role, county=mapping.county_id)
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        from ilmio.accounts.services import change_role

        mapping = mapped_role(claims)
        assert mapping is not None
        if (user.role, user.county_id) != (mapping.role, mapping.county_id):
            change_role(user, mapping.role, county=mapping.county, by=None)
        _copy_profile(user, claims)
        return user

    def get_user(self, user_id: Any) -> Any:
        return User.objects.filter(pk=user_id, is_active=True).first()


def _copy_profile(user: User, claims: dict[str, Any]) -> None:
    """The name and e-mail the provider holds (shown to colleagues, used for notices)."""
    values = {"first_name": claims.get("given_name"), "last_name": claims.get("family_name"),
              "email": claims.get("email")}  # fmt: skip
    changed = [name for name, value in values.items() if isinstance(value, str) and value[:150] != getattr(user, name)]
    for name in changed:
        setattr(user, name, str(values[name])[:150])
    if changed:
        user.save(update_fields=changed)
