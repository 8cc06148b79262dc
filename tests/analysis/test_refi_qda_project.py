"""The REFI-QDA project (.qdpx) of a case or of coded reports: the redacted report texts as
text sources, the codebook, every coded passage as a PlainTextSelection with its Coding, all
valid against the official Project.xsd; one audit event naming the reports."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from ilmio.analysis import refi_qda, services
from ilmio.areas.models import County
from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from tests.analysis.refi_helpers import (
    FIRST,
    NS,
    SECOND,
    file_report,
    messages_of,
    unpack,
    valid,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data, coordinator):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    first, second, uncoded = file_report(FIRST), file_report(SECOND, title="Nuoret / velat"), file_report("Ei koodattu.")
    housing = services.create_code(county=county, name="Asuminen", description="Asumiseen liittyvät")
    eviction = services.create_code(county=county, name="Häätöuhka", parent=housing)
    debt = services.create_code(county=county, name="Velat")
    passages = [
        services.code_passage(first, eviction, FIRST.index("vuokra"), FIRST.index(", kun"), by=coordinator),
        services.code_passage(first, housing, FIRST.index("Häätö"), len(FIRST), by=coordinator),
        services.code_passage(second, debt, SECOND.index("Velat"), len(SECOND) - 1, by=coordinator),
    ]
    case = services.create_case(county=county, title="Häätöjen kasvu", by=coordinator, description="Kuvaus ksuomi",
                                reports=[first, second, uncoded])  # fmt: skip
    # County 13's coded report: never in county 15's files.
    other = file_report("Toisen maakunnan teksti psavo.", county="13", municipality="297")
    other_code = services.create_code(county=other.county, name="psavo-koodi")
    services.code_passage(other, other_code, 0, 5, by=None)
    return {"first": first, "second": second, "uncoded": uncoded, "codes": [housing, eviction, debt],
            "passages": passages, "case": case, "other": other}  # fmt: skip


def client_for(user):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def selections(document, files: dict[str, bytes]) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source guid, selected text, code guid) of every coded selection."""
    found = set()
    for source in document.findall("q:Sources/q:TextSource", NS):
        path = source.get("plainTextPath")
        assert path.startswith("internal://") and source.find("q:PlainTextContent", NS) is None
        text = files[f"sources/{path[len('internal://'):]}"].decode("utf-8")
        for selection in source.findall("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            for ref in selection.findall("q:Coding/q:CodeRef", NS):
                found.add((source.get("guid"), text[start:end], ref.get("targetGUID")))
    return found


def test_case_export_is_a_valid_project_with_every_passage(world, coordinator):
    response = client_for(coordinator).get(f"/triage/cases/{world['case'].pk}/export.qdpx")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="ilmio-case-{world["case"].pk}.qdpx"'
    files = unpack(response.content)
    document = valid(files["project.qde"], "Project")
    reports = [world["first"], world["second"], world["uncoded"]]
    assert set(files) == {"project.qde", *(f"sources/{r.public_id}.txt" for r in reports)}
    # The redacted texts, line endings made "\n"; positions count characters of that text.
    assert files[f"sources/{world['first'].public_id}.txt"].decode() == FIRST.replace("\r\n", "\n")
    expected = {(str(p.report.public_id), p.snippet.replace("\r\n", "\n"), refi_qda.code_guid(p.code))
                for p in world["passages"]}  # fmt: skip
    assert selections(document, files) == expected
    # The codebook is the county's, nested; the case is a Case that refers to its sources.
    codes = document.findall("q:CodeBook/q:Codes//q:Code", NS)
    assert {c.get("guid") for c in codes} == {refi_qda.code_guid(c) for c in world["codes"]}
    case = document.find("q:Cases/q:Case", NS)
    assert case.get("name") == "Häätöjen kasvu" and case.find("q:Description", NS).text == "Kuvaus ksuomi"
    assert {r.get("targetGUID") for r in case.findall("q:SourceRef", NS)} == {str(r.public_id) for r in reports}
    names = {s.get("guid"): s.get("name") for s in document.findall("q:Sources/q:TextSource", NS)}
    assert names[str(world["second"].public_id)] == f"Nuoret - velat [{world['second'].public_id}]"
    assert document.get("name") == "Häätöjen kasvu" and document.get("origin") == "Ilmiö"
    unpacked = b"".join(files.values()).decode("utf-8")
    assert "psavo" not in unpacked and str(world["other"].public_id) not in unpacked
    # One audit event naming the exported reports, no text.
    event = AuditEvent.objects.get(event_type=Event.REPORT_EXPORTED)
    assert (event.actor, event.object_type, event.object_id) == (coordinator, "phenomenoncase", str(world["case"].pk))
    assert event.details == {"format": "qdpx", "passages": 3, "ids": [str(r.public_id) for r in reports], "total": 3}


def test_codebook_page_exports_the_coded_reports_or_a_selection(world, coordinator):
    client = client_for(coordinator)
    files = unpack(client.get("/triage/codebook/export.qdpx").content)
    document = valid(files["project.qde"], "Project")
    sources = {s.get("guid") for s in document.findall("q:Sources/q:TextSource", NS)}
    assert sources == {str(world["first"].public_id), str(world["second"].public_id)}  # the coded ones
    assert document.find("q:Cases", NS) is None
    chosen = client.get(f"/triage/codebook/export.qdpx?reports={world['second'].public_id}&reports={world['uncoded'].public_id}")
    document = valid(unpack(chosen.content)["project.qde"], "Project")
    assert {s.get("guid") for s in document.findall("q:Sources/q:TextSource", NS)} == {
        str(world["second"].public_id), str(world["uncoded"].public_id)}  # fmt: skip
    assert len(document.findall(".//q:PlainTextSelection", NS)) == 1
    # Another county's report, or no report at all: the same 404, nothing exported.
    for ids in (world["other"].public_id, uuid.uuid4(), "ei-tunniste"):
        assert client.get(f"/triage/codebook/export.qdpx?reports={world['first'].public_id}&reports={ids}").status_code == 404
    assert AuditEvent.objects.filter(event_type=Event.REPORT_EXPORTED).count() == 2


def test_a_project_without_codes_or_reports(reference_data, coordinator):
    county = County.objects.get(code="15")
    report = file_report("Teksti ilman koodeja.")
    empty_case = services.create_case(county=county, title="Tyhjä", by=coordinator)
    client = client_for(coordinator)
    response = client.get(f"/triage/cases/{empty_case.pk}/export.qdpx")
    assert response.status_code == 302 and response["Location"] == f"/triage/cases/{empty_case.pk}/"
    assert messages_of(response) == [("error", "There are no reports to export.")]
    assert client.get("/triage/codebook/export.qdpx").status_code == 302  # no coded reports yet
    # Reports but no codebook: a valid project without a CodeBook.
    content = refi_qda.project_qdpx(name="Ilmiö", codes=[], reports=[report], passages=[])
    document = valid(unpack(content)["project.qde"], "Project")
    assert document.find("q:CodeBook", NS) is None and len(document.findall(".//q:TextSource", NS)) == 1
    assert not AuditEvent.objects.filter(event_type=Event.REPORT_EXPORTED).exists()


def test_pages_link_to_the_downloads(world, coordinator):
    client = client_for(coordinator)
    assert f'href="/triage/cases/{world["case"].pk}/export.qdpx"' in client.get(f"/triage/cases/{world['case'].pk}/").content.decode()
    page = client.get("/triage/codebook/").content.decode()
    assert 'href="/triage/codebook/export.qdpx"' in page and 'action="/triage/codebook/import/"' in page
    assert 'enctype="multipart/form-data"' in page
