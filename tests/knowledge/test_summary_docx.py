"""The summary as DOCX: the same content as the PDF (headings, table, quotes in quote style,
audience mark in the header), in the summary's language, without counts the version hides."""

from __future__ import annotations

import io

import pytest
from docx import Document

from ilmio.core.roles import Role
from ilmio.knowledge.models import Summary
from tests.knowledge.document_helpers import EXACT, build_summary
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db


def docx_parts(content: bytes) -> tuple[str, str, list[str], str]:
    document = Document(io.BytesIO(content))
    header = document.sections[0].header.paragraphs[0].text
    body = "\n".join(p.text for p in document.paragraphs)
    quotes = [
        p.text for p in document.paragraphs if p.style is not None and "Quote" in p.style.name
    ]
    table = "\n".join(cell.text for t in document.tables for row in t.rows for cell in row.cells)
    return header, body, quotes, table


def test_internal_and_decision_maker_docx(make_user) -> None:
    approver = make_user(Role.MANAGER, username="approver")
    summary = build_summary(approver)
    summary.audience = Summary.Audience.DECISION_MAKERS
    summary.save()
    internal = logged_in(make_user(Role.MANAGER)).get(
        f"/knowledge/summaries/{summary.pk}/export.docx"
    )
    assert internal.status_code == 200
    header, body, quotes, table = docx_parts(internal.content)
    assert "Sisäinen" in header
    assert "1.1.2025–31.3.2025" in body and approver.get_username() in body
    assert f": {EXACT} raporttia" in body and str(EXACT) in table
    assert "Perheet pelkäävät menettävänsä kotinsa." in quotes

    response = logged_in(make_user(Role.DECISION_MAKER)).get(
        f"/knowledge/summaries/{summary.pk}/export.docx"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    header, body, quotes, table = docx_parts(response.content)
    assert "Päättäjille" in header and "Sisäinen" not in header
    assert (
        "Asumisen kysymykset nousivat" in body
    )  # Finnish, the summary's language, for an English reader
    assert f": {EXACT} raporttia" not in body and str(EXACT) not in table.split()
    assert "piilotettu" in body


def test_public_docx_of_a_non_public_summary_is_404(make_user, client) -> None:
    summary = build_summary(make_user(Role.MANAGER), rich=False)
    summary.audience = Summary.Audience.DECISION_MAKERS
    summary.save()
    assert client.get(f"/knowledge/public/summaries/{summary.pk}/export.docx").status_code == 404
    summary.audience = Summary.Audience.PUBLIC
    summary.save()
    assert client.get(f"/knowledge/public/summaries/{summary.pk}/export.docx").status_code == 200
