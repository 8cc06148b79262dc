from __future__ import annotations

import time
from typing import Any

from django.core import signing

from ilmio.core.forms import SPAM_TOKEN_SALT

# Identifying details typed by a hurried professional; none may ever be stored.
SECRETS = {
    "name": "Virtasen",
    "first_name": "Ainolle",
    "hetu": "131052-308T",
    "phone": "040 765 4321",
    "email": "aino.virtanen@example.com",
    "iban": "FI21 1234 5600 0007 85",
    "address": "Kauppakatu 12 B 7",
}
LEAKY_DESCRIPTION = (
    f"Asiakas Matti {SECRETS['name']} perheen tilanne: soitin {SECRETS['first_name']}, hetu "
    f"{SECRETS['hetu']}, puhelin {SECRETS['phone']}, sähköposti {SECRETS['email']}, tili "
    f"{SECRETS['iban']}, osoite {SECRETS['address']}, Jyväskylä. Vuokrarästit kasvavat Kelan "
    "asumistuen muutosten jälkeen."
)


def old_token(seconds: float = 10) -> str:
    """A public-form token issued a while ago, as a person who read the form would send."""
    return signing.dumps(time.time() - seconds, salt=SPAM_TOKEN_SALT)


def staff_form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Vuokrarästit kasautuvat",
        "description": LEAKY_DESCRIPTION,
        "kind": "concern",
        "phenomena": ["asuminen", "toimeentulo"],
        "target_groups": ["tyoikaiset"],
        "municipalities": ["179"],
        "service_area": "aikuissosiaalityo",
        "prevalence": "several",
        "observed_since": "months",
        "trend": "growing",
        "effects": f"Perhe ({SECRETS['phone']}) joutuu muuttamaan.",
        "proposed_action": "Asumisneuvontaa lisää.",
        "language": "fi",
        "reporter_type": "professional",
        "idempotency_key": "test-key-000001",
    }
    data.update(overrides)
    return data


def public_form_data(**overrides: Any) -> dict[str, Any]:
    data = staff_form_data(reporter_type="resident", municipalities="179", form_token=old_token(), website="")
    data.update(overrides)
    return data
