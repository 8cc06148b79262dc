"""The two-minute view on the home page: what changed since the last visit, per reader."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action
from tests.world import client_for

pytestmark = pytest.mark.django_db


def _briefing(html: str) -> str:
    start = html.find('id="briefing-heading"')
    return html[start:html.find("</section>", start)] if start >= 0 else ""


def test_a_manager_sees_what_awaits_and_what_is_overdue_in_their_own_county(world):
    own, other = world.own, world.other
    loop.update_action(own.actions["internal"], status="in_progress", by=own.users["manager"])
    Action.objects.filter(pk=own.actions["internal"].pk).update(due_date=date.today() - timedelta(days=3))
    Action.objects.filter(pk=other.actions["internal"].pk).update(due_date=date.today() - timedelta(days=3))
    section = _briefing(client_for(own.users["manager"]).get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "1 proposal awaiting a decision" in section  # the pending one; the other county's is not counted
    assert "1 action overdue" in section
    assert "summaries published since your last visit" in section
    assert 'href="/knowledge/proposals/"' in section and 'href="/knowledge/actions/"' in section


def test_the_second_visit_counts_from_the_first(world):
    manager = world.own.users["manager"]
    client = client_for(manager)
    assert "published since your last visit" in _briefing(client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    manager.refresh_from_db()
    assert manager.briefing_seen_at is not None
    second = _briefing(client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Since your last visit" in second and "published since your last visit" not in second


@pytest.mark.parametrize("role", ["reporter", "partner"])
def test_lower_roles_and_the_public_get_no_briefing(world, role: str):
    assert _briefing(client_for(world.own.users[role]).get("/").content.decode()) == ""
    assert _briefing(client_for().get("/").content.decode()) == ""


def test_the_briefing_is_in_the_readers_language(world):
    user = world.own.users["decision_maker"]
    user.preferred_language = "sv"
    user.save()
    section = _briefing(client_for(user).get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode())
    text = re.sub(r"<[^>]+>", " ", section)
    assert "förslag" in text and "proposal" not in text and "awaiting" not in text
