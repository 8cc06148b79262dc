"""Public situational-picture pages: reused while the published tables are unchanged,
revalidated by ETag, rebuilt when they change, and never shared with staff."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.test import Client

from ilmio.areas.models import Municipality
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db
PAGE = "/situation/?level=county&area=15&period=month"


def add(n: int, when: datetime) -> None:
    municipality = Municipality.objects.get(code="179")
    for i in range(n):
        submit_report({"title": "Havainto", "description": "Tilanne on vaikea.", "municipalities": [municipality],
                       "phenomena": [Phenomenon.objects.get(code="asuminen")]},
                      county=municipality.county, channel=Report.Channel.FORM, created_at=when.replace(day=1 + i))  # fmt: skip


def test_the_same_page_is_revalidated_and_changes_with_the_tables(reference_data):
    add(7, datetime(2026, 3, 1, 12, tzinfo=UTC))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    first = client.get(PAGE)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(PAGE, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Each reader's form gets the reader's own CSRF token, not the first reader's.
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', Client().get(PAGE).content.decode()).group(1)
              for _ in range(2)]  # fmt: skip
    assert tokens[0] != tokens[1] and "\x00" not in tokens[0]
    # A report in the running month changes no published number: the page stays.
    add(3, datetime.now(UTC).replace(day=1, hour=12))
    assert client.get(PAGE)["ETag"] == first["ETag"]
    # A report in a complete month does: a new page with the new count.
    add(1, datetime(2026, 3, 20, 12, tzinfo=UTC))
    second = client.get(PAGE)
    assert second["ETag"] != first["ETag"]
    assert ">8<" in second.content.decode() and ">7<" not in second.content.decode().split("Reports over time")[1][:4000]


def test_language_is_part_of_the_page(reference_data):
    add(7, datetime(2026, 3, 1, 12, tzinfo=UTC))
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(PAGE)
    finnish = Client(HTTP_ACCEPT_LANGUAGE="fi").get(PAGE)
    assert english["ETag"] != finnish["ETag"]
    assert "Reports over time" in english.content.decode() and "Reports over time" not in finnish.content.decode()


def test_staff_pages_are_not_the_cached_public_page(reference_data, make_user):
    from ilmio.core.roles import Role

    add(7, datetime(2026, 3, 1, 12, tzinfo=UTC))
    Client(HTTP_ACCEPT_LANGUAGE="en").get(PAGE)
    staff = Client(HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(make_user(Role.COORDINATOR))
    response = staff.get(PAGE)
    assert response.status_code == 200 and "ETag" not in response
    assert "Log out" in response.content.decode() or "logout" in response.content.decode()
