from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from django.test import Client

from ilmio.analysis import services
from ilmio.analysis.models import CodedPassage, PhenomenonCase, StatusChange
from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.core.workflow import TransitionError
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def file(county: str = "15", municipality: str = "179", text: str = "Vuokrarästit kasvavat asumistuen muutosten jälkeen.") -> Report:
    report, _ = submit_report({"title": "Vuokrarästit", "description": text,
                               "municipalities": [Municipality.objects.get(code=municipality)]},
                              county=County.objects.get(code=county), channel=Report.Channel.FORM)  # fmt: skip
    return report


@pytest.fixture
def coordinator(make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.COORDINATOR)


def test_pipeline_is_declared_once_with_open_and_closed_statuses():
    workflow = Report.WORKFLOW
    assert workflow.codes[0] == workflow.initial == "received"
    assert set(workflow.without_flag("open")) == {"closed", "duplicate", "not_actionable", "withdrawn"}
    for status in workflow.codes:
        assert set(workflow.next_of(status)) <= set(workflow.codes)


def test_status_change_is_validated_and_recorded(reference_data, coordinator):
    report = file()
    services.change_status(report, "in_review", by=coordinator, reason="reading")
    with pytest.raises(TransitionError):
        services.change_status(report, "acted_on", by=coordinator)
    report.refresh_from_db()
    assert report.status == "in_review"
    change = StatusChange.objects.get(report=report)
    assert (change.from_status, change.to_status, change.changed_by, change.reason) == ("received", "in_review", coordinator, "reading")


def test_classification_sets_one_primary_and_confirms(reference_data, coordinator):
    report = file()
    mental = Phenomenon.objects.get(code="mielenterveys")
    housing = Phenomenon.objects.get(code="asuminen")
    services.classify_report(report, primary=housing, secondary=[mental, housing], by=coordinator)
    report.refresh_from_db()
    assert report.primary_phenomenon == housing
    assert sorted(report.phenomena.values_list("code", flat=True)) == ["asuminen", "mielenterveys"]
    assert report.classification_confirmed_by == coordinator
    assert report.status == "analysed"


def test_bulk_change_reports_what_it_refused(reference_data, coordinator):
    first, second = file(), file()
    services.change_status(second, "not_actionable", by=coordinator)
    changed, refused = services.bulk_change_status([first, second], "analysed", by=coordinator)
    assert changed == 1 and len(refused) == 1


def test_duplicate_must_be_in_the_same_county(reference_data, coordinator):
    report, other_county = file(), file(county="13", municipality="297")
    with pytest.raises(TransitionError):
        services.mark_duplicate(report, other_county, by=coordinator)
    original = file()
    services.mark_duplicate(report, original, by=coordinator)
    report.refresh_from_db()
    assert report.status == "duplicate" and report.duplicate_of == original


def test_coding_stores_offsets_and_snippet_and_exports(reference_data, coordinator):
    report = file(text="Asiakkaat menettävät vuokra-asunnon, kun asumistuki muuttuu.")
    parent = services.create_code(county=report.county, name="Asuminen", description="Asumiseen liittyvät")
    child = services.create_code(county=report.county, name="Häätöuhka", parent=parent)
    passage = services.code_passage(report, child, 10, 35, by=coordinator)
    assert passage.snippet == report.description[10:35]
    with pytest.raises(ValueError):
        services.code_passage(report, child, 10, 999, by=coordinator)

    client = Client()
    client.force_login(coordinator)
    qdc = client.get("/triage/codebook/export.qdc")
    root = ET.fromstring(qdc.content)
    ns = {"q": "urn:QDA-XML:codebook:1.0"}
    top = root.find("q:Codes/q:Code", ns)
    assert top is not None and top.get("name") == "Asuminen"
    assert top.find("q:Code", ns).get("name") == "Häätöuhka"
    csv_text = client.get("/triage/codebook/export.csv").content.decode()
    assert "Asuminen / Häätöuhka" in csv_text and passage.snippet in csv_text
    assert client.get("/triage/codebook/export.xlsx").status_code == 200
    assert client.get("/triage/codebook/export.pdf").status_code == 404


def test_triage_page_posts_classification_and_coding(reference_data, coordinator):
    report = file()
    code = services.create_code(county=report.county, name="Etuudet")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator)
    page = client.get(f"/triage/reports/{report.public_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Suggestions" in html and "Similar reports" in html
    response = client.post(f"/triage/reports/{report.public_id}/", {
        "action": "classify", "primary": "toimeentulo", "secondary": ["asuminen"], "target_groups": ["tyoikaiset"],
        "municipalities": ["179"]})  # fmt: skip
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.primary_phenomenon.code == "toimeentulo" and report.status == "analysed"
    client.post(f"/triage/reports/{report.public_id}/", {"action": "code", "code": code.pk, "start": 0, "end": 12})
    assert CodedPassage.objects.filter(report=report).count() == 1
    bad = client.post(f"/triage/reports/{report.public_id}/", {"action": "status", "status": "acted_on"})
    assert bad.status_code == 200 and "allowed status" in bad.content.decode()


def test_queue_filters_and_bulk_action(reference_data, coordinator):
    housing = file()
    file(municipality="410", text="Yksinäisyys lisääntyy ikääntyneillä.")
    client = Client()
    client.force_login(coordinator)
    html = client.get("/triage/?municipality=179").content.decode()
    assert str(housing.public_id) in html and html.count('name="reports"') == 1
    html = client.get("/triage/?q=yksinäisyys").content.decode()
    assert html.count('name="reports"') == 1
    assert client.get("/triage/?date_from=not-a-date").status_code == 200
    client.post("/triage/bulk/", {"reports": [str(housing.public_id)], "status": "in_review", "reason": "bulk"})
    housing.refresh_from_db()
    assert housing.status == "in_review"


def test_cases_are_created_and_edited_through_the_pages(reference_data, coordinator):
    client = Client()
    client.force_login(coordinator)
    response = client.post("/triage/cases/", {"title": "Häädöt", "phenomenon": "asuminen", "description": "Kuvaus",
                                               "analysis_notes": "Muistiinpanot"})  # fmt: skip
    assert response.status_code == 302
    case = PhenomenonCase.objects.get()
    assert (case.analysis_notes, case.phenomenon.code) == ("Muistiinpanot", "asuminen")
    client.post(f"/triage/cases/{case.pk}/", {"title": "Häädöt 2026", "analysis_notes": "Uudet"})
    case.refresh_from_db()
    assert case.title == "Häädöt 2026"
    assert client.post("/triage/cases/", {"title": ""}).status_code == 200


def test_case_groups_reports_of_own_county_only(reference_data, coordinator):
    own, other = file(), file(county="13", municipality="297")
    case = services.create_case(county=own.county, title="Häädöt", by=coordinator, reports=[own, other])
    assert list(case.reports.all()) == [own]
