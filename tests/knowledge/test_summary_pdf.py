"""The summary PDF a county can send to its board: cover page with county, period, audience
mark, approver and date; narrative, chart and table, statements, quotes — in the summary's
language, with no count the version may not show. Page 1 is rendered to PNG with pdftoppm."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ilmio.core.roles import Role
from ilmio.knowledge.models import Summary
from ilmio.knowledge.pdf import summary_pdf
from tests.knowledge.document_helpers import EXACT, build_summary

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize(("audience", "mark", "other_marks"), [
    (Summary.Audience.INTERNAL, "Sisäinen", ("Päättäjille", "Julkinen")),
    (Summary.Audience.PUBLIC, "Julkinen", ("Sisäinen", "Päättäjille")),
])  # fmt: skip
def test_summary_pdf_is_a_board_document(
    make_user, tmp_path: Path, audience: str, mark: str, other_marks: tuple[str, ...]
) -> None:
    approver = make_user(Role.MANAGER)
    approver.first_name, approver.last_name = "Aino", "Hyväksyjä"
    approver.save()
    summary = build_summary(approver)
    pdf = summary_pdf(summary, audience)
    text = pdf_text(pdf, tmp_path)
    cover = text.split("\f")[0]
    assert summary.county.name_fi in cover  # the summary's language (fi), whatever the test runner's is
    assert "1.1.2025–31.3.2025" in cover
    assert "Aino Hyväksyjä" in cover and "14.4.2025" in cover
    assert mark in cover and not any(other in cover for other in other_marks)
    assert "Asumisen kysymykset nousivat" in text  # the narrative
    assert "Ilmiöittäin" in text or "Ilmoitukset ilmiöittäin" in text  # chart heading in Finnish
    assert "Perheet pelkäävät menettävänsä kotinsa." in text
    if audience == Summary.Audience.INTERNAL:
        assert f": {EXACT} raporttia" in text
        assert "Ei-julkinen lainaus" in text
    else:
        assert f": {EXACT} raporttia" not in text  # the exact count stays internal
        assert "Ei-julkinen lainaus" not in text  # quotes not approved for the public
        assert "piilotettu" in text  # footnote on hidden numbers
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "summary.pdf"),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    pages = list(tmp_path.glob("page*.png"))
    assert pages and pages[0].stat().st_size > 5000, "page 1 renders to a non-blank PNG"
