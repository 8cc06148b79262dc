"""What a county administrator may see and change: the users, API tokens and organisations
of their own county, nothing of another county (the caller answers 404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ilmio.accounts.models import ApiToken, Organisation, SingleSignOnGroup, User
from ilmio.core.access import in_county, is_id
from ilmio.core.permissions import Capability, has_capability


def is_county_admin(user: Any) -> bool:
    return has_capability(user, Capability.MANAGE_USERS) and getattr(user, "county_id", None) is not None


def county_users_for(admin: Any) -> QuerySet[User]:
    if not is_county_admin(admin):
        return User.objects.none()
    return in_county(User.objects.all(), admin).select_related("organisation")


def county_user_for(admin: Any, pk: Any) -> User | None:
    if not is_id(pk):
        return None
    return county_users_for(admin).filter(pk=int(pk)).first()


def county_tokens_for(admin: Any) -> QuerySet[ApiToken]:
    """The API tokens of the county's users."""
    if not is_county_admin(admin):
        return ApiToken.objects.none()
    return in_county(ApiToken.objects.all(), admin, field="user__county").select_related("user")


def county_token_for(admin: Any, pk: Any) -> ApiToken | None:
    if not is_id(pk):
        return None
    return county_tokens_for(admin).filter(pk=int(pk)).first()


def county_organisations_for(admin: Any) -> QuerySet[Organisation]:
    if not is_county_admin(admin):
        return Organisation.objects.none()
    return in_county(Organisation.objects.all(), admin)


def county_organisation_for(admin: Any, pk: Any) -> Organisation | None:
    if not is_id(pk):
        return None
    return county_organisations_for(admin).filter(pk=int(pk)).first()


def county_sso_groups_for(admin: Any) -> QuerySet[SingleSignOnGroup]:
    """The identity provider's groups the county has mapped to roles."""
    if not is_county_admin(admin):
        return SingleSignOnGroup.objects.none()
    return in_county(SingleSignOnGroup.objects.all(), admin)


def county_sso_group_for(admin: Any, pk: Any) -> SingleSignOnGroup | None:
    if not is_id(pk):
        return None
    return county_sso_groups_for(admin).filter(pk=int(pk)).first()
