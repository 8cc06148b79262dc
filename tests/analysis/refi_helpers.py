"""Shared by the REFI-QDA tests: the official schemas (lxml), unpacking a .qdpx, reports."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
QDC = "urn:QDA-XML:codebook:1.0"
QDE = "urn:QDA-XML:project:1.0"
NS = {"q": QDE}
# Multi-byte letters, a character outside the BMP and a Windows line ending before the passages.
FIRST = "Asiakkaat 😀 menettävät\r\nvuokra-asunnon, kun asumistuki muuttuu.\r\nHäätöuhka kasvaa."
SECOND = "Nuoret jäävät ilman tukea.\nVelat kasvavat."


@functools.cache
def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / f"{name}.xsd")))


def valid(content: bytes, name: str) -> Any:
    """The parsed document; fails the test with lxml's reasons when it is not valid."""
    document = etree.fromstring(content)
    checker = schema(name)
    assert checker.validate(document), "\n".join(str(e) for e in checker.error_log)
    return document


def unpack(qdpx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(qdpx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def file_report(text: str, *, title: str = "Vuokrarästit", county: str = "15", municipality: str = "179") -> Any:
    from ilmio.areas.models import County, Municipality
    from ilmio.reports.models import Report
    from ilmio.reports.services import submit_report

    report, _ = submit_report({"title": title, "description": text,
                               "municipalities": [Municipality.objects.get(code=municipality)]},
                              county=County.objects.get(code=county), channel=Report.Channel.FORM)  # fmt: skip
    assert report.description == text, "redaction changed the test text"
    return report


def upload(content: bytes, name: str = "project.qdpx") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def messages_of(response: Any) -> list[tuple[str, str]]:
    from django.contrib.messages import get_messages

    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
