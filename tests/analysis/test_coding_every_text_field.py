"""Issue 20: a coordinator codes passages of every text of a report — the description, the
effects and the proposed action — with offsets checked against the chosen text; REFI-QDA
projects (whose source is the description) leave the other texts' passages out."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.analysis import services
from ilmio.analysis.models import CodedPassage
from ilmio.areas.models import County, Municipality
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db

EFFECTS = "Perheet joutuvat muuttamaan kauas palveluista."
PROPOSAL = "Lisää asumisneuvontaa kaikkiin kuntiin."


def file(county: str = "15") -> Report:
    report, _ = submit_report({"title": "Vuokrarästit", "description": "Vuokrarästit kasvavat asumistuen muutosten jälkeen.",
                               "effects": EFFECTS, "proposed_action": PROPOSAL,
                               "municipalities": [Municipality.objects.get(code="179" if county == "15" else "297")]},
                              county=County.objects.get(code=county), channel=Report.Channel.FORM)  # fmt: skip
    return report


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_effects_and_proposed_action_can_be_coded_through_the_page(reference_data, coordinator):  # type: ignore[no-untyped-def]
    report = file()
    code = services.create_code(county=report.county, name="Muutto")
    client = client_of(coordinator)
    page = client.get(f"/triage/reports/{report.public_id}/").content.decode()
    assert 'data-field="effects"' in page and 'data-field="proposed_action"' in page
    client.post(f"/triage/reports/{report.public_id}/", {"action": "code", "code": code.pk, "field": "effects",
                                                         "start": 8, "end": 26})  # fmt: skip
    client.post(f"/triage/reports/{report.public_id}/", {"action": "code", "code": code.pk, "field": "proposed_action",
                                                         "start": 5, "end": 22})  # fmt: skip
    passages = {p.field: p.snippet for p in CodedPassage.objects.filter(report=report)}
    assert passages == {CodedPassage.Field.EFFECTS: EFFECTS[8:26], CodedPassage.Field.PROPOSED_ACTION: PROPOSAL[5:22]}
    # Without a text choice the description is meant, as before.
    client.post(f"/triage/reports/{report.public_id}/", {"action": "code", "code": code.pk, "start": 0, "end": 12})
    assert CodedPassage.objects.get(report=report, field=CodedPassage.Field.DESCRIPTION).snippet == "Vuokrarästit"


def test_offsets_are_checked_against_the_chosen_text(reference_data, coordinator):  # type: ignore[no-untyped-def]
    report = file()
    code = services.create_code(county=report.county, name="Muutto")
    with pytest.raises(ValueError, match="outside"):
        services.code_passage(report, code, 0, len(PROPOSAL) + 1, by=coordinator, field=CodedPassage.Field.PROPOSED_ACTION)
    response = client_of(coordinator).post(f"/triage/reports/{report.public_id}/", {
        "action": "code", "code": code.pk, "field": "title", "start": 0, "end": 3}, follow=True)  # fmt: skip
    assert "Choose a code and a passage of the text." in response.content.decode()
    assert not CodedPassage.objects.exists()


def test_refi_project_exports_description_passages_only(reference_data, coordinator):  # type: ignore[no-untyped-def]
    import io
    import zipfile

    report = file()
    code = services.create_code(county=report.county, name="Muutto")
    services.code_passage(report, code, 0, 12, by=coordinator)
    services.code_passage(report, code, 8, 26, by=coordinator, field=CodedPassage.Field.EFFECTS)
    response = client_of(coordinator).get("/triage/codebook/export.qdpx")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        project = archive.read("project.qde").decode()
    assert project.count("<PlainTextSelection") == 1


def test_another_countys_code_cannot_code_the_effects(reference_data, coordinator):  # type: ignore[no-untyped-def]
    report = file()
    other = services.create_code(county=County.objects.get(code="13"), name="Muu")
    client_of(coordinator).post(f"/triage/reports/{report.public_id}/", {"action": "code", "code": other.pk,
                                                                         "field": "effects", "start": 0, "end": 5})  # fmt: skip
    assert not CodedPassage.objects.exists()
