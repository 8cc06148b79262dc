"""Nothing a user can send causes a 5xx or an endless loop; bad input is refused with a
clear message and changes nothing.

Each test reproduces one input that used to crash (HTTP 500, OverflowError, csv.Error) or
hang (a parent cycle in an action import spun ``roll_up`` forever under the write lock).
"""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ilmio.areas.models import County, Municipality
from ilmio.knowledge import services as loop
from ilmio.knowledge.action_files import import_rows, read_upload
from ilmio.knowledge.models import Action, Proposal, Quote
from ilmio.knowledge.services import LoopError
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db

FIELDS = ["reference", "parent_reference", "title", "description", "owner", "status", "progress", "proposal_id"]


def row(reference: str, parent: str = "", **values: Any) -> dict[str, Any]:
    return {"reference": reference, "parent_reference": parent, "title": f"Toimenpide {reference}",
            "description": "", "owner": "Johto", "status": "planned", "progress": "0", "proposal_id": "",
            **values}  # fmt: skip


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def snapshot() -> list[tuple[Any, ...]]:
    return list(Action.objects.order_by("pk").values_list(
        "pk", "reference", "parent_id", "title", "description", "owner", "status", "progress", "proposal_id"))  # fmt: skip


def logged_in(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def county(reference_data: Any) -> County:
    return County.objects.get(code="15")


@pytest.fixture
def tree(county: County) -> dict[str, Action]:
    """P1 ← C1, C2 (existing actions of the county)."""
    parent = loop.create_action(county=county, title="Ohjelma", owner="Johto", reference="P1")
    return {"P1": parent,
            "C1": loop.create_action(county=county, title="Neuvonta", owner="A", parent=parent, reference="C1"),
            "C2": loop.create_action(county=county, title="Takuu", owner="B", parent=parent, reference="C2")}  # fmt: skip


def refused(county: County, rows: list[dict[str, Any]], match: str) -> None:
    before = snapshot()
    with pytest.raises(LoopError, match=match):
        import_rows(county, rows)
    assert snapshot() == before


# --- parent cycles: used to loop forever in roll_up ---------------------------------------


@pytest.mark.timeout(60)
def test_import_refuses_an_action_that_is_its_own_parent(county: County, tree: Any) -> None:
    refused(county, [row("N1"), row("A1", "A1")], r"row 3: .*its own parent \(A1 → A1\)")
    refused(county, [row("P1", "P1")], r"row 2: .*its own parent")


@pytest.mark.timeout(60)
def test_import_refuses_a_cycle_of_parent_references(county: County, tree: Any) -> None:
    refused(county, [row("A1", "A2"), row("A2", "A1")], r"rows 2, 3: parent references form a cycle \(A1 → A2 → A1\)")
    rows = [row("X"), row("A", "B"), row("Y", "X"), row("B", "C"), row("C", "A")]
    refused(county, rows, r"rows 3, 5, 6: parent references form a cycle \(A → B → C → A\)")


@pytest.mark.timeout(60)
def test_import_refuses_a_cycle_through_existing_actions(county: County, tree: Any) -> None:
    # P1 (not in the file) is C1's parent in the database; the file makes P1's parent C1.
    refused(county, [row("P1", "C1")], r"row 2: parent references form a cycle \(P1 → C1 → P1\)")
    # A file row may name an existing action as its parent: X → P1, P1 → X closes a loop.
    refused(county, [row("P1", "X"), row("X", "C2")], r"rows 2, 3: parent references form a cycle")


@pytest.mark.timeout(60)
def test_import_refuses_two_rows_for_the_same_action(county: County, tree: Any) -> None:
    p1 = tree["P1"].pk
    # "P1" and "A<pk of P1>" are the same action: a child of itself by another name.
    refused(county, [row("P1"), row(f"A{p1}", "P1")], r"rows 2, 3: .*same action")
    refused(county, [row("N1"), row("N1")], r"rows 2, 3: .*N1 appears more than once")


def test_a_valid_import_with_new_parents_still_works(county: County, tree: Any) -> None:
    created, updated = import_rows(county, [row("N1", "P1", progress="100", status="done"), row("N2", "N1")])
    assert (created, updated) == (2, 0)
    n1 = Action.objects.get(reference="N1")
    assert n1.parent == tree["P1"]
    assert Action.objects.get(reference="N2").parent == n1


def test_roll_up_stops_on_a_cycle_already_in_the_database(county: County, tree: Any) -> None:
    # A cycle written by some other path must not hang a request either.
    Action.objects.filter(pk=tree["P1"].pk).update(parent=tree["C1"])
    start = time.monotonic()
    loop.roll_up(tree["P1"])
    assert time.monotonic() - start < 5


# --- sizes ---------------------------------------------------------------------------------


def test_import_refuses_more_rows_than_the_limit(county: County, settings: Any) -> None:
    settings.ACTION_IMPORT_MAX_ROWS = 3
    refused(county, [row(f"N{i}") for i in range(4)], r"at most 3 rows")
    with pytest.raises(LoopError, match="at most 3 rows"):
        read_upload("actions.csv", csv_bytes([row(f"N{i}") for i in range(4)]))
    assert import_rows(county, [row(f"N{i}") for i in range(3)]) == (3, 0)


def test_the_default_row_limit_is_5000() -> None:
    from django.conf import settings

    assert settings.ACTION_IMPORT_MAX_ROWS == 5000


def test_a_20000_row_csv_is_refused_quickly(make_user: Any) -> None:
    content = b"reference,title,owner,status\n" + b"".join(b"R%d,T,O,planned\n" % i for i in range(20_000))
    client = logged_in(make_user("manager", "15"))
    start = time.monotonic()
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile("actions.csv", content)})
    assert time.monotonic() - start < 10
    assert response.status_code == 200
    assert "at most 5000 rows" in response.content.decode()
    assert not Action.objects.exists()


