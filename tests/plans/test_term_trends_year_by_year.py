"""The term page puts each year's monitoring figures side by side."""

from __future__ import annotations

import re

import pytest

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.plans import services
from ilmio.reports.models import Report
from tests.plans.helpers import file_reports, logged_in

pytestmark = pytest.mark.django_db


def test_each_year_is_a_column(make_user):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    file_reports(6, year=2024, channel=Report.Channel.FORM, phenomenon="asuminen")
    file_reports(9, year=2025, channel=Report.Channel.FORM, phenomenon="asuminen")
    plan = services.create_plan(county=county, term_start=2024, term_end=2027, title="Kausi", by=None)
    for year in (2024, 2025):
        services.generate_monitoring_report(county=county, year=year, language="fi", by=None)
    page = logged_in(make_user(Role.MANAGER)).get(f"/plans/{plan.pk}/term/").content.decode()
    assert "<th scope=\"col\">2024</th><th scope=\"col\">2025</th>" in page
    row = re.search(r"<th scope=\"row\">Form</th>(.*?)</tr>", page)
    assert row is not None and re.findall(r"<td>(.*?)</td>", row.group(1)) == ["6", "9"]
