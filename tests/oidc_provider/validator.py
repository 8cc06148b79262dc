"""The provider's claims: the user's name, e-mail and Django groups (as Entra ID sends
group ids and Keycloak group names, in a ``groups`` claim)."""

from __future__ import annotations

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator


class GroupsValidator(OAuth2Validator):  # type: ignore[misc]
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "groups": "openid"}

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        user = request.user
        return {"given_name": user.first_name, "family_name": user.last_name, "email": user.email,
                "groups": sorted(user.groups.values_list("name", flat=True))}  # fmt: skip