def test_an_xlsx_with_too_many_rows_is_refused(settings: Any) -> None:
    from openpyxl import Workbook

    settings.ACTION_IMPORT_MAX_ROWS = 10
    book = Workbook()
    sheet = book.active
    sheet.append(["reference", "title", "owner", "status"])
    for i in range(50):
        sheet.append([f"R{i}", "T", "O", "planned"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LoopError, match="at most 10 rows"):
        read_upload("actions.xlsx", out.getvalue())


def test_a_csv_field_over_the_csv_limit_is_refused_clearly(make_user: Any) -> None:
    content = csv_bytes([row("R1", description="x" * 140_000)])
    with pytest.raises(LoopError, match="row 2: .*too long"):
        read_upload("actions.csv", content)
    client = logged_in(make_user("manager", "15"))
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile("actions.csv", content)})
    assert response.status_code == 200
    assert "too long" in response.content.decode()
    assert not Action.objects.exists()


def test_an_overlong_reference_is_refused(county: County) -> None:
    refused(county, [row("R" * 41)], r"row 2: .*reference")
    refused(county, [row("R1", "P" * 41)], r"row 2: .*reference")


# --- characters and numbers ------------------------------------------------------------------


@pytest.mark.parametrize("column", ["reference", "parent_reference", "title", "description", "owner", "proposal_id"])
@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_in_an_import_are_refused(county: County, tree: Any, column: str, character: str) -> None:
    bad = {**row("N2"), column: f"P1{character}" if column == "parent_reference" else f"x{character}y"}
    rows = [row("N1"), bad]
    refused(county, rows, r"row 3: .*control character")


def test_newlines_and_tabs_in_an_import_are_kept(county: County) -> None:
    import_rows(county, [row("N1", description="vuokrat\nkasvavat\tnopeasti")])
    assert Action.objects.get(reference="N1").description == "vuokrat\nkasvavat\tnopeasti"


@pytest.mark.parametrize("progress", ["inf", "-inf", "1e400", "nan", "NaN", "Infinity", "1e20", "²", "50%"])
def test_bad_progress_in_an_import_is_refused(county: County, tree: Any, progress: str) -> None:
    refused(county, [row("N1", progress=progress)], r"row 2: .*progress")


