"""Security basics: headers, login throttling, CSRF on every form, safe exports, uploads.

``check --deploy`` is covered by ``tests/foundation/test_settings.py``.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ilmio.core.tables import FORMULA_PREFIXES, safe_cell, to_csv, to_xlsx
from ilmio.knowledge.action_files import MAX_IMPORT_BYTES, read_upload
from ilmio.knowledge.models import Action
from ilmio.knowledge.services import LoopError
from tests.quality.test_permission_matrix import url_patterns

pytestmark = pytest.mark.django_db


# --- headers ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/situation/", "/accounts/login/"])
def test_pages_carry_security_headers(path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]  # no inline script, no CDN
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


# --- login throttling ---------------------------------------------------------------------


def test_sixth_login_after_five_failures_is_refused_even_with_the_right_password(settings: Any, make_user: Any) -> None:
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    user = make_user("reporter", "15", username="throttled")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    statuses = [client.post("/accounts/login/", {"username": user.username, "password": "wrong-password"}).status_code
                for _attempt in range(5)]  # fmt: skip
    # The form again with an error four times; the fifth failure reaches the limit.
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post("/accounts/login/", {"username": user.username, "password": "test-pass-123"})
    assert response.status_code == 429
    assert "Too many" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked out (username + IP).
    other = make_user("reporter", "15", username="not_throttled")
    response = Client().post("/accounts/login/", {"username": other.username, "password": "test-pass-123"})
    assert response.status_code == 302


# --- CSRF -------------------------------------------------------------------------------------

FILLERS = {
    r"<int:\w+>": "1",
    r"<uuid:\w+>": str(uuid.UUID(int=1)),
    r"<slug:\w+>": "asuminen",
    r"<str:fmt>": "csv",
    r"<str:\w+>": "15",
    r"<\w+>": "1",
}


def html_paths() -> list[tuple[str, str]]:
    """Every URL of the HTML site with its parameters filled in (the API is separate)."""
    out = []
    for name, raw in url_patterns():
        if name.startswith("api:"):
            continue
        path = "/" + raw
        for pattern, value in FILLERS.items():
            path = re.sub(pattern, value, path)
        out.append((name, path))
    return sorted(set(out))


def test_every_html_post_endpoint_requires_a_csrf_token(make_user: Any) -> None:
    admin = make_user("admin", "15")
    paths = html_paths()
    assert len(paths) >= 25
    anonymous = Client(enforce_csrf_checks=True)
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(admin)
    unprotected = []
    for name, path in paths:
        for who, client in (("anonymous", anonymous), ("admin", signed_in)):
            response = client.post(path, {"title": "x", "action": "update"})
            if response.status_code != 403 or b"CSRF" not in response.content:
                unprotected.append(f"{name} {path} as {who}: {response.status_code}")
    assert not unprotected, "POST accepted without a CSRF token:\n" + "\n".join(unprotected)


def test_csrf_token_is_what_the_check_wants(make_user: Any) -> None:
    """The 403s above are the CSRF check: with the form's token the same POST goes through."""
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)
    assert token
    user = make_user("reporter", "15", username="csrf_user")
    response = client.post("/accounts/login/", {"username": user.username, "password": "test-pass-123",
                                                "csrfmiddlewaretoken": token.group(1).decode()})  # fmt: skip
    assert response.status_code == 302


# --- exports ------------------------------------------------------------------------------

DANGEROUS = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_safe_cell_quotes_formula_like_text(value: str) -> None:
    assert value.startswith(FORMULA_PREFIXES)
    assert safe_cell(value) == "'" + value
    assert safe_cell("Asuminen") == "Asuminen" and safe_cell(7) == 7 and safe_cell(None) is None


def test_csv_and_xlsx_exports_are_safe_from_formula_injection() -> None:
    from openpyxl import load_workbook

    rows = [{"title": value, "count": 3} for value in DANGEROUS]
    parsed = list(csv.reader(io.StringIO(to_csv(rows, ["title", "count"]), newline="")))
    assert parsed[0] == ["title", "count"]
    for (title, count), value in zip(parsed[1:], DANGEROUS, strict=True):
        assert title == "'" + value
        assert count == "3"
    sheet = load_workbook(io.BytesIO(to_xlsx(rows, ["title", "count"]))).active
    for row, value in zip(sheet.iter_rows(min_row=2, values_only=True), DANGEROUS, strict=True):
        assert row[0] == "'" + value
        assert row[1] == 3


@pytest.mark.parametrize("value", ["\r=1", "Vuokra\r=1+1"])
def test_csv_carriage_return_cannot_start_a_formula_row(value: str) -> None:
    parsed = list(csv.reader(io.StringIO(to_csv([{"title": value, "count": 3}], ["title", "count"]), newline="")))
    assert len(parsed) == 2
    assert not any(cell.startswith(FORMULA_PREFIXES) for row in parsed[1:] for cell in row)


def test_situation_csv_export_has_no_formula_cells() -> None:
    response = Client().get("/situation/?level=country&format=csv")
    assert response.status_code == 200
    for row in csv.reader(io.StringIO(response.content.decode())):
        assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row)


# --- uploads --------------------------------------------------------------------------------

VALID_CSV = "reference,title,owner,status,progress\nR1,Neuvonta,Johto,planned,0\n"


def test_read_upload_checks_type_size_and_encoding() -> None:
    assert read_upload("actions.csv", VALID_CSV.encode())[0]["reference"] == "R1"
    with pytest.raises(LoopError, match="csv or .xlsx"):
        read_upload("actions.exe", b"MZ\x90\x00")
    with pytest.raises(LoopError, match="csv or .xlsx"):
        read_upload("actions.csv.exe", VALID_CSV.encode())
    with pytest.raises(LoopError, match="2 MB"):
        read_upload("actions.csv", b"a" * (MAX_IMPORT_BYTES + 1))
    with pytest.raises(LoopError, match="UTF-8"):
        read_upload("actions.csv", "reference,title\nR1,Työ\n".encode("utf-16"))
    with pytest.raises(LoopError, match="not an XLSX"):
        read_upload("actions.xlsx", b"MZ not a zip")
    with pytest.raises(LoopError, match="could not be read"):
        read_upload("actions.xlsx", b"PK\x03\x04 broken")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("actions.exe", b"MZ\x90\x00", "upload a .csv or .xlsx file"),
    ("actions.csv", b"a" * (MAX_IMPORT_BYTES + 1), "larger than 2 MB"),
    ("actions.csv", "reference,title\nR1,Työ\n".encode("latin-1"), "not UTF-8"),
])  # fmt: skip
def test_action_import_view_refuses_bad_uploads(make_user: Any, name: str, content: bytes, message: str) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user("manager", "15"))
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_action_import_view_accepts_a_valid_csv(make_user: Any) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user("manager", "15"))
    response = client.post("/knowledge/actions/", {"file": SimpleUploadedFile("actions.csv", VALID_CSV.encode())})
    assert response.status_code == 302
    assert list(Action.objects.values_list("reference", flat=True)) == ["R1"]


def test_a_nul_in_the_address_is_refused_in_html_on_pages_and_in_json_in_the_api(make_user: Any) -> None:
    client = Client()
    client.force_login(make_user("coordinator", "15"))
    page = client.get("/sources/?q=a%00b")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")
    api = client.get("/api/v1/sources/documents?q=a%00b")
    assert api.status_code == 400 and api.json() == {"detail": "Bad request: the address contains a NUL character."}
