"""A coordinator of one county sees nothing of another; roles hold what the table says."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.areas.models import County, Municipality
from ilmio.core.permissions import ROLE_CAPABILITIES, Capability, has_capability
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db


def file_report(county_code: str, municipality_code: str, title: str) -> Report:
    report, _ = submit_report(
        {"title": title, "description": "Vuokrarästit kasautuvat asumistuen muutosten jälkeen.",
         "municipalities": [Municipality.objects.get(code=municipality_code)], "language": "fi"},
        county=County.objects.get(code=county_code), channel=Report.Channel.FORM,
    )  # fmt: skip
    return report


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_coordinator_sees_only_own_county(make_user):
    own = file_report("15", "179", "Keski-Suomen havainto")
    other = file_report("13", "297", "Pohjois-Savon havainto")
    coordinator = make_user(Role.COORDINATOR, "15")
    client = logged_in(coordinator)

    listing = client.get("/reports/").content.decode()
    assert "Keski-Suomen havainto" in listing
    assert "Pohjois-Savon havainto" not in listing
    assert client.get(f"/reports/{own.public_id}/").status_code == 200
    assert client.get(f"/reports/{other.public_id}/").status_code == 404

    api = client.get("/api/v1/reports").json()
    assert [r["title"] for r in api] == ["Keski-Suomen havainto"]
    assert client.get(f"/api/v1/reports/{other.public_id}").status_code == 404


def test_reporter_sees_only_own_reports(make_user):
    reporter = make_user(Role.REPORTER, "15")
    colleague_report = file_report("15", "179", "Kollegan havainto")
    client = logged_in(reporter)
    assert client.get("/reports/").status_code == 403
    assert client.get(f"/reports/{colleague_report.public_id}/").status_code == 404


def test_national_analyst_never_reads_report_text(make_user):
    analyst = make_user(Role.NATIONAL_ANALYST, None)
    report = file_report("15", "179", "Havainto")
    client = logged_in(analyst)
    assert not has_capability(analyst, Capability.READ_REPORT_TEXT)
    assert client.get("/reports/").status_code == 403
    assert client.get(f"/reports/{report.public_id}/").status_code == 403
    assert client.get("/api/v1/reports").status_code == 403


def test_county_role_without_county_holds_nothing(make_user):
    orphan = make_user(Role.COORDINATOR, None, username="orphan")
    assert not any(has_capability(orphan, c) for c in Capability)


def test_every_role_has_an_entry_and_only_admin_manages_users():
    assert set(ROLE_CAPABILITIES) == set(Role)
    holders = {role for role, caps in ROLE_CAPABILITIES.items() if Capability.MANAGE_USERS in caps}
    assert holders == {Role.ADMIN}


def test_anonymous_is_sent_to_log_in():
    response = Client().get("/reports/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
