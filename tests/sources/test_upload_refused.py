"""A file that is not a PDF or a Word document, or is too large, is refused with a clear
message, and nothing is stored: no document and no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from ilmio.sources import files
from ilmio.sources.models import SourceDocument
from tests.sources.helpers import PDF_BYTES, docx, docx_bytes, logged_in, pdf, upload_data

pytestmark = pytest.mark.django_db
REFUSED = "Only PDF and Word (DOCX) documents can be uploaded"


def stored_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "sources"
    return list(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("upload", "message"), [
    (lambda: pdf("ohjelma.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100), REFUSED),
    (lambda: pdf("selvitys.exe", PDF_BYTES), REFUSED),
    (lambda: pdf("selvitys.docx", PDF_BYTES), REFUSED),
    (lambda: docx("arkisto.docx", docx_bytes(with_document=False)), REFUSED),
    (lambda: docx("rikki.docx", b"PK\x03\x04 not really a zip"), REFUSED),
    (lambda: pdf("tyhja.pdf", b""), "empty"),
    (lambda: pdf("iso.pdf", PDF_BYTES + b"0" * files.MAX_BYTES), "too large: at most 20 MB"),
])  # fmt: skip
def test_a_bad_file_is_refused_and_nothing_is_stored(make_user, upload, message):
    response = logged_in(make_user("coordinator")).post("/sources/", upload_data(upload()))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SourceDocument.objects.exists() and stored_files() == []


def test_no_file_at_all_is_refused(make_user):
    response = logged_in(make_user("coordinator")).post("/sources/", upload_data(""))
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert not SourceDocument.objects.exists()


@pytest.mark.parametrize("extra", [{"kind": "nonsense"}, {"year": "1066"}, {"year": "abc"}, {"title": "  "},
                                   {"title": "x\x00y"}, {"municipalities": ["297"]}])  # fmt: skip
def test_bad_fields_are_refused_and_nothing_is_stored(make_user, extra):
    response = logged_in(make_user("coordinator")).post("/sources/", upload_data(pdf(), **extra))
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert not SourceDocument.objects.exists() and stored_files() == []
