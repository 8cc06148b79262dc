"""Done-when: a client-feedback sheet of 10,000 rows imports with a progress bar; a bad row
is reported and nothing else stops. Texts are redacted on the way in, a row imported
again is skipped, and another county's coordinator and a decision-maker are kept out."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from openpyxl import Workbook

from ilmio.reports.import_runs import read_rows
from ilmio.reports.models import ImportRun
from ilmio.sources.feedback import FEEDBACK, import_feedback
from ilmio.sources.models import FeedbackItem
from tests.reports.helpers import SECRETS

pytestmark = pytest.mark.django_db

HEADERS = ["Asianumero", "Saapunut", "Tyyppi", "Yksikkö", "Palvelualue", "Ilmiö", "Kunta", "Palaute"]
KINDS = ["palaute", "muistutus", "kantelu", "Palaute"]
BAD_ROW = 4321  # its date is not a day


@pytest.fixture(autouse=True)
def english() -> Any:
    with translation.override("en"):  # the row problems outside a request, in English
        yield


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path) -> Path:
    settings.REPORT_IMPORT_DIR = tmp_path / "private-imports"
    return Path(settings.REPORT_IMPORT_DIR)


def sheet_rows(count: int, start: date | None = None) -> list[list[str]]:
    first = start or date.today() - timedelta(days=400)
    rows = []
    for number in range(1, count + 1):
        day = first + timedelta(days=number % 360)
        received = "31.2.2025" if number == BAD_ROW else f"{day.day}.{day.month}.{day.year}"
        text = (f"Asiakas {SECRETS['name']} ({SECRETS['hetu']}) odotti kotihoitoa." if number == 7
                else f"Palaute numero {number}: asumisneuvontaan oli pitkä jono.")  # fmt: skip
        rows.append([f"A-{number}", received, KINDS[number % 4], f"Kotihoito {number % 3}", "ikaantyneet_palvelut",
                     "asuminen" if number % 2 else "toimeentulo", "Jyväskylä", text])  # fmt: skip
    return rows


def xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def client_of(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def upload(client: Client, content: bytes, name: str = "palautteet.xlsx") -> Any:
    return client.post("/sources/feedback/import/", {"action": "upload", "file": SimpleUploadedFile(name, content)})


def mapping() -> dict[str, str]:
    return {"col_source_id": "Asianumero", "col_received_on": "Saapunut", "col_kind": "Tyyppi", "col_unit": "Yksikkö",
            "col_service_area": "Palvelualue", "col_phenomenon": "Ilmiö", "col_municipality": "Kunta",
            "col_text": "Palaute"}  # fmt: skip


def test_ten_thousand_rows_import_with_a_progress_bar_and_the_bad_row_reported(make_user):
    coordinator = make_user("coordinator")
    client = client_of(coordinator)
    content = xlsx(sheet_rows(10_000))
    assert upload(client, content).status_code == 302
    page = client.get("/sources/feedback/import/").content.decode()
    assert "10,000 rows" in page or "10000 rows" in page
    for header in HEADERS:  # every column guessed from its Finnish header
        assert f'<option value="{header}" selected>' in page, header
    preview = client.post("/sources/feedback/import/", {"action": "preview", **mapping()})
    text = preview.content.decode()
    assert "9,999 would be stored" in text or "9999 would be stored" in text, text[:2000]
    assert f"Row {BAD_ROW}: the date “31.2.2025” does not exist" in text
    assert SECRETS["hetu"] not in text and SECRETS["name"] not in text
    assert FeedbackItem.objects.count() == 0  # the dry run stored nothing
    done = client.post("/sources/feedback/import/", {"action": "import", **mapping()})
    run = ImportRun.objects.get(kind=FEEDBACK.kind)
    assert done.status_code == 302 and done["Location"] == f"/sources/feedback/import/{run.pk}/"
    assert run.status == ImportRun.Status.DONE and run.created_count == 9_999 and run.problem_count == 1
    assert run.problems == [{"row": BAD_ROW, "message": f"Row {BAD_ROW}: the date “31.2.2025” does not exist"}]
    run_page = client.get(done["Location"]).content.decode()
    assert re.search(r'<progress id="import-progress" max="10000" value="10000">', run_page)
    assert "Stored: 9,999" in run_page or "Stored: 9999" in run_page
    status = client.get(f"/sources/feedback/import/{run.pk}/status/").json()
    assert status["percent"] == 100 and status["processed_rows"] == 10_000 and status["problems"] == 1
    assert FeedbackItem.objects.filter(county=coordinator.county).count() == 9_999
    kinds = dict(FeedbackItem.objects.values_list("import_key", "kind"))
    assert kinds["src:A-1"] == FeedbackItem.Kind.REMINDER and kinds["src:A-2"] == FeedbackItem.Kind.COMPLAINT
    leaky = FeedbackItem.objects.get(import_key="src:A-7")
    assert SECRETS["hetu"] not in leaky.text and SECRETS["name"] not in leaky.text and "kotihoitoa" in leaky.text


def test_progress_is_told_after_every_batch():
    rows = read_rows(xlsx(sheet_rows(1_200)), "palautteet.xlsx")
    seen: list[tuple[int, int]] = []
    from ilmio.areas.models import County

    import_feedback(County.objects.get(code="15"), rows, FEEDBACK.guess(HEADERS), dry_run=True,
                    progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen == [(500, 1_200), (1_000, 1_200), (1_200, 1_200)]


def test_the_same_sheet_again_adds_nothing(make_user):
    coordinator = make_user("coordinator")
    rows = read_rows(xlsx(sheet_rows(50)), "palautteet.xlsx")
    first = import_feedback(coordinator.county, rows, FEEDBACK.guess(HEADERS), by=coordinator)
    again = import_feedback(coordinator.county, rows, FEEDBACK.guess(HEADERS), by=coordinator)
    assert (first.created, again.created, again.skipped_duplicates) == (50, 0, 50)
    assert FeedbackItem.objects.count() == 50


@pytest.mark.parametrize("value, message", [
    ("", "the date is missing"),
    ("huomenna", "“huomenna” is not a date"),
])  # fmt: skip
def test_a_row_without_a_readable_date_is_reported(make_user, value, message):
    coordinator = make_user("coordinator")
    rows = sheet_rows(3)
    rows[1][1] = value
    result = import_feedback(coordinator.county, read_rows(xlsx(rows), "p.xlsx"), FEEDBACK.guess(HEADERS), by=coordinator)
    assert result.created == 2 and [p.row for p in result.problems] == [2]
    assert message in result.problems[0].message


@pytest.mark.parametrize("column, value, message", [
    (2, "ruusu", "“ruusu” is not feedback, a reminder or a complaint"),
    (4, "kuu", "the service area “kuu” is not in the taxonomy"),
    (5, "sää", "the phenomenon “sää” is not in the taxonomy"),
    (6, "Kuopio", "the municipality “Kuopio” is not in this county"),
])  # fmt: skip
def test_an_unknown_value_is_reported_with_its_row(make_user, column, value, message):
    coordinator = make_user("coordinator")
    rows = sheet_rows(3)
    rows[2][column] = value
    result = import_feedback(coordinator.county, read_rows(xlsx(rows), "p.xlsx"), FEEDBACK.guess(HEADERS), by=coordinator)
    assert result.created == 2 and [p.message for p in result.problems] == [f"Row 3: {message}"]


def test_a_mapping_without_the_date_is_refused(make_user):
    client = client_of(make_user("coordinator"))
    upload(client, xlsx(sheet_rows(5)))
    response = client.post("/sources/feedback/import/", {"action": "preview", **mapping(), "col_received_on": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert FeedbackItem.objects.count() == 0


def test_the_feedback_and_report_imports_keep_their_own_mappings_and_runs(make_user):
    client = client_of(make_user("coordinator"))
    upload(client, xlsx(sheet_rows(5)))
    client.post("/sources/feedback/import/", {"action": "preview", **mapping(), "save_as": "Palauterekisteri"})
    assert "Palauterekisteri" in client.get("/sources/feedback/import/").content.decode()
    assert "Palauterekisteri" not in client.get("/reports/import/").content.decode()
    client.post("/sources/feedback/import/", {"action": "import", **mapping()})
    run = ImportRun.objects.get()
    assert client.get(f"/reports/import/{run.pk}/").status_code == 404  # a feedback run is not a report run
    assert client.get(f"/sources/feedback/import/{run.pk}/").status_code == 200


def test_another_county_and_lower_roles_are_kept_out(make_user):
    coordinator = make_user("coordinator")
    client = client_of(coordinator)
    upload(client, xlsx(sheet_rows(5)))
    client.post("/sources/feedback/import/", {"action": "import", **mapping()})
    run = ImportRun.objects.get()
    other = client_of(make_user("coordinator", "13"))
    assert other.get(f"/sources/feedback/import/{run.pk}/").status_code == 404
    assert other.get(f"/sources/feedback/import/{run.pk}/status/").status_code == 404
    assert other.post(f"/sources/feedback/import/{run.pk}/", {"action": "resume"}).status_code == 404
    assert "Kotihoito" not in other.get("/sources/feedback/").content.decode()
    decision_maker = client_of(make_user("decision_maker"))
    assert decision_maker.get("/sources/feedback/").status_code == 404
    assert decision_maker.get("/sources/feedback/import/").status_code in (403, 404)
    assert decision_maker.get(f"/sources/feedback/import/{run.pk}/").status_code in (403, 404)
    assert Client().get("/sources/feedback/").status_code in (302, 403)
    assert FeedbackItem.objects.count() == 5
