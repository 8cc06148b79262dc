"""Through the pages: the coordinator adds a 2026 measure and marks a 2025 one done,
generates the 2025 monitoring report; the manager approves and publishes it; the public
page lists it; PDF and DOCX come in Finnish and Swedish."""

from __future__ import annotations

import io
import zipfile

import pytest

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.plans import services
from ilmio.plans.models import MonitoringReport, YearMeasure
from tests.plans.helpers import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(reference_data):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    y2025 = services.create_year_plan(county=county, year=2025, by=None)
    measure = services.add_year_measure(y2025, measure="Työpaja", responsible="Koordinaattori", by=None)
    return y2025, services.create_year_plan(county=county, year=2026, by=None), measure


def test_from_yearly_plan_to_published_report(make_user, years):  # type: ignore[no-untyped-def]
    y2025, y2026, measure = years
    coordinator, manager = logged_in(make_user(Role.COORDINATOR)), logged_in(make_user(Role.MANAGER))
    coordinator.post(f"/plans/years/{y2026.pk}/", {"action": "add", "measure": "Kuulemiskierros",
                                                   "responsible": "Ohjausryhmä", "planned_date": "2026-04-01"})
    assert y2026.measures.get().responsible == "Ohjausryhmä"
    coordinator.post(f"/plans/years/{y2025.pk}/", {"action": "update", "pk": measure.pk,
                                                   "status": YearMeasure.WORKFLOW.named("on_complete")})
    measure.refresh_from_db()
    assert measure.is_done and measure.done_date is not None
    response = coordinator.post(f"/plans/years/{y2025.pk}/", {"action": "generate", "language": "sv"})
    report = MonitoringReport.objects.get(year=2025)
    assert response["Location"] == f"/plans/monitoring/{report.pk}/"
    page = coordinator.get(f"/plans/monitoring/{report.pk}/").content.decode()
    assert "Inte registrerat i Ilmiö ännu." in page and "Työpaja" in page
    coordinator.post(f"/plans/monitoring/{report.pk}/", {"action": "evaluate", "evaluation": "Hyvä vuosi."})
    coordinator.post(f"/plans/monitoring/{report.pk}/", {"action": "approve"})  # not theirs to approve
    report.refresh_from_db()
    assert report.is_editable and report.evaluation == "Hyvä vuosi."
    manager.post(f"/plans/monitoring/{report.pk}/", {"action": "approve"})
    manager.post(f"/plans/monitoring/{report.pk}/", {"action": "publish"})
    report.refresh_from_db()
    assert report.is_published and report.approved_at is not None
    assert f"/plans/public/monitoring/{report.pk}/" in logged_in(make_user(Role.REPORTER)).get(
        "/plans/public/15/").content.decode()
    for language in ("fi", "sv"):
        pdf = manager.get(f"/plans/monitoring/{report.pk}/export.pdf?lang={language}")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        docx = manager.get(f"/plans/monitoring/{report.pk}/export.docx?lang={language}")
        xml = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
        expected = "Vuosiseurantaraportti 2025" if language == "fi" else "Årlig uppföljningsrapport 2025"
        assert expected in xml


def test_a_decision_maker_reads_but_cannot_generate(make_user, years):  # type: ignore[no-untyped-def]
    y2025, _y2026, _measure = years
    client = logged_in(make_user(Role.DECISION_MAKER))
    assert client.get(f"/plans/years/{y2025.pk}/").status_code == 200
    client.post(f"/plans/years/{y2025.pk}/", {"action": "generate", "language": "fi"})
    assert not MonitoringReport.objects.exists()


def test_another_countys_yearly_plan_is_not_found(make_user, years):  # type: ignore[no-untyped-def]
    y2025, _y2026, measure = years
    client = logged_in(make_user(Role.COORDINATOR, "13"))
    assert client.get(f"/plans/years/{y2025.pk}/").status_code == 404
    assert client.post(f"/plans/years/{y2025.pk}/", {"action": "update", "pk": measure.pk,
                                                     "status": "done"}).status_code == 404
    measure.refresh_from_db()
    assert not measure.is_done
