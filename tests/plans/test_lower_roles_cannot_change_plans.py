"""A role below the one a plan action needs is refused, and nothing changes."""

from __future__ import annotations

import pytest

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.plans import services
from tests.plans.helpers import logged_in, make_plan

pytestmark = pytest.mark.django_db


def test_lower_roles_are_refused(make_user):  # type: ignore[no-untyped-def]
    plan = make_plan()
    county = County.objects.get(code="15")
    year = services.create_year_plan(county=county, year=2025, by=None)
    report = services.generate_monitoring_report(county=county, year=2025, language="fi", by=None)
    decision_maker = logged_in(make_user(Role.DECISION_MAKER))
    coordinator = logged_in(make_user(Role.COORDINATOR))
    reporter = logged_in(make_user(Role.REPORTER))
    area = plan.areas.get()

    decision_maker.post(f"/plans/{plan.pk}/", {"action": "measure", "area": area.pk, "description": "Uusi"})
    assert area.measures.count() == 1
    coordinator.post(f"/plans/{plan.pk}/", {"action": "approve", "body": "Hallitus", "approved_on": "2025-06-16"})
    plan.refresh_from_db()
    assert plan.is_editable and not plan.approvals.exists()
    decision_maker.post(f"/plans/years/{year.pk}/", {"action": "add", "measure": "Uusi", "responsible": "Johto"})
    assert not year.measures.exists()
    decision_maker.post(f"/plans/monitoring/{report.pk}/", {"action": "evaluate", "evaluation": "Arvio"})
    coordinator.post(f"/plans/monitoring/{report.pk}/", {"action": "publish"})
    report.refresh_from_db()
    assert report.evaluation == "" and report.is_editable
    for path in ("/plans/", f"/plans/{plan.pk}/", f"/plans/monitoring/{report.pk}/export.docx", "/api/v1/plans"):
        assert reporter.get(path).status_code == 403, path
    # A draft report is not on the public pages.
    assert reporter.get(f"/plans/public/monitoring/{report.pk}/").status_code == 404
