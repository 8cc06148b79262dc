"""Shared set-up of the plan tests: reports of a year in county 15, a plan with content."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.test import Client

from ilmio.areas.models import County, Municipality
from ilmio.plans import services
from ilmio.plans.models import Plan
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

HELSINKI = ZoneInfo("Europe/Helsinki")


def file_reports(count: int, *, year: int, channel: str, phenomenon: str, county: str = "15",
                 municipality: str = "179") -> list[Report]:  # fmt: skip
    """``count`` reports filed in the middle of ``year``."""
    made = []
    for number in range(count):
        report, _ = submit_report(
            {"title": "Havainto", "description": f"Vuokrarästit kasvavat, havainto {number}.",
             "municipalities": [Municipality.objects.get(code=municipality)],
             "phenomena": [Phenomenon.objects.get(code=phenomenon)]},
            county=County.objects.get(code=county), channel=channel,
        )  # fmt: skip
        made.append(report)
    Report.objects.filter(pk__in=[r.pk for r in made]).update(
        created_at=datetime(year, 6, 15, 12, tzinfo=HELSINKI))
    return made


def make_plan(county: str = "15") -> Plan:
    plan = services.create_plan(county=County.objects.get(code=county), term_start=2025, term_end=2029,
                                title="Rakenteellisen sosiaalityön toteutussuunnitelma", main_goal="Päätavoite",
                                by=None)  # fmt: skip
    services.add_objective(plan, "Osaamisen vahvistaminen", by=None)
    area = services.add_area(plan, "Tietotyö", by=None)
    services.add_measure(area, "Sosiaalinen raportointi käyttöön", owner="Kehittämistiimi", by=None)
    services.add_actor(plan, "Ohjausryhmä", "Hyväksyy vuosiseurannan", by=None)
    services.add_communication(plan, "Päättäjät", "Tieto ilmiöistä", "Katsaukset", by=None)
    return plan


def approve(plan: Plan) -> Plan:
    services.approve_plan(plan, body="Aluehallitus", approved_on=date(2025, 6, 16), by=None)
    plan.refresh_from_db()
    return plan


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client
