"""Excel (CSV) downloads open right in the reader's spreadsheet: headers in their language,
";" in Finnish and Swedish ("," in English), a UTF-8 byte order mark; they import back.
The CSV for programs keeps its contract: the column keys, commas, no BOM (decision 0012)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from ilmio.core.tables import BOM, to_excel_csv
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action
from tests.quality.audit_helpers import _three_events

pytestmark = pytest.mark.django_db


def client_in(language: str, user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def read(response: Any, separator: str) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('.csv"')
    assert response.content.startswith(BOM.encode())  # Excel reads UTF-8 only after a BOM
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=separator))


@pytest.fixture
def actions(county15: Any) -> list[Action]:
    parent = loop.create_action(county=county15, title="Asumisneuvonta, kaikki kunnat", owner="Johto")
    child = loop.create_action(county=county15, title="Jyväskylän neuvonta", owner="Aikuissosiaalityö")
    child.parent = parent
    child.save(update_fields=["parent"])
    return [parent, child]


@pytest.mark.parametrize(("language", "separator", "headers"), [
    ("fi", ";", ["Viite", "Ylätason viite", "Otsikko", "Kuvaus", "Vastuutaho", "Määräaika", "Tila", "Edistyminen",
                 "Ehdotuksen numero"]),
    ("sv", ";", ["Referens", "Överordnad referens", "Rubrik", "Beskrivning", "Ansvarig", "Förfallodag", "Status",
                 "Framsteg", "Förslagets nummer"]),
    ("en", ",", ["Reference", "Parent reference", "Title", "Description", "Owner", "Due date", "Status", "Progress",
                 "Proposal number"]),
])  # fmt: skip
def test_the_actions_excel_csv_speaks_the_readers_language(
    people: dict[str, Any], actions: list[Action], language: str, separator: str, headers: list[str]
) -> None:
    rows = read(client_in(language, people["manager"]).get("/knowledge/actions/export.excel.csv"), separator)
    assert rows[0] == headers
    # The comma in a title stays inside its cell, whatever the separator.
    assert [r[2] for r in rows[1:]] == ["Asumisneuvonta, kaikki kunnat", "Jyväskylän neuvonta"]
    assert all(len(r) == len(headers) for r in rows)


def test_a_finnish_excel_csv_imports_back_unchanged(people: dict[str, Any], actions: list[Action]) -> None:
    client = client_in("fi", people["manager"])
    content = client.get("/knowledge/actions/export.excel.csv").content
    before = list(Action.objects.order_by("pk").values_list("pk", "title", "owner", "parent_id", "status"))
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile("toimenpiteet.csv", content)}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Tuotu: 0 uutta, 2 päivitetty."]
    assert list(Action.objects.order_by("pk").values_list("pk", "title", "owner", "parent_id", "status")) == before


def test_the_audit_and_passage_downloads_have_finnish_headers(people: dict[str, Any]) -> None:
    manager = client_in("fi", people["manager"])  # before the events: a log-in is one too
    _three_events(people)
    audit = read(manager.get("/audit/export.excel.csv"), ";")
    assert audit[0][:4] == ["Aika", "Tapahtuma", "Käyttäjätunnus", "Rooli"] and len(audit) == 1 + 3
    passages = read(client_in("fi", people["coordinator"]).get("/triage/codebook/export.excel.csv"), ";")
    assert passages[0][:3] == ["Raportti", "Koodi", "Koodipolku"]


def test_the_csv_for_programs_keeps_keys_commas_and_no_bom(people: dict[str, Any], actions: list[Action]) -> None:
    response = client_in("fi", people["manager"]).get("/knowledge/actions/export.csv")
    assert not response.content.startswith(BOM.encode())
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header[:3] == ["reference", "parent_reference", "title"]


def test_decimals_follow_the_language_and_formulas_stay_text() -> None:
    rows = [{"name": "=SUM(A1:A9)", "share": 12.5}]
    with translation.override("fi"):
        fi = list(csv.reader(io.StringIO(to_excel_csv(rows, ["name", "share"], {}).lstrip(BOM)), delimiter=";"))
    with translation.override("en"):
        en = list(csv.reader(io.StringIO(to_excel_csv(rows, ["name", "share"], {}).lstrip(BOM))))
    assert fi[1] == ["'=SUM(A1:A9)", "12,5"] and en[1] == ["'=SUM(A1:A9)", "12.5"]
