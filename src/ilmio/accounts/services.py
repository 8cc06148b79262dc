"""Write-side functions for accounts."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from ilmio.accounts.models import ApiToken, User
from ilmio.core.audit import Event, record_event
from ilmio.core.roles import Role


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its key; the key is shown once and never stored."""
    key = "ilmio_" + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name, key_hash=hash_token(key)), key


def user_for_token(key: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key)).first()
    if token is None or not token.user.is_active:
        return None
    return token.user


def set_preferred_language(user: User, language: str) -> bool:
    """Remember the interface language on the account; returns whether it changed."""
    if language not in {"fi", "sv", "en"} or user.preferred_language == language:
        return False
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return True


def create_user(username: str, *, role: str, county: Any = None, password: str | None = None, by: Any = None,
                **fields: Any) -> User:  # fmt: skip
    """Create an account with its one role; recorded in the audit trail."""
    role = Role(role)
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password, role=role, county=county, **fields)
        record_event(by, Event.USER_CREATED, obj=user, role=role)
    return user


def change_role(user: User, role: str, *, county: Any = None, by: Any = None) -> User:
    """Give a user another role (and county); recorded with the old and new role."""
    role = Role(role)
    from_role, from_county = user.role, user.county_id
    user.role = role
    if county is not None:
        user.county = county
    with transaction.atomic():
        user.save(update_fields=["role", "county"])
        record_event(by, Event.ROLE_CHANGED, obj=user, from_role=from_role, to_role=role,
                     from_county=from_county, to_county=user.county_id)  # fmt: skip
    return user


def mark_briefing_seen(user: Any) -> datetime | None:
    """Record that the home page's briefing was shown now; returns the previous time (the
    start of "since your last visit"), or None on the first visit."""
    previous = user.briefing_seen_at
    user.briefing_seen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(briefing_seen_at=user.briefing_seen_at)
    return previous