@pytest.mark.parametrize("proposal_id", ["²", "١٢", "12a", "-1", "99999999999999999999999"])
def test_bad_proposal_ids_in_an_import_are_refused(county: County, proposal_id: str) -> None:
    refused(county, [row("N1", proposal_id=proposal_id)], r"row 2: .*proposal")


def test_a_proposal_of_the_county_is_linked(county: County) -> None:
    proposal = loop.create_proposal(county=county, title="E", text="T", addressed_to="steering_group", by=None)
    import_rows(county, [row("N1", proposal_id=str(proposal.pk))])
    assert Action.objects.get(reference="N1").proposal == proposal


def test_a_unicode_digit_reference_is_refused_clearly(county: County) -> None:
    refused(county, [row("A²"), row("A١٢")], r"row 2: a reference may hold only")


@pytest.mark.parametrize("due_date", ["9999-99-99", "0000-01-01", "2026-02-30", "x" * 100])
def test_bad_due_dates_are_refused(county: County, due_date: str) -> None:
    refused(county, [row("N1", due_date=due_date)], r"row 2: .*date")


# --- one transaction: a refused file changes nothing -----------------------------------------


def test_a_refused_file_changes_nothing(county: County, tree: Any, make_user: Any) -> None:
    before = snapshot()
    good = [row("P1", title="Muutettu"), row("C1", "P1", status="done", progress="100"), row("N1", "P1")]
    for bad in (row("N2", "nowhere"), row("N2", status="exploded"), row("N2", "N2"), row("N2", title="a\x00b")):
        with pytest.raises(LoopError):
            import_rows(county, [*good, bad])
        assert snapshot() == before
    client = logged_in(make_user("manager", "15"))
    content = csv_bytes([row("P1", title="Muutettu"), row("N1", "P1"), row("C2", "C1"), row("C1", "C2")])
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile("actions.csv", content)})
    assert response.status_code == 200
    assert "form a cycle" in response.content.decode()
    assert snapshot() == before


def test_an_import_that_fails_while_writing_is_rolled_back(county: County, tree: Any, monkeypatch: Any) -> None:
    from ilmio.knowledge import action_files

    before = snapshot()

    def fail(action: Any) -> None:
        raise LoopError("simulated failure while rolling up")

    monkeypatch.setattr(action_files, "roll_up", fail)
    with pytest.raises(LoopError, match="simulated"):
        import_rows(county, [row("P1", title="Muutettu"), row("N1", "P1")])
    assert snapshot() == before


# --- web views and the API ----------------------------------------------------------------------


@pytest.fixture
def world(make_user: Any, county: County) -> dict[str, Any]:
    from ilmio.analysis.services import create_case

    report, _ = submit_report(
        {"title": "Havainto", "description": "Vuokrarästit kasvavat asumistuen muutosten jälkeen.",
         "municipalities": [Municipality.objects.get(code="179")]},
        county=county, channel=Report.Channel.FORM,
    )  # fmt: skip
    summary = loop.draft_summary(county=county, title="Luonnos", period_start=date(2000, 1, 1),
                                 period_end=date(2100, 1, 1), by=None)  # fmt: skip
    quote = Quote.objects.create(summary=summary, report=report, text="Vuokrarästit kasvavat.")
    action = loop.create_action(county=county, title="Toimenpide", owner="Johto", reference="T1")
    proposal = loop.create_proposal(county=county, title="Ehdotus", text="Teksti", addressed_to="steering_group", by=None)
    case = create_case(county=county, title="Ilmiö", by=None)
    return {"coordinator": make_user("coordinator"), "manager": make_user("manager"), "report": report,
            "summary": summary, "quote": quote, "action": action, "proposal": proposal, "case": case}  # fmt: skip


HUGE = "99999999999999999999"


