"""The pages: the form (with the immediate-danger instruction), the notifier's list and the
receiver's workbench and steps as POST action= branches; bad input changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from ilmio.shortcomings.models import Shortcoming
from tests.shortcomings.helpers import file, logged_in, people, unit

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_form_offers_only_the_units_of_ones_county(make_user):
    who = people(make_user)
    unit("13", "Naapurin kotihoito")
    page = logged_in(who["notifier"]).get("/shortcomings/new/").content.decode()
    assert "Kotihoito Keskusta" in page and "Naapurin kotihoito" not in page
    assert "112" in page  # the instruction is on the form before filing


def test_a_unit_of_another_county_is_not_a_valid_choice(make_user):
    who = people(make_user)
    other = unit("13", "Naapurin kotihoito")
    response = logged_in(who["notifier"]).post("/shortcomings/new/", {
        "unit": other.pk, "service_area": Shortcoming.ServiceArea.OTHER, "what": "Puutteita", "safety_at_risk_now": "no"})
    assert response.status_code == 200 and not Shortcoming.objects.exists()


def test_safety_at_risk_shows_the_immediate_danger_instruction_after_filing(make_user):
    who = people(make_user)
    client = logged_in(who["notifier"])
    response = client.post("/shortcomings/new/", {
        "unit": who["unit"].pk, "service_area": Shortcoming.ServiceArea.CHILD_FAMILY,
        "what": "Lapsi jätetään yöksi yksin.", "safety_at_risk_now": "yes"}, follow=True)  # fmt: skip
    text = response.content.decode()
    assert 'id="immediate-danger"' in text and "112" in text
    assert Shortcoming.objects.get().safety_at_risk_now


def test_an_invalid_form_is_shown_again_with_the_danger_instruction(make_user):
    who = people(make_user)
    response = logged_in(who["notifier"]).post("/shortcomings/new/", {"safety_at_risk_now": "yes", "what": "\x00"})
    assert response.status_code == 200 and 'id="immediate-danger"' in response.content.decode()
    assert not Shortcoming.objects.exists()


def test_the_receiver_handles_it_on_the_page(make_user):
    who = people(make_user)
    shortcoming = file(who)
    client = logged_in(who["receiver"])
    path = f"/shortcomings/{shortcoming.pk}/"
    for data in ({"action": "acknowledge"}, {"action": "start"},
                 {"action": "add_action", "what": "Perehdytys iltavuoroon.", "owner": who["receiver"].pk,
                  "due": (timezone.localdate() + timedelta(days=7)).isoformat()}):  # fmt: skip
        response = client.post(path, data)
        assert response.status_code == 302 and not any("cannot" in m for m in messages_of(response)), data
    action = shortcoming.actions.get()
    client.post(path, {"action": "complete_action", "item": action.pk})
    client.post(path, {"action": "corrected"})
    shortcoming.refresh_from_db()
    assert shortcoming.status == Shortcoming.Status.CORRECTED
    assert "Perehdytys iltavuoroon." in client.get(path).content.decode()


@pytest.mark.parametrize("data", [
    {"action": "start"},  # before acknowledging
    {"action": "unfounded", "reason": ""},
    {"action": "complete_action", "item": "999999"},
    {"action": "add_action", "what": "x", "owner": "999999"},
    {"action": "nonsense"},
])  # fmt: skip
def test_a_refused_step_says_why_and_changes_nothing(make_user, data):
    who = people(make_user)
    shortcoming = file(who)
    response = logged_in(who["receiver"]).post(f"/shortcomings/{shortcoming.pk}/", data)
    assert response.status_code == 302 and messages_of(response)
    shortcoming.refresh_from_db()
    assert shortcoming.status == Shortcoming.Status.RECEIVED and not shortcoming.actions.exists()


def test_the_workbench_puts_overdue_first(make_user):
    who = people(make_user)
    recent = file(who)
    late = file(who, now=timezone.now() - timedelta(days=10))
    page = logged_in(who["receiver"]).get("/shortcomings/").content.decode()
    assert page.index(f"/shortcomings/{late.pk}/") < page.index(f"/shortcomings/{recent.pk}/")
    assert "badge-overdue" in page


def test_the_notifiers_list_shows_their_own_only(make_user):
    who = people(make_user)
    mine = file(who)
    someone = make_user("coordinator")
    theirs = file({**who, "notifier": someone})
    page = logged_in(who["notifier"]).get("/shortcomings/mine/").content.decode()
    assert f"/shortcomings/{mine.pk}/" in page and f"/shortcomings/{theirs.pk}/" not in page
