"""Issue 16 in a real browser: the coordinator opens the demo plan, adds a 2026 measure with
an owner, marks a 2025 measure done and generates the 2025 monitoring report; the manager
approves and publishes it; its PDF and DOCX come in Finnish and Swedish."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from playwright.sync_api import BrowserContext, expect

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.plans.models import MonitoringReport, YearMeasure
from ilmio_demo.world import build_plan
from tests.browser.helpers import log_in


def as_person(context: BrowserContext, username: str) -> Any:
    context.clear_cookies()
    page = context.new_page()
    log_in(page, username)
    return page


def test_plan_to_published_monitoring(context: BrowserContext, make_user: Any, settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    coordinator, manager = make_user(Role.COORDINATOR, username="coordinator"), make_user(Role.MANAGER, username="manager")
    for user in (coordinator, manager):
        user.preferred_language = "en"
        user.save()
    context.set_extra_http_headers({"Accept-Language": "en"})
    build_plan({"koordinaattori": coordinator}, County.objects.get(code="15"))

    page = as_person(context, "coordinator")
    page.goto("/plans/")
    page.get_by_role("link", name="Rakenteellisen sosiaalityön toteutussuunnitelma 2025–2029").click()
    expect(page.locator("main")).to_contain_text("Oikeudenmukaisuustyö")
    expect(page.locator("main")).to_contain_text("Rakenteellisen sosiaalityön ohjausryhmä")

    page.goto("/plans/")
    page.get_by_role("link", name="Yearly plan 2026").click()
    page.locator("#id_measure").fill("Ilmiötyöpaja päättäjille")
    page.locator("#id_responsible").fill("Koordinaatiotiimi")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("table")).to_contain_text("Ilmiötyöpaja päättäjille")

    page.goto("/plans/")
    page.get_by_role("link", name="Yearly plan 2025").click()
    row = page.locator("tr", has_text="Kokemusasiantuntijoiden kuulemiskierros")
    row.locator("select").select_option(YearMeasure.WORKFLOW.named("on_complete"))
    row.get_by_role("button", name="Save").click()
    expect(page.locator("tr", has_text="Kokemusasiantuntijoiden kuulemiskierros")).to_contain_text("Done")
    page.locator("#id_language").select_option("fi")
    page.get_by_role("button", name="Generate the monitoring report").click()
    expect(page.locator("h1")).to_contain_text("Monitoring report 2025")
    expect(page.locator("main")).to_contain_text("Vastaanotetut raportit kanavittain")
    page.close()

    page = as_person(context, "manager")
    report = MonitoringReport.objects.get(county__code="15", year=2025)
    page.goto(f"/plans/monitoring/{report.pk}/")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("main")).to_contain_text("Approved")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("link", name="Public version")).to_be_visible()
    for language, title in (("fi", "Vuosiseurantaraportti 2025"), ("sv", "Årlig uppföljningsrapport 2025")):
        pdf = page.request.get(f"/plans/monitoring/{report.pk}/export.pdf?lang={language}")
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        docx = page.request.get(f"/plans/monitoring/{report.pk}/export.docx?lang={language}")
        assert title in zipfile.ZipFile(io.BytesIO(docx.body())).read("word/document.xml").decode()
    page.goto("/plans/public/15/")
    expect(page.get_by_role("link", name="Monitoring report 2025")).to_be_visible()
    page.close()
