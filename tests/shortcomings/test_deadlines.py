"""Deadlines come from the county settings: acknowledgement in working days, correction in days."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ilmio.shortcomings.deadlines import add_working_days, deadlines_for
from tests.shortcomings.helpers import file, people

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize(("start", "expected"), [
    (date(2026, 3, 2), date(2026, 3, 4)),  # Monday → Wednesday
    (date(2026, 3, 5), date(2026, 3, 9)),  # Thursday → Monday
    (date(2026, 3, 6), date(2026, 3, 10)),  # Friday → Tuesday
    (date(2026, 3, 7), date(2026, 3, 10)),  # Saturday → Tuesday
])  # fmt: skip
def test_two_working_days_skip_the_weekend(start, expected):
    assert add_working_days(start, 2) == expected


def test_the_correction_deadline_is_thirty_calendar_days():
    assert deadlines_for("15", date(2026, 3, 6)).correct_by == date(2026, 4, 5)


def test_a_county_may_set_its_own_deadlines(settings):
    settings.SHORTCOMING_DEADLINES = {"default": {"acknowledge_working_days": 2, "correct_days": 30},
                                      "15": {"acknowledge_working_days": 1, "correct_days": 14}}  # fmt: skip
    assert deadlines_for("15", date(2026, 3, 6)) == deadlines_for("15", date(2026, 3, 6))
    assert deadlines_for("15", date(2026, 3, 6)).acknowledge_by == date(2026, 3, 9)
    assert deadlines_for("15", date(2026, 3, 6)).correct_by == date(2026, 3, 20)
    assert deadlines_for("13", date(2026, 3, 6)).correct_by == date(2026, 4, 5)


@pytest.mark.django_db
def test_a_filed_notification_gets_its_deadlines(make_user):
    shortcoming = file(people(make_user), now=datetime(2026, 3, 6, 15, 0, tzinfo=HELSINKI))
    assert shortcoming.acknowledge_by == date(2026, 3, 10)
    assert shortcoming.correct_by == date(2026, 4, 5)
