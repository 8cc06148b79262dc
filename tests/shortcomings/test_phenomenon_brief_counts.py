"""Notifications of shortcomings are evidence in the phenomenon brief: counted per complete
year through the disclosure door, a small year hidden, no notifier anywhere."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.core.roles import Role
from ilmio.indicators.disclosure import threshold
from ilmio.shortcomings.models import Shortcoming
from ilmio.taxonomy.models import Phenomenon
from tests.shortcomings.registry import shortcoming_in

pytestmark = pytest.mark.django_db


def filed(n: int, year: int, by) -> None:  # type: ignore[no-untyped-def]
    housing = Phenomenon.objects.get(code="asuminen")
    for month in range(1, n + 1):
        item = shortcoming_in("15", by=by)
        item.phenomena.set([housing])
        Shortcoming.objects.filter(pk=item.pk).update(created_at=timezone.make_aware(datetime(year, month, 10, 12)))


def test_the_brief_counts_complete_years_and_hides_a_small_one(make_user):
    notifier = make_user(Role.REPORTER, username="brief_notifier")
    notifier.first_name, notifier.last_name = "Tiina", "Ilmoittaja"
    notifier.save()
    last = timezone.localdate().year - 1
    filed(threshold() + 2, last, notifier)
    filed(1, last - 1, notifier)
    filed(threshold() + 3, last + 1, notifier)  # this year: not complete, not counted
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/situation/brief/asuminen/?level=county&area=15").content.decode()
    assert "Notifications of shortcomings on this phenomenon" in html
    assert f"{last}: {threshold() + 2}" in html
    assert f"{last - 1}: –" in html and f"{last + 1}:" not in html
    assert "Ilmoittaja" not in html and "brief_notifier" not in html
