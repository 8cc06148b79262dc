"""The coordinators' upload page for a county's history of reports: upload → mapping →
dry-run preview → import, followed on the run's page; saved mappings; bad files refused
with a clear message; the uploaded file never stays; other counties and roles kept out."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ilmio.areas.models import County
from ilmio.reports import import_runs
from ilmio.reports.importing import ColumnMapping
from ilmio.reports.models import ImportMapping, ImportRun, Report
from tests.reports.helpers import SECRETS

pytestmark = pytest.mark.django_db

WEBROPOL = (
    "Vastaajan ID;Vastausaika;Kunta;Ilmiö;Kuvaile havaintosi\r\n"
    f"1001;3.2.2021 14.05;Jyväskylä;asuminen;Asiakas Matti Virtanen, puhelin {SECRETS['phone']}: vuokrarästit kasvavat.\r\n"
    "1002;31.2.2021;Jyväskylä;asuminen;Päivämäärä on väärä.\r\n"
    "1003;2021-03-15;179;Asuminen;Nuorten asunnottomuus lisääntyy.\r\n"
    "1004;4.5.2022;Tukholma;asuminen;Kunta ei ole maakunnassa.\r\n"
)
PLAIN = "Otsikko,Teksti,Paikka\r\nAsunnottomuus,Nuoret jäävät ilman asuntoa.,Jyväskylä\r\n"


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path) -> Path:
    settings.REPORT_IMPORT_DIR = tmp_path / "private-imports"
    return Path(settings.REPORT_IMPORT_DIR)


def client_of(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def upload(client: Client, text: str | bytes = WEBROPOL, name: str = "vastaukset.csv") -> Any:
    content = text if isinstance(text, bytes) else ("\ufeff" + text).encode("utf-8")
    return client.post(
        "/reports/import/", {"action": "upload", "file": SimpleUploadedFile(name, content)}
    )


def mapping(**columns: str) -> dict[str, str]:
    base = {"col_source_id": "Vastaajan ID", "col_created_at": "Vastausaika", "col_municipality": "Kunta",
            "col_phenomenon": "Ilmiö", "col_description": "Kuvaile havaintosi"}  # fmt: skip
    base.update(columns)
    return base


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


@pytest.fixture
def coordinator(make_user: Any) -> Any:
    return make_user("coordinator")


def test_upload_shows_the_guessed_mapping(coordinator: Any) -> None:
    client = client_of(coordinator)
    response = upload(client)
    assert response.status_code == 302
    page = client.get("/reports/import/")
    form = page.context["form"]
    assert form.initial["col_description"] == "Kuvaile havaintosi"
    assert form.initial["col_created_at"] == "Vastausaika"
    assert "vastaukset.csv" in page.content.decode()


def test_preview_shows_redacted_text_and_every_problem_and_stores_nothing(
    coordinator: Any, private_dir: Path
) -> None:
    client = client_of(coordinator)
    upload(client)
    response = client.post("/reports/import/", {"action": "preview", **mapping()})
    assert response.status_code == 200
    text = response.content.decode()
    preview = response.context["preview"]
    assert preview.would_create == 2 and preview.total_rows == 4
    assert [p["row"] for p in preview.problems] == [2, 4]
    assert "31.2.2021" in text and "Tukholma" in text  # each row's problem, named
    assert "vuokrarästit kasvavat" in text
    assert SECRETS["phone"] not in text and "Virtanen" not in text  # the redacted text
    assert Report.objects.count() == 0 and ImportRun.objects.count() == 0
    # The file waits privately: outside MEDIA_ROOT, readable by the owner only.
    files = list(private_dir.glob("*.upload"))
    assert len(files) == 1 and stat.S_IMODE(os.stat(files[0]).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(private_dir).st_mode) == 0o700


def test_import_runs_to_done_and_the_file_is_deleted(coordinator: Any, private_dir: Path) -> None:
    client = client_of(coordinator)
    upload(client)
    response = client.post("/reports/import/", {"action": "import", **mapping()})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/import/{run.pk}/"
    assert run.status == ImportRun.Status.DONE and run.finished_at is not None
    assert (run.total_rows, run.processed_rows, run.created_count, run.problem_count) == (
        4,
        4,
        2,
        2,
    )
    assert [p["row"] for p in run.problems] == [2, 4]
    assert run.file_name == "vastaukset.csv" and run.created_by == coordinator
    assert Report.objects.filter(channel=Report.Channel.IMPORT, county__code="15").count() == 2
    stored = Report.objects.get(idempotency_key="src:1001")
    assert SECRETS["phone"] not in stored.description and "Virtanen" not in stored.description
    assert list(private_dir.glob("*.upload")) == []  # nothing of the file stays
    page = client.get(run and f"/reports/import/{run.pk}/")
    assert b"<progress" in page.content and page.status_code == 200
    status = client.get(f"/reports/import/{run.pk}/status/").json()
    assert status["status"] == "done" and status["percent"] == 100 and status["created"] == 2


def test_reimporting_the_same_file_adds_nothing(coordinator: Any) -> None:
    client = client_of(coordinator)
    for _ in range(2):
        upload(client)
        client.post("/reports/import/", {"action": "import", **mapping()})
    first, second = ImportRun.objects.order_by("pk")
    assert (first.created_count, second.created_count, second.skipped_count) == (2, 0, 2)
    assert Report.objects.count() == 2


def test_a_saved_mapping_is_used_for_the_next_file(coordinator: Any) -> None:
    client = client_of(coordinator)
    upload(client)
    client.post(
        "/reports/import/",
        {"action": "preview", "save_as": "Webropol", **mapping(col_source_id="")},
    )
    saved = ImportMapping.objects.get(county__code="15", name="Webropol")
    assert saved.columns["description"] == "Kuvaile havaintosi" and "source_id" not in saved.columns
    upload(client)
    page = client.get(f"/reports/import/?mapping={saved.pk}")
    assert page.context["chosen"] == saved
    assert "col_source_id" not in page.context["form"].initial
    assert page.context["form"].initial["col_description"] == "Kuvaile havaintosi"
    client.post("/reports/import/", {"action": "delete_mapping", "mapping": saved.pk})
    assert not ImportMapping.objects.exists()


def test_a_plain_sheet_is_mapped_by_hand(coordinator: Any) -> None:
    client = client_of(coordinator)
    upload(client, PLAIN, "taulukko.csv")
    page = client.get("/reports/import/")
    assert "col_description" not in page.context["form"].initial  # "Teksti" is not guessed
    refused = client.post("/reports/import/", {"action": "import", "col_title": "Otsikko"})
    assert (
        refused.status_code == 200
        and refused.context["form"].errors
        and not ImportRun.objects.exists()
    )
    client.post("/reports/import/", {"action": "import", "col_title": "Otsikko", "col_description": "Teksti",
                                     "col_municipality": "Paikka"})  # fmt: skip
    report = Report.objects.get()
    assert report.title == "Asunnottomuus" and list(
        report.municipalities.values_list("code", flat=True)
    ) == ["179"]


def test_an_xlsx_file_is_read(coordinator: Any) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Kuvaus", "Päivämäärä", "Kunta"])
    sheet.append(["Toimeentulotuen jonot pitenevät.", "1.3.2023", "Jyväskylä"])
    buffer = io.BytesIO()
    book.save(buffer)
    client = client_of(coordinator)
    upload(client, buffer.getvalue(), "historia.xlsx")
    page = client.get("/reports/import/")
    assert page.context["form"].initial["col_description"] == "Kuvaus"
    client.post("/reports/import/", {"action": "import", "col_description": "Kuvaus", "col_created_at": "Päivämäärä",
                                     "col_municipality": "Kunta"})  # fmt: skip
    assert Report.objects.get().created_at.date().isoformat() == "2023-03-01"


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"%PDF-1.4 not a table", "raportti.pdf", "CSV or XLSX"),
    (b"PK\x03\x04 broken", "rikki.xlsx", "not a CSV or XLSX"),
    (b"Kuvaus\r\n", "tyhja.csv", "no data rows"),
    (b"", "tyhja.csv", "empty"),
])  # fmt: skip
def test_a_bad_file_is_refused_clearly_and_nothing_is_kept(coordinator: Any, private_dir: Path, content: bytes,
                                                          name: str, words: str) -> None:  # fmt: skip
    client = client_of(coordinator)
    response = upload(client, content, name)
    assert response.status_code == 302
    assert any(words in m for m in messages_of(response)), messages_of(response)
    assert client.get("/reports/import/").context["held"] is None
    assert list(private_dir.glob("*.upload")) == [] and not ImportRun.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    coordinator: Any, monkeypatch: Any, private_dir: Path
) -> None:
    monkeypatch.setattr(import_runs, "MAX_UPLOAD_BYTES", 100)
    response = upload(client_of(coordinator), WEBROPOL)
    assert any("larger than" in m for m in messages_of(response))
    assert list(private_dir.glob("*.upload")) == []


def test_import_without_a_description_column_is_refused(coordinator: Any) -> None:
    client = client_of(coordinator)
    upload(client)
    response = client.post("/reports/import/", {"action": "import", **mapping(col_description="")})
    assert response.status_code == 200 and "col_description" in response.context["form"].errors
    assert not ImportRun.objects.exists() and not Report.objects.exists()


def test_import_without_an_upload_is_refused(coordinator: Any) -> None:
    response = client_of(coordinator).post("/reports/import/", {"action": "import", **mapping()})
    assert any("Upload it again" in m for m in messages_of(response))
    assert not ImportRun.objects.exists()


def test_a_failed_run_deletes_its_file_and_continues_from_its_row(coordinator: Any, monkeypatch: Any,
                                                                 private_dir: Path) -> None:  # fmt: skip
    from ilmio.reports import importing

    county = County.objects.get(code="15")
    dates = {2: "31.2.2024"}  # row 2 has a problem, in the batch stored before the failure
    rows = "".join(
        f"{n};{dates.get(n, '1.2.2024')};Jyväskylä;asuminen;Havainto numero {n}.\r\n" for n in range(1, 7)
    )
    content = ("\ufeffVastaajan ID;Vastausaika;Kunta;Ilmiö;Kuvaile havaintosi\r\n" + rows).encode()
    calls = {"n": 0}
    real_submit = importing.submit_report

    def fails_on_the_fourth(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("the database went away")
        return real_submit(*args, **kwargs)

    monkeypatch.setattr(importing, "BATCH_SIZE", 2)
    monkeypatch.setattr(importing, "submit_report", fails_on_the_fourth)
    mapping = ColumnMapping.guess(
        ["Vastaajan ID", "Vastausaika", "Kunta", "Ilmiö", "Kuvaile havaintosi"]
    )
    run = import_runs.start_import(county, content, "vastaukset.csv", mapping, by=coordinator)
    # Rows 1-4 (two batches) were stored before row 5 failed.
    assert run.status == ImportRun.Status.FAILED and run.processed_rows == 4
    assert run.created_count == 3
    assert Report.objects.count() == 3 and list(private_dir.glob("*.upload")) == []
    client = client_of(coordinator)
    page = client.get(f"/reports/import/{run.pk}/")
    assert b'value="resume"' in page.content
    monkeypatch.setattr(importing, "submit_report", real_submit)
    refused = client.post(f"/reports/import/{run.pk}/", {"action": "resume"})
    assert any("Upload the same file" in m for m in messages_of(refused))
    client.post(
        f"/reports/import/{run.pk}/",
        {"action": "resume", "file": SimpleUploadedFile("v.csv", content)},
    )
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.processed_rows == 6
    assert Report.objects.count() == 5 and run.created_count == 5
    assert run.problem_count == 1 and [p["row"] for p in run.problems] == [2]
    assert list(private_dir.glob("*.upload")) == []


def test_an_old_waiting_upload_is_swept(coordinator: Any, private_dir: Path) -> None:
    client = client_of(coordinator)
    upload(client)
    (path,) = private_dir.glob("*.upload")
    os.utime(path, (1, 1))
    assert import_runs.sweep_uploads() == 1 and not path.exists()
    response = client.post("/reports/import/", {"action": "preview", **mapping()})
    assert any("Upload it again" in m for m in messages_of(response))


@pytest.mark.parametrize("role", ["reporter", "manager", "decision_maker"])
def test_other_roles_may_not_import(make_user: Any, role: str) -> None:
    client = client_of(make_user(role))
    assert client.get("/reports/import/").status_code == 403
    assert upload(client).status_code == 403


def test_another_countys_runs_and_mappings_are_not_found(coordinator: Any, make_user: Any) -> None:
    other = County.objects.get(code="13")
    run = ImportRun.objects.create(
        county=other, file_name="psavo.csv", status=ImportRun.Status.DONE
    )
    saved = ImportMapping.objects.create(
        county=other, name="Pohjois-Savo", columns={"description": "Kuvaus"}
    )
    client = client_of(coordinator)
    assert client.get(f"/reports/import/{run.pk}/").status_code == 404
    assert client.get(f"/reports/import/{run.pk}/status/").status_code == 404
    assert client.post(f"/reports/import/{run.pk}/", {"action": "resume"}).status_code == 404
    assert (
        client.post(
            "/reports/import/", {"action": "delete_mapping", "mapping": saved.pk}
        ).status_code
        == 404
    )
    upload(client)
    assert client.get(f"/reports/import/?mapping={saved.pk}").status_code == 404
    page = client.get("/reports/import/").content.decode()
    assert "psavo.csv" not in page and "Pohjois-Savo" not in page
    assert ImportMapping.objects.filter(pk=saved.pk).exists()


def test_the_page_is_translated(coordinator: Any) -> None:
    for language, words in (("fi", "Tuo aiemmat"), ("sv", "Importera tidigare")):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(coordinator)
        assert words in client.get("/reports/import/").content.decode()


def test_a_municipality_of_another_county_is_a_row_problem(coordinator: Any) -> None:
    client = client_of(coordinator)
    upload(client, "Kuvaus;Kunta\r\nHavainto Kuopiosta.;Kuopio\r\nHavainto Jyväskylästä.;Jyväskylä\r\n")
    client.post("/reports/import/", {"action": "import", "col_description": "Kuvaus", "col_municipality": "Kunta"})
    run = ImportRun.objects.get()
    assert (run.created_count, run.problem_count) == (1, 1)
    assert "Kuopio" in run.problems[0]["message"]
    assert not Report.objects.filter(county__code="13").exists()


def test_stored_problems_hold_no_identifying_detail(coordinator: Any) -> None:
    client = client_of(coordinator)
    upload(client, f"Kuvaus;Kunta\r\nHavainto.;{SECRETS['phone']}\r\n")
    client.post("/reports/import/", {"action": "import", "col_description": "Kuvaus", "col_municipality": "Kunta"})
    run = ImportRun.objects.get()
    assert run.problem_count == 1 and SECRETS["phone"] not in str(run.problems)


def test_random_mappings_after_an_upload_never_fail_and_refusals_store_nothing(coordinator: Any) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    client = client_of(coordinator)
    headers = ["Vastaajan ID", "Vastausaika", "Kunta", "Ilmiö", "Kuvaile havaintosi"]
    column = st.one_of(st.sampled_from(["", *headers]), st.text(max_size=20))
    posted = st.fixed_dictionaries(
        {"action": st.sampled_from(["preview", "import"])},
        optional={f"col_{t}": column for t in ("description", "created_at", "municipality", "phenomenon")}
        | {"save_as": st.one_of(st.just("Webropol"), st.text(max_size=120))},
    )

    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(data=posted)
    def run(data: dict[str, Any]) -> None:
        upload(client)
        before = (Report.objects.count(), ImportRun.objects.count(), ImportMapping.objects.count())
        response = client.post("/reports/import/", data)
        assert response.status_code < 500
        refused = response.status_code == 200 and response.context["form"].errors
        if refused:
            assert (Report.objects.count(), ImportRun.objects.count(), ImportMapping.objects.count()) == before

    run()
