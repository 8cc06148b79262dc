"""The REFI-QDA codebook (.qdc) validates against Codebook.xsd whatever the codes hold:
invalid colours are left out, characters XML 1.0 forbids are dropped, names are unique in
the file (QualCoder merges same-named codes), and an empty codebook is refused with a message."""

from __future__ import annotations

import pytest
from django.test import Client
from lxml import etree

from ilmio.analysis import refi_qda, services
from ilmio.analysis.models import Code
from ilmio.areas.models import County
from ilmio.core.roles import Role
from tests.analysis.refi_helpers import QDC, SCHEMAS, messages_of, valid

pytestmark = pytest.mark.django_db
NS = {"q": QDC}


@pytest.fixture
def client(make_user):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user(Role.COORDINATOR))
    return client


def codebook(reference_data) -> dict[str, Code]:  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    housing = services.create_code(county=county, name="Asuminen", description="Asumiseen liittyvät")
    money = services.create_code(county=county, name="Talous")
    codes = {
        "housing": housing, "money": money,
        "eviction_housing": services.create_code(county=county, name="Häätö", parent=housing),
        "eviction_money": services.create_code(county=county, name="Häätö", parent=money),
        "eviction_top": services.create_code(county=county, name="häätö"),
        "deep": services.create_code(county=county, name="Syvä", parent=money),
    }  # fmt: skip
    # Colours as other tools and old rows have them; names and descriptions with pasted control characters.
    for key, colour in {"housing": "#0b5394", "money": "", "eviction_housing": "red", "eviction_money": "0b5394",
                        "eviction_top": "#abc", "deep": "#12345g"}.items():  # fmt: skip
        Code.objects.filter(pk=codes[key].pk).update(colour=colour)
    Code.objects.filter(pk=codes["deep"].pk).update(name="Syvä\x07\x0b koodi", description="Kuvaus\x01\x1f rivi\nkaksi")
    assert "\x07" in Code.objects.get(pk=codes["deep"].pk).name  # stored as pasted: the export must cope
    return codes


def test_every_codebook_export_validates_against_the_official_schema(reference_data, client):
    codes = codebook(reference_data)
    response = client.get("/triage/codebook/export.qdc")
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert response.content == refi_qda.codebook_qdc(Code.objects.filter(county__code="15"))
    document = valid(response.content, "Codebook")
    elements = document.findall(".//q:Code", NS)
    assert len(elements) == len(codes)
    by_guid = {e.get("guid"): e for e in elements}
    element = {key: by_guid[refi_qda.code_guid(code)] for key, code in codes.items()}
    # Valid colours kept (upper case), invalid ones left out.
    assert {key: e.get("color") for key, e in element.items()} == {
        "housing": "#0B5394", "money": None, "eviction_housing": None, "eviction_money": None,
        "eviction_top": "#ABC", "deep": None}  # fmt: skip
    # No character XML 1.0 forbids; the rest of the text kept.
    assert element["deep"].get("name") == "Syvä koodi"
    assert element["deep"].find("q:Description", NS).text == "Kuvaus rivi\nkaksi"
    # Names unique in the file (case-insensitively), the duplicates told apart by their parent.
    names = [e.get("name") for e in elements]
    assert len({n.casefold() for n in names}) == len(names)
    assert element["eviction_top"].get("name") == "häätö"
    assert {element["eviction_housing"].get("name"), element["eviction_money"].get("name")} == {
        "Häätö (Asuminen)", "Häätö (Talous)"}  # fmt: skip
    # The tree is kept: children inside their parent.
    assert element["eviction_money"] in list(element["money"]) and element["deep"] in list(element["money"])


def test_names_stay_unique_when_a_disambiguated_name_exists_already(reference_data):
    county = County.objects.get(code="15")
    parent = services.create_code(county=county, name="Asuminen")
    services.create_code(county=county, name="Häätö", parent=parent)
    services.create_code(county=county, name="Häätö")
    services.create_code(county=county, name="Häätö (Asuminen)")
    document = valid(refi_qda.codebook_qdc(Code.objects.filter(county=county)), "Codebook")
    names = [e.get("name") for e in document.findall(".//q:Code", NS)]
    assert len(names) == 4 and len({n.casefold() for n in names}) == 4


def test_an_empty_codebook_is_refused_with_a_message(reference_data, client):
    with pytest.raises(refi_qda.RefiError):
        refi_qda.codebook_qdc([])
    response = client.get("/triage/codebook/export.qdc")
    assert response.status_code == 302 and response["Location"] == "/triage/codebook/"
    assert messages_of(response) == [("error", "The codebook is empty: add a code before exporting it.")]
    # The schema itself refuses what the old export wrote for an empty codebook.
    empty = f'<CodeBook xmlns="{QDC}" origin="Ilmiö"><Codes/></CodeBook>'.encode()
    assert not etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd"))).validate(etree.fromstring(empty))


def test_the_repaired_codebook_schema_agrees_with_the_verbatim_project_schema():
    """Codebook.xsd is a repaired transcription (README.md): what it shares with the
    verbatim Project.xsd (the GUID and colour patterns, the attributes of a code) is identical."""
    xsd = {"x": "http://www.w3.org/2001/XMLSchema"}
    codebook, project = (etree.parse(str(SCHEMAS / f"{name}.xsd")) for name in ("Codebook", "Project"))

    def pattern(tree: etree._ElementTree, name: str) -> str:
        return tree.find(f".//x:simpleType[@name='{name}']/x:restriction/x:pattern", xsd).get("value")

    def attributes(tree: etree._ElementTree, name: str) -> list[tuple[str, str, str]]:
        found = tree.findall(f".//x:complexType[@name='{name}']/x:attribute", xsd)
        return [(a.get("name"), a.get("type"), a.get("use", "")) for a in found]

    for name in ("GUIDType", "RGBType"):
        assert pattern(codebook, name) == pattern(project, name)
    assert attributes(codebook, "CodeType") == attributes(project, "CodeType")
    assert all(ord(c) < 128 for c in (SCHEMAS / "Codebook.xsd").read_text(encoding="utf-8").split("-->", 1)[1])
