"""Run inside the provider's process environment: migrate, then one client (Ilmiö) and
its users. ``python -m tests.oidc_provider.setup CLIENT_ID SECRET REDIRECT_URI USERS_JSON``."""

from __future__ import annotations

import json
import os
import sys


def main(client_id: str, secret: str, redirect_uri: str, users_json: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oauth2_provider.models import get_application_model

    call_command("migrate", verbosity=0)
    get_application_model().objects.create(
        name="Ilmiö", client_id=client_id, client_secret=secret, client_type="confidential",
        authorization_grant_type="authorization-code", redirect_uris=redirect_uri, algorithm="RS256",
        skip_authorization=True,
    )  # fmt: skip
    for person in json.loads(users_json):
        user = User.objects.create_user(person["username"], password=person["password"], email=person.get("email", ""),
                                        first_name=person.get("first_name", ""), last_name=person.get("last_name", ""))  # fmt: skip
        for name in person.get("groups", []):
            user.groups.add(Group.objects.get_or_create(name=name)[0])


if __name__ == "__main__":
    main(*sys.argv[1:5])
