"""Production hashes new passwords with Argon2id (decision 0013); a password hashed by the
PBKDF2 hasher used before still logs in, and is rehashed with Argon2 as it does.

The suite itself runs with a fast MD5 hasher (settings.TESTING), so the production list is
read from the settings as a production process loads them, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hashers, identify_hasher
from django.test import Client

PASSWORD = "Vanha-salasana-2019"  # noqa: S105 - a test user's password

PRODUCTION_SNIPPET = """
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth.hashers import make_password
print(json.dumps({"hashers": settings.PASSWORD_HASHERS, "hash": make_password("Uusi-salasana-2026")}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILMIO_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "ILMIO_SECRET_KEY": "x7" * 30 + "-production-like-secret-key",
        "ILMIO_DATA_DIR": str(tmp_path_factory.mktemp("production")),
        "DJANGO_SETTINGS_MODULE": "ilmio.settings",
    }
    result = subprocess.run([sys.executable, "-c", PRODUCTION_SNIPPET], capture_output=True, text=True, env=env,
                            timeout=120, cwd=Path(__file__).parent)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_production_hashes_a_new_password_with_argon2id(production: dict[str, Any]) -> None:
    algorithm, variant, version, parameters, *_rest = production["hash"].split("$")
    assert (algorithm, variant) == ("argon2", "argon2id")
    memory = int(dict(p.split("=") for p in parameters.split(","))["m"])
    assert memory >= 19 * 1024, parameters  # at least OWASP's minimum of 19 MiB
    assert production["hashers"][0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in production["hashers"]


@pytest.mark.django_db
def test_an_old_pbkdf2_password_logs_in_and_is_rehashed(
    production: dict[str, Any], settings: Any, make_user: Any
) -> None:
    settings.PASSWORD_HASHERS = production["hashers"]
    get_hashers.cache_clear()  # the setting_changed signal does this too; be explicit
    user = make_user("reporter")
    # As an account created before the switch holds it (fewer rounds keep the test quick).
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "ilmiosalt2019", iterations=1000)
    user.save(update_fields=["password"])
    response = Client().post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(PASSWORD)
    wrong = Client().post("/accounts/login/", {"username": user.username, "password": "väärä"})
    assert wrong.status_code == 200  # the form again, not a log-in
