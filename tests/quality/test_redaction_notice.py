"""The person who typed an identifying detail into a staff field is told it was removed."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.analysis.models import PhenomenonCase
from ilmio.core.roles import Role

pytestmark = pytest.mark.django_db


def test_saving_a_case_with_a_name_and_phone_says_what_was_removed(make_user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user(Role.COORDINATOR))
    response = client.post("/triage/cases/", {"title": "Mikko Virtanen soitti numerosta 040 765 4321"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Identifying details were removed before saving" in html
    assert "Name" in html and "Phone number" in html
    case = PhenomenonCase.objects.get()
    assert "Virtanen" not in case.title and "4321" not in case.title


def test_nothing_is_said_when_nothing_was_removed(make_user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user(Role.COORDINATOR))
    html = client.post("/triage/cases/", {"title": "Vuokrarästit kasvavat"}, follow=True).content.decode()
    assert "Identifying details were removed" not in html
