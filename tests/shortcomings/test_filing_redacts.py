"""Filing a notification stores its text redacted: a client's name typed in never reaches the database."""

from __future__ import annotations

import pytest

from ilmio.shortcomings.models import Shortcoming
from tests.shortcomings.helpers import NAME, file, logged_in, people

pytestmark = pytest.mark.django_db


def test_a_clients_name_in_what_is_removed_before_saving(make_user):
    who = people(make_user)
    shortcoming = file(who, what=f"Asiakas {NAME} (puh. 040 1234567) jäi ilman iltalääkkeitä kolmena iltana.")
    stored = Shortcoming.objects.get(pk=shortcoming.pk).what
    assert "Virtanen" not in stored and "1234567" not in stored
    assert "iltalääkkeitä" in stored


def test_the_form_redacts_and_sends_it_to_the_units_manager(make_user):
    who = people(make_user)
    response = logged_in(who["notifier"]).post("/shortcomings/new/", {
        "unit": who["unit"].pk, "service_area": Shortcoming.ServiceArea.OLDER_PEOPLE,
        "what": f"Asiakas {NAME} jäi ilman iltalääkkeitä.", "safety_at_risk_now": "no",
    })  # fmt: skip
    assert response.status_code == 302
    shortcoming = Shortcoming.objects.get()
    assert "Virtanen" not in shortcoming.what
    assert shortcoming.receiver == who["receiver"] and shortcoming.notifier == who["notifier"]
    assert shortcoming.notifier_language == "en"


def test_a_corrective_action_is_redacted_too(make_user):
    from ilmio.shortcomings.services import acknowledge, add_corrective_action

    who = people(make_user)
    shortcoming = acknowledge(file(who), by=who["receiver"])
    action = add_corrective_action(shortcoming, f"Keskustellaan omaisen {NAME} kanssa.", by=who["receiver"])
    action.refresh_from_db()
    assert "Virtanen" not in action.what
