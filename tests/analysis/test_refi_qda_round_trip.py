"""A .qdpx exported from Ilmiö and imported back keeps every passage and every code; a
project coded further in a researcher's tool (new GUIDs, its own folder name, BOM, new
codes) brings its codes and coding back; importing twice changes nothing."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from lxml import etree

from ilmio.analysis import refi_qda, services
from ilmio.analysis.models import Code, CodedPassage
from ilmio.areas.models import County
from tests.analysis.refi_helpers import (
    FIRST,
    NS,
    QDE,
    SECOND,
    file_report,
    messages_of,
    pack,
    unpack,
    upload,
    valid,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data, coordinator):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    first, second = file_report(FIRST), file_report(SECOND)
    housing = services.create_code(county=county, name="Asuminen", description="Asumiseen liittyvät")
    eviction = services.create_code(county=county, name="Häätöuhka", parent=housing, colour="#aa0000")
    debt = services.create_code(county=county, name="Velat")
    services.code_passage(first, eviction, FIRST.index("vuokra"), FIRST.index(", kun"), by=coordinator)
    services.code_passage(first, housing, FIRST.index("Häätö"), len(FIRST), by=coordinator)
    services.code_passage(first, debt, FIRST.index("Häätö"), len(FIRST), by=coordinator)  # the same text, two codes
    services.code_passage(second, debt, SECOND.index("Velat"), len(SECOND) - 1, by=coordinator)
    case = services.create_case(county=county, title="Häätöjen kasvu", by=coordinator, reports=[first, second])
    return {"county": county, "first": first, "second": second, "case": case}


def client_for(user):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def codes_now() -> set[tuple[str, str, str]]:
    return {(c.path, c.description, c.colour) for c in Code.objects.filter(county__code="15")}


def passages_now() -> set[tuple[str, str, int, int, str]]:
    return {(str(p.report.public_id), p.code.path, p.start, p.end, p.snippet)
            for p in CodedPassage.objects.select_related("report", "code")}  # fmt: skip


def test_export_then_import_keeps_every_passage_and_code(world, coordinator):
    client = client_for(coordinator)
    exported = client.get(f"/triage/cases/{world['case'].pk}/export.qdpx").content
    valid(unpack(exported)["project.qde"], "Project")
    codes, passages = codes_now(), passages_now()
    assert len(codes) == 3 and len(passages) == 4
    # The coding is lost in Ilmiö; the file brings all of it back.
    CodedPassage.objects.all().delete()
    Code.objects.all().delete()
    response = client.post("/triage/codebook/import/", {"file": upload(exported)})
    assert response.status_code == 302 and response["Location"] == "/triage/codebook/"
    assert messages_of(response) == [("success", "Imported: 3 new codes (0 already in the codebook), 4 new coded "
                                                 "passages (0 already coded).")]  # fmt: skip
    assert codes_now() == codes and passages_now() == passages
    client.get("/triage/codebook/")  # the page shows (and so uses up) the message
    # Importing the same file again changes nothing; the new codes are known by their new GUIDs.
    again = client.get(f"/triage/cases/{world['case'].pk}/export.qdpx").content
    valid(unpack(again)["project.qde"], "Project")
    response = client.post("/triage/codebook/import/", {"file": upload(again)})
    assert messages_of(response) == [("success", "Imported: 0 new codes (3 already in the codebook), 0 new coded "
                                                 "passages (4 already coded).")]  # fmt: skip
    assert codes_now() == codes and passages_now() == passages


def qualcoder_style(exported: bytes, world) -> bytes:  # type: ignore[no-untyped-def]
    """The project as another tool writes it back: new GUIDs for sources and selections
    (the report's id kept in the source's name), a "Sources" folder, texts with a BOM, a
    code added by the researcher with a passage, a selection coded with an unknown code, and
    sources that are no report of the county."""
    files = unpack(exported)
    root = etree.fromstring(files["project.qde"])
    q = f"{{{QDE}}}"
    texts = {}
    for source in root.findall("q:Sources/q:TextSource", NS):
        new_guid = str(uuid.uuid4()).upper()
        texts[f"Sources/{new_guid}.txt"] = b"\xef\xbb\xbf" + files[f"sources/{source.get('guid')}.txt"]
        source.set("plainTextPath", f"internal://{new_guid}.txt")
        source.set("guid", new_guid)
        for selection in source.findall("q:PlainTextSelection", NS):
            selection.set("guid", str(uuid.uuid4()))
    new_code = str(uuid.uuid4())
    etree.SubElement(root.find("q:CodeBook/q:Codes", NS), f"{q}Code",
                     {"guid": new_code, "name": "Tutkijan teema", "isCodable": "true", "color": "#00ff00"})
    second = next(s for s in root.findall("q:Sources/q:TextSource", NS) if str(world["second"].public_id) in s.get("name"))
    text = SECOND
    for code, (start, end) in ((new_code, (0, 6)), (str(uuid.uuid4()), (0, 6)), (new_code, (5, 500))):
        selection = etree.SubElement(second, f"{q}PlainTextSelection", {"guid": str(uuid.uuid4()),
                                     "startPosition": str(start), "endPosition": str(end)})  # fmt: skip
        etree.SubElement(etree.SubElement(selection, f"{q}Coding", {"guid": str(uuid.uuid4())}), f"{q}CodeRef",
                         {"targetGUID": code})  # fmt: skip
    assert text[0:6] == "Nuoret"
    sources = root.find("q:Sources", NS)
    other = file_report("Toisen maakunnan teksti.", county="13", municipality="297")
    for name in (f"Toinen [{other.public_id}]", f"Ei ole [{uuid.uuid4()}]", "Nimetön"):
        extra = etree.SubElement(sources, f"{q}TextSource", {"guid": str(uuid.uuid4()), "name": name})
        etree.SubElement(extra, f"{q}PlainTextContent").text = "Toisen maakunnan teksti."
    # A source whose text was edited in the tool: its positions no longer fit the report.
    edited = etree.SubElement(sources, f"{q}TextSource", {"guid": str(world["first"].public_id), "name": "Muokattu"})
    etree.SubElement(edited, f"{q}PlainTextContent").text = "Muokattu teksti."
    content = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    valid(content, "Project")
    return pack({"project.qde": content, **texts})


def test_a_project_coded_further_in_another_tool_comes_back(world, coordinator):
    client = client_for(coordinator)
    exported = client.get(f"/triage/cases/{world['case'].pk}/export.qdpx").content
    before_codes, before_passages = codes_now(), passages_now()
    response = client.post("/triage/codebook/import/", {"file": upload(qualcoder_style(exported, world), "tutkija.qdpx")})
    assert messages_of(response) == [
        ("success", "Imported: 1 new codes (3 already in the codebook), 1 new coded passages (4 already coded)."),
        ("warning", "3 sources of the file are not reports of your county; their passages were not imported."),
        ("warning", "1 sources have a text other than the report's; their passages were not imported."),
        ("warning", "2 selections were outside the text or had no code, and were skipped."),
    ]  # fmt: skip
    assert codes_now() == before_codes | {("Tutkijan teema", "", "#00ff00")}
    assert passages_now() == before_passages | {(str(world["second"].public_id), "Tutkijan teema", 0, 6, "Nuoret")}
    assert not CodedPassage.objects.filter(report__county__code="13", code__county__code="15").exists()


def test_a_codebook_file_brings_codes_only(world, coordinator):
    content = refi_qda.codebook_qdc(Code.objects.filter(county=world["county"]))
    Code.objects.all().delete()
    response = client_for(coordinator).post("/triage/codebook/import/", {"file": upload(content, "koodit.qdc")})
    assert messages_of(response)[0] == ("success", "Imported: 3 new codes (0 already in the codebook), 0 new coded "
                                                   "passages (0 already coded).")  # fmt: skip
    assert {c.path for c in Code.objects.all()} == {"Asuminen", "Asuminen / Häätöuhka", "Velat"}
    assert not CodedPassage.objects.exists()