@pytest.mark.parametrize("query", [
    f"offset={HUGE}", f"limit={HUGE}", f"offset={HUGE}&limit={HUGE}", "offset=1000000001", "limit=501",
    "offset=-1", "limit=0", "limit=abc",
])  # fmt: skip
def test_api_list_refuses_out_of_range_paging(world: Any, query: str) -> None:
    from ilmio.accounts.services import create_api_token

    _token, key = create_api_token(world["coordinator"], "test")
    response = Client().get(f"/api/v1/reports?{query}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 422, response.content
    assert response.json()["detail"] == "Invalid input."


def test_api_list_accepts_the_largest_allowed_values(world: Any) -> None:
    client = logged_in(world["coordinator"])
    assert client.get("/api/v1/reports?offset=1000000000&limit=500").json() == []
    assert len(client.get("/api/v1/reports?offset=0&limit=1").json()) == 1


@pytest.mark.parametrize("query", [
    "date_to=9999-12-31", "date_from=0001-01-01", "date_from=0001-01-01&date_to=9999-12-31", "date_to=1999-12-31",
    "date_from=2101-01-01",
])  # fmt: skip
def test_triage_queue_refuses_dates_out_of_range(world: Any, query: str) -> None:
    response = logged_in(world["coordinator"]).get(f"/triage/?{query}")
    assert response.status_code == 200
    assert "Choose a date between 2000 and 2100." in response.content.decode()


def test_triage_queue_still_filters_by_date(world: Any) -> None:
    client = logged_in(world["coordinator"])
    assert "Havainto" in client.get("/triage/?status=all&date_from=2000-01-01&date_to=2100-12-31").content.decode()
    assert "Havainto" not in client.get("/triage/?status=all&date_to=2000-01-02").content.decode()


@pytest.mark.parametrize("page", ["abc", HUGE, "-1", "²", "1e400"])
@pytest.mark.parametrize("path", ["/triage/", "/reports/", "/reports/mine/"])
def test_pages_take_any_page_number(world: Any, path: str, page: str) -> None:
    assert logged_in(world["coordinator"]).get(path, {"page": page}).status_code == 200


@pytest.mark.parametrize("pk", ["abc", HUGE, "", "²", "1.5", "-1"])
def test_action_update_with_a_bad_pk_changes_nothing(world: Any, pk: str) -> None:
    before = snapshot()
    response = logged_in(world["manager"]).post("/knowledge/actions/", {"action": "update", "pk": pk, "status": "done"},
                                                follow=True)  # fmt: skip
    assert response.status_code == 200
    assert "Choose a status and a progress from 0 to 100." in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("progress", ["inf", "1e400", "nan", "-1", "101", HUGE, "²", "abc"])
def test_action_update_with_a_bad_progress_changes_nothing(world: Any, progress: str) -> None:
    before = snapshot()
    response = logged_in(world["manager"]).post(
        "/knowledge/actions/", {"action": "update", "pk": world["action"].pk, "status": "in_progress", "progress": progress},
        follow=True)  # fmt: skip
    assert response.status_code == 200
    assert "Choose a status and a progress from 0 to 100." in response.content.decode()
    assert snapshot() == before


def test_action_update_still_works(world: Any) -> None:
    logged_in(world["manager"]).post("/knowledge/actions/", {"action": "update", "pk": world["action"].pk,
                                                             "status": "in_progress", "progress": "40"})  # fmt: skip
    world["action"].refresh_from_db()
    assert (world["action"].status, world["action"].progress) == ("in_progress", 40)


@pytest.mark.parametrize("quote", ["abc", HUGE, "²", "1.5", "-1"])
def test_quote_approval_with_a_bad_id_changes_nothing(world: Any, quote: str) -> None:
    summary = world["summary"]
    response = logged_in(world["manager"]).post(f"/knowledge/summaries/{summary.pk}/",
                                                {"action": "quote", "quote": quote, "approved": "1"}, follow=True)  # fmt: skip
    assert response.status_code == 200
    assert "The quote was not found." in response.content.decode()
    assert not Quote.objects.filter(approved_for_public=True).exists()


def test_quote_approval_still_works(world: Any) -> None:
    summary, quote = world["summary"], world["quote"]
    logged_in(world["manager"]).post(f"/knowledge/summaries/{summary.pk}/",
                                     {"action": "quote", "quote": quote.pk, "approved": "1"})  # fmt: skip
    quote.refresh_from_db()
    assert quote.approved_for_public


@pytest.mark.parametrize("case", ["abc", HUGE, "²", "1.5", ""])
def test_adding_to_a_case_with_a_bad_id_changes_nothing(world: Any, case: str) -> None:
    report = world["report"]
    response = logged_in(world["coordinator"]).post(f"/triage/reports/{report.public_id}/",
                                                    {"action": "case", "case": case}, follow=True)  # fmt: skip
    assert response.status_code == 200
    assert "Choose a case." in response.content.decode()
    assert not world["case"].reports.exists()


@pytest.mark.parametrize(("start", "end"), [(HUGE, HUGE), ("0", HUGE), ("-1", "3"), ("inf", "1e400"), ("²", "³")])
def test_coding_a_passage_with_bad_offsets_changes_nothing(world: Any, start: str, end: str) -> None:
    from ilmio.analysis.models import CodedPassage
    from ilmio.analysis.services import create_code

    code = create_code(county=world["report"].county, name="Koodi")
    report = world["report"]
    response = logged_in(world["coordinator"]).post(f"/triage/reports/{report.public_id}/", {
        "action": "code", "code": code.pk, "start": start, "end": end})  # fmt: skip
    assert response.status_code == 200
    assert not CodedPassage.objects.exists()


@pytest.mark.parametrize("decided_on", ["9999-12-31", "0001-01-01"])
def test_decision_dates_out_of_range_are_refused(world: Any, decided_on: str) -> None:
    from ilmio.knowledge.models import Decision

    response = logged_in(world["manager"]).post(f"/knowledge/proposals/{world['proposal'].pk}/", {
        "outcome": "accepted", "decided_on": decided_on, "body": "Hallitus", "due_date": decided_on})  # fmt: skip
    assert response.status_code == 200
    assert "Choose a date between 2000 and 2100." in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("dates", [("0001-01-01", "9999-12-31"), ("2026-01-01", "9999-12-31")])
def test_summary_periods_out_of_range_are_refused(world: Any, dates: tuple[str, str]) -> None:
    from ilmio.knowledge.models import Summary

    count = Summary.objects.count()
    response = logged_in(world["coordinator"]).post("/knowledge/summaries/", {
        "title": "Uusi", "period_start": dates[0], "period_end": dates[1]})  # fmt: skip
    assert response.status_code == 200
    assert "Choose a date between 2000 and 2100." in response.content.decode()
    assert Summary.objects.count() == count


# --- control characters in forms ---------------------------------------------------------------

CONTROL_MESSAGE = "Remove the control characters from the text."


def test_the_text_field_refuses_control_characters_only() -> None:
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from ilmio.core.forms import TextField

    translation.activate("en")
    field = TextField()
    assert field.clean("rivi\nrivi\r\n\tsarkain – åäö ☃") == "rivi\nrivi\r\n\tsarkain – åäö ☃"
    for character in ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"]:
        with pytest.raises(ValidationError) as error:
            field.clean(f"a{character}b")
        assert CONTROL_MESSAGE in error.value.messages


def text_fields_of(module: Any) -> list[tuple[type, str]]:
    from django import forms

    from ilmio.core.forms import TextField

    found = []
    for form in vars(module).values():
        if isinstance(form, type) and issubclass(form, forms.Form) and form.__module__ == module.__name__:
            for name, field in form.base_fields.items():
                if type(field) is forms.CharField or isinstance(field, TextField):
                    found.append((form, name))
    return found


def test_every_free_text_field_refuses_control_characters() -> None:
    from django import forms

    from ilmio.analysis import forms as analysis_forms
    from ilmio.core.forms import TextField
    from ilmio.knowledge import forms as knowledge_forms

    fields = text_fields_of(analysis_forms) + text_fields_of(knowledge_forms)
    assert len(fields) >= 17
    plain = [f"{form.__name__}.{name}" for form, name in fields if not isinstance(form.base_fields[name], TextField)]
    assert not plain, f"free-text fields without the control-character check: {plain}"
    assert all(isinstance(f, forms.CharField) for form, _ in fields for f in [form.base_fields[_]])


@pytest.mark.parametrize(("path", "data"), [
    ("/triage/cases/", {"title": "Otsikko\x1b[31m"}),
    ("/triage/codebook/", {"name": "Koodi\x07"}),
    ("/knowledge/summaries/", {"title": "Otsikko\x08", "period_start": "2026-01-01", "period_end": "2026-02-01"}),
])  # fmt: skip
def test_forms_refuse_control_characters_with_a_message(world: Any, path: str, data: dict[str, str]) -> None:
    from ilmio.analysis.models import Code, PhenomenonCase
    from ilmio.knowledge.models import Summary

    counts = (Code.objects.count(), PhenomenonCase.objects.count(), Summary.objects.count())
    response = logged_in(world["coordinator"]).post(path, data)
    assert response.status_code == 200
    assert CONTROL_MESSAGE in response.content.decode()
    assert (Code.objects.count(), PhenomenonCase.objects.count(), Summary.objects.count()) == counts


def test_triage_search_refuses_control_characters(world: Any) -> None:
    response = logged_in(world["coordinator"]).get("/triage/", {"q": "vuokra\x1b"})
    assert response.status_code == 200
    assert CONTROL_MESSAGE in response.content.decode()


def test_proposal_text_with_control_characters_is_refused(world: Any) -> None:
    count = Proposal.objects.count()
    response = logged_in(world["manager"]).post(f"/knowledge/summaries/{world['summary'].pk}/", {
        "action": "proposal", "title": "Ehdotus", "text": "Teksti\x00", "addressed_to": "steering_group"}, follow=True)  # fmt: skip
    assert response.status_code == 200
    assert Proposal.objects.count() == count


@pytest.mark.parametrize("overrides", [
    {"next": "ab"}, {"next": "situation"}, {"last_month": "2026-13"}, {"last_month": "²０２６-01"},
    {"last_month": "abcdefg"}, {"note": "huom\x1b[2J"}, {"note": "x" * 501}, {"municipality": "297"},
    {"decision": "maybe"}, {"phenomenon": "\x00"},
])  # fmt: skip
def test_signal_review_refuses_bad_input(world: Any, overrides: dict[str, str]) -> None:
    from ilmio.analysis.models import SignalReview

    data = {"phenomenon": "asuminen", "municipality": "179", "decision": "confirmed", "last_month": "2026-01",
            "note": "Huomio", "next": "/situation/", **overrides}  # fmt: skip
    response = logged_in(world["coordinator"]).post("/triage/signals/review/", data)
    assert response.status_code == 302
    assert response["Location"] == "/situation/"
    assert SignalReview.objects.exists() == ("next" in overrides)


def test_signal_review_still_works(world: Any) -> None:
    from ilmio.analysis.models import SignalReview

    logged_in(world["coordinator"]).post("/triage/signals/review/", {
        "phenomenon": "asuminen", "municipality": "179", "decision": "dismissed", "last_month": "2026-01",
        "note": "Ei toimenpiteitä", "next": "/situation/?level=county"})  # fmt: skip
    review = SignalReview.objects.get()
    assert (review.decision, review.last_month, review.municipality_code) == ("dismissed", "2026-01", "179")


@pytest.mark.parametrize(("data", "message"), [
    ({"action": "statement", "text": "Havainto\x1b[2J"}, CONTROL_MESSAGE),
    ({"action": "statement", "text": ""}, "This field is required."),
    ({"action": "publish", "audience": "everyone"}, "Select a valid choice."),
])  # fmt: skip
def test_summary_forms_say_what_was_wrong(world: Any, data: dict[str, str], message: str) -> None:
    from ilmio.knowledge.models import Statement, Summary

    summary = world["summary"]
    user = world["coordinator"] if data["action"] == "statement" else world["manager"]
    if data["action"] == "publish":
        loop.approve_summary(summary, by=None)
    count = Statement.objects.count()
    response = logged_in(user).post(f"/knowledge/summaries/{summary.pk}/", data, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Statement.objects.count() == count
    assert Summary.objects.get(pk=summary.pk).status != "published"


@pytest.mark.parametrize("url", ["/situation/?area=1%005", "/situation/?phenomenon=asu%00minen",
                                 "/reports/public/?x=%00", "/knowledge/outcomes/15/?service_area=%00"])
def test_a_nul_byte_in_a_parameter_is_a_client_error(reference_data, url):
    from django.test import Client

    assert Client().get(url).status_code == 400
