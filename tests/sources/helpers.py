"""Shared helpers of the source-document tests: files to upload, a document with findings."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ilmio.areas.models import Municipality
from ilmio.sources.models import Finding, SourceDocument
from ilmio.sources.services import add_finding, publish_document, save_document
from ilmio.taxonomy.models import Phenomenon

NAME = "Matti Virtanen"
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes(with_document: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_document:
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf(name: str = "selvitys.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx(name: str = "kertomus.docx", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes() if content is None else content,
                              content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip


def document(by: Any, *, title: str = "Sosiaaliasiavastaavan selvitys 2025", upload: Any = None,
             kind: str = SourceDocument.Kind.SOCIAL_OMBUDSMAN, year: int = 2025) -> SourceDocument:  # fmt: skip
    return save_document(by=by, kind=kind, title=title, year=year, author_organisation="Sosiaaliasiavastaava",
                         summary="Yhteenveto asiakkaiden yhteydenotoista.", upload=upload or pdf())  # fmt: skip


def asuminen_findings(by: Any, *, publish: bool = False, county_municipality: str = "179") -> tuple[SourceDocument, list[Finding]]:
    """An ombudsman's report with two findings linked to asuminen in the writer's county."""
    made = document(by)
    asuminen = Phenomenon.objects.get(code="asuminen")
    municipality = Municipality.objects.get(code=county_municipality)
    findings = [
        add_finding(made, "Asunnottomuus on lisääntynyt nuorten aikuisten keskuudessa.", by=by, phenomena=[asuminen],
                    municipalities=[municipality]),
        add_finding(made, "Tuetun asumisen paikkoja on liian vähän koko hyvinvointialueella.", by=by,
                    phenomena=[asuminen]),
    ]  # fmt: skip
    if publish:
        publish_document(made, by=by)
    return made, findings


def logged_in(user: Any, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def upload_data(upload: Any, **extra: Any) -> dict[str, Any]:
    return {"kind": SourceDocument.Kind.SOCIAL_OMBUDSMAN, "title": "Sosiaaliasiavastaavan selvitys 2025",
            "author_organisation": "Sosiaaliasiavastaava", "year": "2025", "language": "fi",
            "summary": "Yhteenveto.", "file": upload, **extra}  # fmt: skip
