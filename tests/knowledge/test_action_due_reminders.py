"""Issue 20: overdue and due-soon actions are flagged, and each county's managers get one
reminder e-mail in their own language — counts and a link, nothing identifying — once while
an action is due soon and once when it is overdue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def managers(make_user):  # type: ignore[no-untyped-def]
    finnish, swedish = make_user(Role.MANAGER), make_user(Role.MANAGER, username="chef")
    finnish.email, finnish.preferred_language = "johtaja@example.org", "fi"
    swedish.email, swedish.preferred_language = "chef@example.org", "sv"
    finnish.save()
    swedish.save()
    coordinator = make_user(Role.COORDINATOR)
    coordinator.email = "koordinaattori@example.org"
    coordinator.save()
    return finnish, swedish


def action(days: int, title: str = "Häätöjen ehkäisy Matti Virtasen kanssa", county: str = "15") -> Action:
    return services.create_action(county=County.objects.get(code=county), title=title, owner="Johto",
                                  due_date=timezone.localdate() + timedelta(days=days))  # fmt: skip


def test_flags_follow_the_due_date_and_the_status(reference_data):  # type: ignore[no-untyped-def]
    late, soon, later = action(-1), action(3), action(30)
    assert (late.overdue, late.due_soon) == (True, False)
    assert (soon.overdue, soon.due_soon) == (False, True)
    assert (later.overdue, later.due_soon) == (False, False)
    services.update_action(late, status=Action.Status.DONE, by=None)
    assert not Action.objects.get(pk=late.pk).overdue


def test_managers_get_one_reminder_in_their_language_without_titles(managers, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    action(-2), action(3), action(30), action(-5, county="13")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders")
    own = sorted((m for m in mail.outbox if m.to[0].endswith("example.org") and "13" not in m.to[0]), key=lambda m: m.to[0])
    assert [m.to for m in own] == [["chef@example.org"], ["johtaja@example.org"]]  # managers only, not the coordinator
    swedish, finnish = own
    assert "1 toimenpiteen määräaika on ohitettu." in finnish.body and "7 päivän" in finnish.body
    assert "1 åtgärd har passerat sin tidsfrist." in swedish.body
    assert "/knowledge/actions/" in finnish.body
    assert not any("Virtanen" in m.body or "Häätö" in m.body for m in mail.outbox)


def test_each_state_is_reminded_once(managers, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    soon = action(3)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_action_reminders(today) == 2
        assert services.send_action_reminders(today + timedelta(days=1)) == 0
        # Once past the due date it is reminded again, once.
        assert services.send_action_reminders(today + timedelta(days=4)) == 2
        assert services.send_action_reminders(today + timedelta(days=5)) == 0
    assert Action.objects.get(pk=soon.pk).reminded_on == today + timedelta(days=4)
    assert len(mail.outbox) == 4
