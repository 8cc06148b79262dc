"""The annual summary: notifications by service area × year and by phenomenon, through the
disclosure door (small cells hidden with their complements), complete years only."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ilmio.indicators.disclosure import threshold
from ilmio.shortcomings.counts import counts_by_service_area_and_year, year_counts
from ilmio.shortcomings.models import Shortcoming
from ilmio.taxonomy.models import Phenomenon
from tests.shortcomings.helpers import file, logged_in, people

pytestmark = pytest.mark.django_db
IN_2025 = datetime(2025, 5, 5, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
A = Shortcoming.ServiceArea


def test_small_cells_are_hidden_with_their_complement(make_user):
    who = people(make_user)
    housing = Phenomenon.objects.get(code="asuminen")
    for _ in range(threshold() + 2):
        file(who, now=IN_2025, service_area=A.OLDER_PEOPLE, phenomena=[housing])
    file(who, now=IN_2025, service_area=A.DISABILITY)  # one: hidden, and so another cell
    table = counts_by_service_area_and_year(who["receiver"], [2025])[2025]
    assert table[A.DISABILITY].hidden
    assert sum(1 for code, cell in table.items() if cell.hidden) >= 2  # complementary suppression
    counts = year_counts(who["receiver"], 2025)
    assert dict(counts.by_phenomenon)[housing.label].value == threshold() + 2


def test_the_current_year_is_not_counted_yet(make_user):
    who = people(make_user)
    file(who)
    from django.utils import timezone

    counts = year_counts(who["receiver"], timezone.localdate().year)
    assert not counts.complete and counts.total.hidden


def test_counts_are_the_county_own_and_the_page_shows_dashes_not_small_numbers(make_user):
    own, other = people(make_user), people(make_user, "13")
    for _ in range(threshold() + 1):
        file(other, now=IN_2025, service_area=A.CHILD_FAMILY)
    file(own, now=IN_2025, service_area=A.CHILD_FAMILY)
    table = counts_by_service_area_and_year(own["receiver"], [2025])[2025]
    assert table[A.CHILD_FAMILY].hidden  # one of county 15's own, not county 13's six
    page = logged_in(own["receiver"]).get("/shortcomings/annual/2025/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Child and family services" in text and "–" in text and "Nelli" not in text
    assert logged_in(own["notifier"]).get("/shortcomings/annual/2025/").status_code == 403
    assert logged_in(own["receiver"]).get("/shortcomings/annual/1900/").status_code == 404
