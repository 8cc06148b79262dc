"""Every write of the plans app records one audit event with its actor and county, and
details of ids and codes only (no text of the plan)."""

from __future__ import annotations

from datetime import date

import pytest

from ilmio.areas.models import County
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.plans import services

pytestmark = pytest.mark.django_db


def test_each_write_records_one_event(make_user):  # type: ignore[no-untyped-def]
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    county = County.objects.get(code="15")
    Type = AuditEvent.Type
    steps = [
        (Type.PLAN_CREATED, lambda s: s.update(plan=services.create_plan(
            county=county, term_start=2025, term_end=2029, title="Salainen otsikko", by=coordinator))),
        (Type.PLAN_UPDATED, lambda s: services.add_objective(s["plan"], "Salainen tavoite", by=coordinator)),
        (Type.PLAN_UPDATED, lambda s: s.update(area=services.add_area(s["plan"], "Salainen alue", by=coordinator))),
        (Type.PLAN_UPDATED, lambda s: services.add_measure(s["area"], "Salainen toimenpide", by=coordinator)),
        (Type.PLAN_UPDATED, lambda s: services.add_actor(s["plan"], "Salainen toimija", by=coordinator)),
        (Type.PLAN_UPDATED, lambda s: services.add_communication(s["plan"], "Salainen yleisö", by=coordinator)),
        (Type.PLAN_APPROVED, lambda s: services.approve_plan(s["plan"], body="Salainen elin",
                                                             approved_on=date(2025, 6, 16), by=manager)),
        (Type.PLAN_PUBLISHED, lambda s: services.publish_plan(s["plan"], by=manager)),
        (Type.PLAN_CREATED, lambda s: services.new_version(s["plan"], by=coordinator)),
        (Type.YEAR_PLAN_UPDATED, lambda s: s.update(year=services.create_year_plan(county=county, year=2025,
                                                                                   by=coordinator))),
        (Type.YEAR_PLAN_UPDATED, lambda s: s.update(item=services.add_year_measure(
            s["year"], measure="Salainen", responsible="Salainen vastuu", by=coordinator))),
        (Type.YEAR_PLAN_UPDATED, lambda s: services.update_year_measure(s["item"], status="done", by=coordinator)),
        (Type.MONITORING_GENERATED, lambda s: s.update(report=services.generate_monitoring_report(
            county=county, year=2025, language="fi", by=coordinator))),
        (Type.MONITORING_EVALUATED, lambda s: services.write_evaluation(s["report"], "Salainen arvio", by=coordinator)),
        (Type.MONITORING_APPROVED, lambda s: services.approve_monitoring_report(s["report"], by=manager)),
        (Type.MONITORING_PUBLISHED, lambda s: services.publish_monitoring_report(s["report"], by=manager)),
    ]
    state: dict = {}
    for event_type, step in steps:
        before = AuditEvent.objects.count()
        step(state)
        assert AuditEvent.objects.count() == before + 1, event_type
        event = AuditEvent.objects.order_by("-pk").first()
        assert event is not None and event.event_type == event_type and event.county_id == county.pk
        assert event.actor_id in (coordinator.pk, manager.pk)
        assert "Salainen" not in repr(event.details)
