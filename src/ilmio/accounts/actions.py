"""Write-side functions for accounts."""

from __future__ import annotations

import hashlib
import secrets

from ilmio.accounts.models import ApiToken, User


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
