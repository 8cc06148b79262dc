"""Overdue reminders: one e-mail per receiver, in their language, with no text and no identity."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from ilmio.shortcomings import services
from ilmio.shortcomings.tasks import send_shortcoming_reminders
from tests.shortcomings.helpers import NAME, file, people

pytestmark = pytest.mark.django_db
FILED = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_the_receiver_is_reminded_in_their_language_without_identity(make_user):
    who = people(make_user)
    who["receiver"].preferred_language = "sv"
    who["receiver"].save()
    late = file(who, now=FILED, what=f"Asiakas {NAME} jäi ilman lääkkeitä, iltavuoro unohti.")
    file(who, now=FILED + timedelta(days=10))  # in time
    sent = services.send_overdue_reminders(now=FILED + timedelta(days=3))  # not acknowledged in 2 working days
    assert sent == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["risto@example.org"]
    assert "Ilmiö" in message.subject and f"nr {late.pk}" in message.body.lower()
    assert "Kotihoito Keskusta" in message.body
    for secret in ("Nelli", "Kivikoski", "notifier_15", "nelli@example.org", "iltavuoro", "Virtanen"):
        assert secret not in message.subject + message.body
    assert "Tillstånds- och tillsynsverket" in message.body


def test_nothing_overdue_sends_nothing(make_user):
    who = people(make_user)
    file(who, now=FILED)
    assert services.send_overdue_reminders(now=FILED + timedelta(hours=1)) == 0
    assert mail.outbox == []


def test_the_task_and_the_command_remind_and_escalate(make_user):
    who = people(make_user)
    shortcoming = file(who, now=FILED - timedelta(days=60))
    result = send_shortcoming_reminders.enqueue(escalate=True).return_value
    assert result == {"escalated": 1, "reminded": 0}
    shortcoming.refresh_from_db()
    assert shortcoming.is_escalated
    file(who, now=FILED - timedelta(days=60))
    call_command("send_shortcoming_reminders")
    assert len(mail.outbox) == 1
