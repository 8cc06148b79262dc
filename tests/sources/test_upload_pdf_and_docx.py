"""A coordinator uploads a PDF or a Word document: it is stored under MEDIA_ROOT/sources/
with a generated name, and the county's staff download exactly that file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from ilmio.sources.models import SourceDocument
from tests.sources.helpers import PDF_BYTES, docx, docx_bytes, logged_in, pdf, upload_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("upload", "content", "extension"), [
    (lambda: pdf("Matti Virtanen selvitys.pdf"), PDF_BYTES, "pdf"),
    (lambda: docx("kertomus.DOCX"), None, "docx"),
])  # fmt: skip
def test_an_upload_is_stored_and_downloaded(make_user, upload, content, extension):
    coordinator = make_user("coordinator")
    client = logged_in(coordinator)
    response = client.post("/sources/", upload_data(upload()))
    document = SourceDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/sources/{document.pk}/"
    assert document.county.code == "15" and document.created_by == coordinator and not document.published
    stored = Path(settings.MEDIA_ROOT) / document.file.name
    assert document.file.name.startswith("sources/") and document.file.name.endswith(f".{extension}")
    assert "Virtanen" not in document.file.name  # the uploaded name is not kept
    expected = content if content is not None else docx_bytes()
    assert stored.read_bytes() == expected
    download = client.get(f"/sources/{document.pk}/file")
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="source-{document.pk}.{extension}"'
    assert b"".join(download.streaming_content) == expected


def test_the_manager_of_the_county_downloads_it_too(make_user):
    coordinator, manager = make_user("coordinator"), make_user("manager")
    logged_in(coordinator).post("/sources/", upload_data(pdf()))
    document = SourceDocument.objects.get()
    assert logged_in(manager).get(f"/sources/{document.pk}/file").status_code == 200
